/**
 * The archive (issue 13): `dilovod import FILE…` and POST /api/v1/archive/import on the machine's
 * PostgreSQL. Files are generated here into a temp dir; the CLI runs as a user runs it (bin/dilovod.js).
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControlScheduler } from '../../src/control';
import { fakePerson, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { createLogger } from '../../src/log';
import { appealSubmission, cardFor, OFFICER, call as appealCall } from '../appeals/support';
import { runCli } from '../support/cli';
import { ManualClock } from '../support/clock';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { call } from '../support/http';
import { bearer, ensureStaff, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const HEADER = 'source;externalId;kind;correspondent;summary;receivedAt;regIndex;regNumber;regDate;caseIndex;controlExecutor;controlTerm;controlExecutedOn';

/** A letter of the archive as a CSV row: registered `number` in the incoming journal on `date`. */
function letterRow(n: number, date: string, extra: { executor?: string; term?: string; executedOn?: string; caseIndex?: string } = {}): string {
  return [
    'old-edms', `L-${date.slice(0, 4)}-${n}`, 'official-letter', 'ТОВ «Ромашка»', `Лист про постачання № ${n}`, `${date}T08:00:00Z`,
    `01-07/${n}`, String(n), date, extra.caseIndex ?? '', extra.executor ?? '', extra.term ?? '', extra.executedOn ?? '',
  ].join(';');
}

