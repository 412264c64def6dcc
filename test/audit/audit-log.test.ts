import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { appendAudit, verifyAuditLog } from '../../src/audit';
import { canonicalJson, ChainVerifier, entryHash, GENESIS_HASH } from '../../src/domain/audit';
import { migrate, PostgresDb, type Db } from '../../src/store';
import { forEachBackend } from '../support/backends';
import { runCli } from '../support/cli';
import { startTestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { downloadXlsx, expectIntegerCell, expectLayout, expectTextCell, records, XLSX_TYPE } from '../support/xlsx';

const doc = randomUUID();

async function seed(db: Db, n: number, actor = 'clerk-1'): Promise<void> {
  for (let i = 0; i < n; i++) {
    await db.tx((q) =>
      appendAudit(q, {
        at: `2026-03-${String(10 + i).padStart(2, '0')}T09:00:00.000Z`,
        actor: i % 2 ? 'head-of-department' : actor,
        action: i === 0 ? 'control.assigned' : 'control.extended',
        documentId: doc,
        before: i === 0 ? null : { term: `2026-04-${String(9 + i).padStart(2, '0')}` },
        after: { term: `2026-04-${String(10 + i).padStart(2, '0')}`, executors: ['Відділ освіти'] },
        reason: i === 0 ? null : 'Потрібен додатковий час на погодження',
      }),
    );
  }
}

describe('control log hash chain (pure)', () => {
  it('canonical JSON sorts keys at every level, so jsonb key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).to.equal('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
  it('a changed field, a changed predecessor or a changed position gives a different hash', () => {
    const rec = { at: '2026-03-10T09:00:00.000Z', actor: 'a', action: 'x', documentId: null, before: null, after: { t: 1 }, reason: null };
    const h = entryHash(GENESIS_HASH, 1, rec);
    expect(entryHash(GENESIS_HASH, 1, { ...rec, after: { t: 2 } })).to.not.equal(h);
    expect(entryHash('1'.repeat(64), 1, rec)).to.not.equal(h);
    expect(entryHash(GENESIS_HASH, 2, rec)).to.not.equal(h);
    expect(entryHash(GENESIS_HASH, 1, { ...rec })).to.equal(h);
  });
  it('the verifier names the first entry whose link is broken', () => {
    const rec = { at: '2026-03-10T09:00:00.000Z', actor: 'a', action: 'x', documentId: null, before: null, after: null, reason: null };
    const e1 = { ...rec, seq: 1, prevHash: GENESIS_HASH, hash: entryHash(GENESIS_HASH, 1, rec) };
    const e2 = { ...rec, seq: 2, prevHash: e1.hash, hash: entryHash(e1.hash, 2, rec) };
    const e3 = { ...rec, seq: 3, prevHash: e2.hash, hash: entryHash(e2.hash, 3, rec) };
    const whole = new ChainVerifier();
    whole.feed([e1, e2, e3]);
    expect(whole.verdict()).to.deep.equal({ ok: true, checked: 3, head: { seq: 3, hash: e3.hash } });
    const gap = new ChainVerifier();
    gap.feed([e1, e3]);
    expect(gap.verdict()).to.include({ ok: false, brokenAt: 3, problem: 'link-broken', checked: 1 });
  });
});

forEachBackend('control log in the database', (getDb) => {
  before(async () => seed(getDb(), 4));

  it('appends entries that verify as one chain', async () => {
    const verdict = await verifyAuditLog(getDb());
    expect(verdict).to.include({ ok: true, checked: 4 });
  });

  for (const [what, sql] of [
    ['UPDATE', `UPDATE audit_log SET reason = 'підчищено' WHERE seq = 2`],
    ['DELETE', 'DELETE FROM audit_log WHERE seq = 2'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ] as const) {
    it(`the database refuses ${what} on the log`, async () => {
      let error: Error | undefined;
      try {
        await getDb().query(sql);
      } catch (err) {
        error = err as Error;
      }
      expect(error?.message).to.match(/append-only/);
      expect(await verifyAuditLog(getDb())).to.include({ ok: true, checked: 4 });
    });
  }
});

describe('control log tampered with by a superuser (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let db: Db;

  async function asSuperuser(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: testDb.url });
    await client.connect();
    try {
      // Bypass the guard the way only a superuser can: triggers do not fire for replicas.
      await client.query('SET session_replication_role = replica');
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeEach(async () => {
    testDb = await createTestDatabase('audit');
    db = new PostgresDb({ connectionString: testDb.url });
    await migrate(db);
    await seed(db, 6);
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
  });

  it('an edited entry is found: verify points at it (API and CLI)', async () => {
    await asSuperuser(`UPDATE audit_log SET after = jsonb_set(after, '{term}', '"2026-12-31"') WHERE seq = 3`);
    const verdict = await verifyAuditLog(db);
    expect(verdict).to.include({ ok: false, brokenAt: 3, problem: 'hash-mismatch', checked: 2 });
    const cli = await runCli(['audit', 'verify', '--json'], { DATABASE_URL: testDb.url });
    expect(cli.code).to.equal(1);
    expect(JSON.parse(cli.stdout)).to.include({ ok: false, brokenAt: 3 });
    const text = await runCli(['audit', 'verify'], { DATABASE_URL: testDb.url });
    expect(text.stdout).to.contain('Перший пошкоджений запис: 3');
    const hub = await startTestHub({ databaseUrl: testDb.url });
    try {
      const res = await (await fetch(`${hub.url}/api/v1/audit/verify`, { headers: hub.auth })).json();
      expect(res).to.include({ ok: false, brokenAt: 3 });
    } finally {
      await hub.close();
    }
  });

  it('a deleted entry is found at the entry after it; a re-hashed edit breaks the next link', async () => {
    await asSuperuser('DELETE FROM audit_log WHERE seq = 4');
    expect(await verifyAuditLog(db)).to.include({ ok: false, brokenAt: 5, problem: 'link-broken' });
  });

  it('rewriting an entry together with its own hash still breaks the chain at the next entry', async () => {
    await asSuperuser(`UPDATE audit_log SET actor = 'someone-else', hash = repeat('a', 64) WHERE seq = 2`);
    expect(await verifyAuditLog(db)).to.include({ ok: false, brokenAt: 2 });
  });

  it('an intact log verifies via the CLI with exit 0 and reports the head hash', async () => {
    const cli = await runCli(['audit', 'verify'], { DATABASE_URL: testDb.url });
    expect(cli.code).to.equal(0);
    expect(cli.stdout).to.contain('перевірено 6 записів');
  });

  it('the CLI counts the entries with their Ukrainian plural form: «21 запис», «22 записи»', async () => {
    await seed(db, 15);
    expect((await runCli(['audit', 'verify'], { DATABASE_URL: testDb.url })).stdout).to.contain('перевірено 21 запис.');
    await seed(db, 1);
    expect((await runCli(['audit', 'verify'], { DATABASE_URL: testDb.url })).stdout).to.contain('перевірено 22 записи.');
  });

  it('the log is queried by document, actor, action and dates, paginated, and exported as CSV', async () => {
    const hub = await startTestHub({ databaseUrl: testDb.url });
    try {
      const byActor = (await (await fetch(`${hub.url}/api/v1/audit/log?actor=head-of-department`, { headers: hub.auth })).json()) as { items: Array<{ seq: number; actor: string }> };
      expect(byActor.items.map((e) => e.seq)).to.deep.equal([2, 4, 6]);
      const ranged = (await (await fetch(`${hub.url}/api/v1/audit/log?documentId=${doc}&action=control.extended&from=2026-03-12&to=2026-03-13`, { headers: hub.auth })).json()) as { items: Array<{ seq: number }> };
      expect(ranged.items.map((e) => e.seq)).to.deep.equal([3, 4]);
      const p1 = (await (await fetch(`${hub.url}/api/v1/audit/log?limit=4`, { headers: hub.auth })).json()) as { items: Array<{ seq: number }>; nextCursor: string };
      const p2 = (await (await fetch(`${hub.url}/api/v1/audit/log?limit=4&cursor=${p1.nextCursor}`, { headers: hub.auth })).json()) as { items: Array<{ seq: number }>; nextCursor: string | null };
      expect([...p1.items, ...p2.items].map((e) => e.seq)).to.deep.equal([1, 2, 3, 4, 5, 6]);
      expect(p2.nextCursor).to.equal(null);
      const csv = await (await fetch(`${hub.url}/api/v1/audit/log?format=csv&action=control.assigned`, { headers: hub.auth })).text();
      const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
      // For a Ukrainian Excel: `;`, Ukrainian columns, the Kyiv time, and the UTC one the hash covers.
      expect(lines[0]).to.equal('Номер запису;Час (Київ);Час (UTC, як у хеші);Хто;Як автентифіковано;Дія;Документ;До;Після;Причина;Хеш попереднього;Хеш');
      expect(lines).to.have.length(2);
      expect(lines[1]).to.contain('Відділ освіти');
      expect((await fetch(`${hub.url}/api/v1/audit/log?documentId=nope`, { headers: hub.auth })).status).to.equal(400);
    } finally {
      await hub.close();
    }
  });

  it('the log as XLSX (format=xlsx or Accept): the filters in the caption, the Kyiv time as a date, the UTC text the hash covers, as the JSON', async () => {
    const hub = await startTestHub({ databaseUrl: testDb.url });
    try {
      const query = `documentId=${doc}&from=2026-03-12&to=2026-03-13`;
      const json = (await (await fetch(`${hub.url}/api/v1/audit/log?${query}`, { headers: hub.auth })).json()) as { items: Array<Record<string, any>> };
      expect(json.items.map((e) => e.seq)).to.deep.equal([3, 4]);
      for (const [path, headers] of [[`/api/v1/audit/log?${query}&format=xlsx`, {}], [`/api/v1/audit/log?${query}`, { accept: XLSX_TYPE }]] as const) {
        const { sheet, headers: got } = await downloadXlsx(hub, path, headers);
        expect(got.get('content-disposition')).to.equal('attachment; filename="audit-log_2026-03-12_2026-03-13.xlsx"');
        expectLayout(sheet, {
          title: 'Журнал контролю дій',
          caption: `Період: з 12.03.2026 по 13.03.2026; документ: ${doc}`,
          headers: ['Номер запису', 'Час (Київ)', 'Час (UTC, як у хеші)', 'Хто', 'Як автентифіковано', 'Дія', 'Документ', 'До', 'Після', 'Причина', 'Хеш попереднього', 'Хеш'],
        });
        const rows = records(sheet);
        expect(rows).to.have.length(2);
        json.items.forEach((e, i) => {
          const row = rows[i]!;
          expectIntegerCell(row['Номер запису'], e.seq);
          // 09:00 UTC in March is 11:00 in Kyiv (UTC+2): the cell holds the Kyiv wall clock, as a date-time.
          expect(row['Час (Київ)']!.value).to.deep.equal(new Date(Date.UTC(2026, 2, 12 + i, 11, 0, 0)));
          expect(row['Час (Київ)']!.numFmt).to.equal('dd.mm.yyyy hh:mm:ss');
          expectTextCell(row['Час (UTC, як у хеші)'], e.at);
          expectTextCell(row['Хто'], e.actor);
          expectTextCell(row['Дія'], e.action);
          expectTextCell(row['Документ'], e.documentId);
          expectTextCell(row['До'], JSON.stringify(e.before));
          expectTextCell(row['Після'], JSON.stringify(e.after));
          expectTextCell(row['Причина'], e.reason);
          expectTextCell(row['Хеш попереднього'], e.prevHash);
          expectTextCell(row['Хеш'], e.hash);
        });
      }
      const bad = await fetch(`${hub.url}/api/v1/audit/log?format=pdf`, { headers: hub.auth });
      expect([bad.status, ((await bad.json()) as { code: string }).code]).to.deep.equal([400, 'INVALID_QUERY']);
    } finally {
      await hub.close();
    }
  });
});