describe('archive: import of earlier years keeping their registration (real PostgreSQL)', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let dir: string;
  let env: Record<string, string>;
  let edms: Record<string, string>;
  const clock = new ManualClock('2026-03-10T09:00:00Z');
  const rng = seededRng(1307);
  const person = fakePerson(rng, { house: '7', apartment: '12', street: ['вул.', 'Соборна'] });

  before(async () => {
    testDb = await createTestDatabase('archive');
    hub = await startTestHub({ databaseUrl: testDb.url }, { clock, scheduler: false });
    dir = mkdtempSync(join(tmpdir(), 'dilovod-archive-'));
    env = { DATABASE_URL: testDb.url };
    edms = bearer(await systemToken(hub.db, ['integrator'], { sources: ['old-edms', 'edms'] }));
    // The 2018 nomenclature, as the council loads it before its archive.
    const nom = JSON.parse(readFileSync(join(__dirname, '..', '..', 'reference-data', 'nomenclature', 'sample-general-department.json'), 'utf8'));
    delete nom.year;
    writeFileSync(join(dir, 'nom-2018.json'), JSON.stringify(nom));
    const loaded = await runCli(['nomenclature', 'import', join(dir, 'nom-2018.json'), '--year', '2018'], env);
    expect(loaded.code, loaded.stderr).to.equal(0);
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  const docByIndex = async (index: string, year: number) =>
    (await hub.db.query<Json>('SELECT * FROM documents WHERE reg_index = $1 AND reg_year = $2', [index, year]))[0];
  const count = async (sql: string, params: unknown[] = []) => (await hub.db.query<{ n: number }>(sql, params))[0]!.n;

  it('CSV by the CLI: original index, number and date kept, marked imported; bad rows reported by file:line:field in Ukrainian and kept aside; the live journal continues after the highest number', async () => {
    const rows = [HEADER];
    // 2026 before the hub: numbers 1..30 of the incoming journal, in January and February.
    for (let n = 1; n <= 30; n++) rows.push(letterRow(n, n <= 15 ? '2026-01-20' : '2026-02-16'));
    // 2018, with the control history: one executed, one never closed (its term long past).
    rows.push(letterRow(501, '2018-03-05', { executor: 'archive-executor', term: '2018-04-05', executedOn: '2018-03-30' }));
    rows.push(letterRow(502, '2018-03-06', { executor: 'archive-executor', term: '2018-04-06' }));
    rows.push('old-edms;L-bad-1;official-letter;;Лист без кореспондента;2018-03-09T08:00:00Z;01-07/503;503;2018-03-09;;;;'); // line 34
    rows.push('old-edms;L-bad-2;official-letter;ПП «Вишня»;Лист;2018-03-09T08:00:00Z;01-07/504;п’ятсот;2018-03-09;;;;'); // line 35
    rows.push(letterRow(505, '2018-03-10', { caseIndex: '99-99' })); // line 36: no such case in 2018
    rows.push('old-edms;L-bad-4;official-letter;ПП «Вишня»;Лист;2018-03-12T08:00:00Z;01-07/506;506;2018-03-11;;;;'); // line 37: registered before received
    const file = join(dir, 'letters.csv');
    writeFileSync(file, rows.join('\n') + '\n');

    const run = await runCli(['import', file], env);
    expect(run.code, run.stderr).to.equal(65);
    expect(run.stdout).to.contain('імпортовано 32 записи').and.contain('відхилено 4 рядки');
    expect(run.stderr).to.contain(`${file}:34: поле «correspondent»: бракує обов'язкового поля «correspondent»`);
    expect(run.stderr).to.match(new RegExp(`letters\\.csv:35: поле «regNumber»: [а-яіїє]`, 'i'));
    expect(run.stderr).to.contain(`${file}:36: поле «caseIndex»`).and.contain('справа 99-99, 2018 рік');
    expect(run.stderr).to.contain(`${file}:37: поле «regDate»: дата реєстрації 2018-03-11 раніше за дату надходження 2018-03-12`);
    // Kept aside, byte for byte, beside the input, with the reasons.
    const rejects = readFileSync(join(dir, 'letters.rejects.csv'), 'utf8').trimEnd().split('\n');
    expect(rejects).to.deep.equal([HEADER, rows[33], rows[34], rows[35], rows[36]]);
    expect(readFileSync(join(dir, 'letters.rejects.txt'), 'utf8')).to.contain(':35: поле «regNumber»');

    const d17 = await docByIndex('01-07/17', 2026);
    expect(d17).to.include({ reg_number: 17, reg_journal: 'incoming', reg_case: '01-07', status: 'registered', source: 'old-edms', external_id: 'L-2026-17' });
    expect(d17.imported_at).to.not.equal(null);
    const card = await call(hub, 'GET', `/api/v1/documents/${d17.id}`);
    expect(card.json.registration).to.deep.include({ index: '01-07/17', number: 17, date: '2026-02-16', year: 2026 });
    expect((await docByIndex('01-07/501', 2018)).status).to.equal('executed');
    expect((await docByIndex('01-07/502', 2018)).status).to.equal('under-control');

    // The next live registration of 2026 continues after the highest imported number.
    const live = await call(hub, 'POST', '/api/v1/documents', submission({ kind: 'official-letter' }));
    expect(live.status).to.equal(201);
    expect(live.json.registration).to.include({ index: '01-07/31', number: 31, year: 2026 });
  });

  it('a re-run of the same file imports nothing twice and leaves the counter where it is', async () => {
    const file = join(dir, 'letters.csv');
    const before = await count('SELECT count(*)::int AS n FROM documents');
    const run = await runCli(['import', file], env);
    expect(run.code).to.equal(65);
    expect(run.stdout).to.contain('імпортовано 0 записів').and.contain('уже були на обліку 32 записи').and.contain('відхилено 4 рядки');
    expect(await count('SELECT count(*)::int AS n FROM documents')).to.equal(before);
    expect(await count("SELECT last_number AS n FROM journal_counters WHERE journal = 'incoming' AND year = 2026")).to.equal(31);
    const live = await call(hub, 'POST', '/api/v1/documents', submission({ kind: 'official-letter' }));
    expect(live.json.registration.number).to.equal(32);
  });

  /** Appeals of 2018 as JSON lines: the card in meta.appeal, the answer and the control history. */
  function appealLines(): string[] {
    const lines: string[] = [];
    const first = appealSubmission(cardFor([person], { writtenOn: '2018-03-01', summary: 'Щодо ремонту покрівлі будинку' }), {
      source: 'old-edms', externalId: 'A-2018-1', receivedAt: '2018-03-02T09:00:00Z', summary: 'Щодо ремонту покрівлі будинку',
    });
    lines.push(JSON.stringify({
      submission: first, registration: { index: '01-09/П-1', number: 1, date: '2018-03-02' },
      answer: { result: 'explained', answeredOn: '2018-03-20', summary: 'Роботи включено до плану' },
      control: [{ executor: 'housing-dept', term: '2018-04-01', executedOn: '2018-03-20' }],
    }));
    for (let i = 2; i <= 9; i++) {
      const p = fakePerson(rng);
      const day = String(i + 2).padStart(2, '0');
      lines.push(JSON.stringify({
        submission: appealSubmission(cardFor([p], { writtenOn: `2018-04-${day}`, summary: `Щодо освітлення вулиці ${i}` }), {
          source: 'old-edms', externalId: `A-2018-${i}`, receivedAt: `2018-04-${day}T09:00:00Z`, summary: `Щодо освітлення вулиці ${i}`,
        }),
        registration: { index: `01-09/${i}`, number: i, date: `2018-04-${day}` },
        // An open card of 2018: its term is long past, it raises nothing.
        ...(i === 9 ? { control: [{ executor: 'housing-dept', term: '2018-05-10' }] } : {}),
      }));
    }
    lines.push('{"submission": {"source": "old-edms"'); // line 10: not JSON
    return lines;
  }

  it('JSON lines by the CLI: an interrupted run (the first half) is resumed by running the whole file; nothing twice', async () => {
    const lines = appealLines();
    const half = join(dir, 'appeals-half.jsonl');
    writeFileSync(half, lines.slice(0, 5).join('\n') + '\n');
    const first = await runCli(['import', half], env);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.contain('імпортовано 5 записів');
    expect(existsSync(join(dir, 'appeals-half.rejects.jsonl'))).to.equal(false);

    const whole = join(dir, 'appeals.jsonl');
    writeFileSync(whole, lines.join('\n') + '\n');
    const second = await runCli(['import', whole], env);
    expect(second.code).to.equal(65);
    expect(second.stdout).to.contain('імпортовано 4 записи').and.contain('уже були на обліку 5 записів').and.contain('відхилено 1 рядок');
    expect(second.stderr).to.contain(`${whole}:10: поле «(рядок)»: рядок не є коректним JSON`);
    expect(readFileSync(join(dir, 'appeals.rejects.jsonl'), 'utf8')).to.equal(`${lines[9]}\n`);
    expect(await count("SELECT count(*)::int AS n FROM appeals a JOIN documents d ON d.id = a.document_id WHERE d.source = 'old-edms'")).to.equal(9);
    expect(await count("SELECT count(*)::int AS n FROM documents WHERE source = 'old-edms' AND kind = 'citizen-appeal'")).to.equal(9);
    const a1 = await docByIndex('01-09/П-1', 2018);
    expect(a1).to.include({ reg_number: 1, reg_journal: 'appeals', status: 'executed' });
    const appeal = await appealCall(hub, 'GET', `/api/v1/documents/${a1.id}/appeal`, undefined, OFFICER);
    expect(appeal.json).to.deep.include({ result: 'explained', answeredOn: '2018-03-20' });
    expect(appeal.json.card.receivedOn).to.equal('2018-03-02');
    // The appeals journal of 2018 continues after 9.
    expect(await count("SELECT last_number AS n FROM journal_counters WHERE journal = 'appeals' AND year = 2018")).to.equal(9);
  });

  it('imported appeals are counted by the report of their year, and a live repeat finds the imported one (003 §102: «П»)', async () => {
    const y2018 = await call(hub, 'GET', '/api/v1/reports/appeals?from=2018-01-01&to=2018-12-31');
    expect(y2018.status).to.equal(200);
    expect(y2018.json.total).to.equal(9);
    const y2026 = await call(hub, 'GET', '/api/v1/reports/appeals?from=2026-01-01&to=2026-12-31');
    expect(y2026.json.total).to.equal(0);

    const a1 = await docByIndex('01-09/П-1', 2018);
    const variant = cardFor([person], { writtenOn: '2026-03-04', summary: 'Прошу відремонтувати покрівлю в будинку' });
    const res = await appealCall(hub, 'POST', '/api/v1/documents', appealSubmission(variant));
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    const live = await appealCall(hub, 'GET', `/api/v1/documents/${res.json.id}/appeal`, undefined, OFFICER);
    expect(live.json.intake).to.include({ recurrence: 'repeat', mark: 'П', linkedTo: a1.id });
    const d = live.json.intake.decisions.find((x: Json) => x.rule === 'recurrence');
    expect(d.details.earlierIndex).to.equal('01-09/П-1');
  });

  it('HTTP: a batch answers each row (imported, already on file, rejected in Ukrainian and English); again: nothing twice; without the permission: 403', async () => {
    const rows = [
      { submission: submission({ source: 'old-edms', externalId: 'H-1', kind: 'official-letter', receivedAt: '2018-06-01T08:00:00Z' }), registration: { index: '01-07/900', number: 900, date: '2018-06-01' } },
      { submission: submission({ source: 'old-edms', externalId: 'H-2', kind: 'official-letter', receivedAt: '2018-06-01T08:00:00Z' }), registration: { index: '01-07/901', number: 'дев’ятсот', date: '2018-06-01' } },
      { submission: submission({ source: 'old-edms', externalId: 'L-2026-17', kind: 'official-letter', receivedAt: '2026-02-16T08:00:00Z' }), registration: { index: '01-07/17', number: 17, date: '2026-02-16' } },
      { submission: submission({ source: 'someone-else', externalId: 'H-3', kind: 'official-letter', receivedAt: '2018-06-01T08:00:00Z' }), registration: { index: '01-07/902', number: 902, date: '2018-06-01' } },
      // Open, its term before the import: no reminder, no overdue notice.
      {
        submission: submission({ source: 'old-edms', externalId: 'H-4', kind: 'official-letter', receivedAt: '2026-01-05T08:00:00Z' }),
        registration: { index: '01-07/25-а', number: 40, date: '2026-01-05' }, control: [{ executor: 'it-dept', term: '2026-02-01' }],
      },
    ];
    const res = await call(hub, 'POST', '/api/v1/archive/import', rows, edms);
    expect(res.status, JSON.stringify(res.json)).to.equal(200);
    expect(res.json).to.include({ imported: 2, duplicate: 1, rejected: 2 });
    const [r1, r2, r3, r4, r5] = res.json.rows;
    expect(r1).to.include({ line: 1, outcome: 'imported', registrationIndex: '01-07/900' });
    expect(r2.outcome).to.equal('rejected');
    expect(r2.violations[0].field).to.equal('registration.number');
    expect(r2.violations[0].messageUk).to.match(/[а-яіїє]/i);
    expect(r2.violations[0].message).to.match(/integer/);
    expect(r3).to.include({ outcome: 'duplicate', registrationIndex: '01-07/17' });
    expect(r4.violations[0]).to.include({ field: 'submission.source' });
    expect(r4.violations[0].messageUk).to.contain('someone-else');
    expect(r5).to.include({ outcome: 'imported', registrationIndex: '01-07/25-а' });
    // The counter of 2026 continues after 40 now (it stood at 32).
    expect(await count("SELECT last_number AS n FROM journal_counters WHERE journal = 'incoming' AND year = 2026")).to.equal(40);

    const again = await call(hub, 'POST', '/api/v1/archive/import', rows, edms);
    expect(again.json).to.include({ imported: 0, duplicate: 3, rejected: 2 });
    expect(again.json.rows[0]).to.include({ outcome: 'duplicate', documentId: r1.documentId });

    // JSON lines, as the EDMS streams them.
    const ndjson = await fetch(`${hub.url}/api/v1/archive/import?source=old-edms`, {
      method: 'POST', headers: { ...edms, 'content-type': 'application/x-ndjson' },
      body: `${JSON.stringify({ submission: submission({ source: undefined, externalId: undefined, receivedAt: '2018-07-02T08:00:00Z' }), registration: { index: '01-07/950', number: 950, date: '2018-07-02' } })}\n\n`,
    });
    const body = (await ndjson.json()) as Json;
    expect(body).to.include({ imported: 1 });
    const d950 = await docByIndex('01-07/950', 2018);
    expect(d950).to.include({ source: 'old-edms', external_id: '2018-07-02/01-07/950' });

    const denied = await call(hub, 'POST', '/api/v1/archive/import', rows);
    expect(denied.status).to.equal(403);
    expect(denied.json.details.permission).to.equal('archive:import');
  });

  it('imported cards with terms long past raise no control.overdue or reminder; a live card still does', async () => {
    await ensureStaff(hub.db, ['mayor', 'it-dept']);
    const doc = await call(hub, 'POST', '/api/v1/documents', submission());
    const live = await call(hub, 'POST', `/api/v1/documents/${doc.json.id}/resolutions`, { actor: 'mayor', executors: ['it-dept'], task: 'Т', term: '2026-03-20' });
    expect(live.status, JSON.stringify(live.json)).to.equal(201);
    const importedOpen = await count("SELECT count(*)::int AS n FROM control_cards WHERE imported_at IS NOT NULL AND status = 'under-control'");
    expect(importedOpen).to.equal(3); // letters.csv 502, appeals.jsonl 9, the HTTP H-4

    clock.set('2026-03-25T09:00:00Z');
    const scheduler = new ControlScheduler(hub.db, clock, createLogger({ level: 'silent' }), 1000);
    const raised = await scheduler.tick();
    expect(raised).to.deep.equal({ dueSoon: 0, overdue: 1 });
    const notices = await hub.db.query<{ type: string; card: string }>(
      "SELECT type, payload->'data'->>'cardId' AS card FROM outbox WHERE type IN ('control.due-soon', 'control.overdue')",
    );
    expect(notices).to.deep.equal([{ type: 'control.overdue', card: live.json.id }]);
  });
  it('HTTP: the archive door decodes as strictly as every other (issue 14): a NUL rejects its row, invalid UTF-8 the whole batch (400)', async () => {
    const good = { submission: submission({ source: 'old-edms', externalId: 'N-1', kind: 'official-letter', receivedAt: '2018-06-01T08:00:00Z' }), registration: { index: '01-07/960', number: 960, date: '2018-06-01' } };
    const nul = { ...good, submission: { ...good.submission, externalId: 'N-2', summary: 'Щодо\u0000ремонту' }, registration: { index: '01-07/961', number: 961, date: '2018-06-01' } };
    const body = `${JSON.stringify(good)}\n${JSON.stringify(nul)}\n`;
    const res = await fetch(`${hub.url}/api/v1/archive/import`, { method: 'POST', headers: { ...edms, 'content-type': 'application/x-ndjson' }, body });
    const json = (await res.json()) as { imported: number; rejected: number; rows: Array<{ outcome: string; violations?: Array<{ messageUk: string }> }> };
    expect(res.status).to.equal(200);
    expect(json, JSON.stringify(json.rows)).to.include({ imported: 1, rejected: 1 });
    expect(json.rows[1]!.violations![0]!.messageUk).to.contain('NUL_CHARACTER');

    const bad = Buffer.concat([Buffer.from(JSON.stringify(good).slice(0, 40)), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
    const refused = await fetch(`${hub.url}/api/v1/archive/import`, { method: 'POST', headers: { ...edms, 'content-type': 'application/x-ndjson' }, body: bad });
    expect(refused.status).to.equal(400);
    expect(((await refused.json()) as { code: string }).code).to.equal('INVALID_ENCODING');
  });
  it('HTTP: an information request keeps its answer under Law 2939-VI (infoRequestAnswer) and shows in its year\'s journal; an appeal-style answer on it is refused', async () => {
    const request = (externalId: string, number: number) => submission({
      source: 'old-edms', externalId, kind: 'info-request', outgoing: undefined, receivedAt: '2018-05-03T08:00:00Z',
      correspondent: { name: 'Громадська організація «Прозоре місто»', email: 'info@example.org' }, summary: 'Запит про договори на ремонт доріг',
    });
    const rows = [
      { submission: request('IR-1', 70), registration: { index: '01-12/70', number: 70, date: '2018-05-03' }, infoRequestAnswer: { result: 'provided', answeredOn: '2018-05-08', summary: 'Надано копії договорів' } },
      { submission: request('IR-2', 71), registration: { index: '01-12/71', number: 71, date: '2018-05-03' }, answer: { result: 'explained', answeredOn: '2018-05-08', summary: 'Надано' } },
    ];
    const res = await call(hub, 'POST', '/api/v1/archive/import', rows, edms);
    expect(res.status, JSON.stringify(res.json)).to.equal(200);
    expect(res.json, JSON.stringify(res.json.rows)).to.include({ imported: 1, rejected: 1 });
    expect(res.json.rows[1].violations[0].field).to.equal('answer');
    expect(res.json.rows[1].violations[0].messageUk).to.contain('infoRequestAnswer');

    const journal = await call(hub, 'GET', '/api/v1/info-requests?from=2018-05-01&to=2018-05-31');
    expect(journal.status, JSON.stringify(journal.json)).to.equal(200);
    const entry = journal.json.entries.find((e: { registrationIndex: string }) => e.registrationIndex === '01-12/70');
    expect(entry, JSON.stringify(journal.json.entries)).to.include({ result: 'provided', answeredOn: '2018-05-08' });
  });
});
