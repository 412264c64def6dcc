import { expect } from 'chai';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit, verifyAuditLog } from '../../src/audit';
import {
  AuditCheckpoints, fileSigner, LogDivergedError, readCheckpointFile, verifyWithCheckpoints, type CheckpointSigner, type FoundCheckpoint,
} from '../../src/audit/checkpoints';
import { keyRing } from '../../src/domain/audit';
import { createLogger } from '../../src/log';
import { migrate, PostgresDb, type Db } from '../../src/store';
import { migrateWithRoles } from '../../src/store/roles';
import { asOwner, rejectionOf, rewriteAsOwner } from '../support/audit';
import { runCli } from '../support/cli';
import { ManualClock } from '../support/clock';
import { startTestHub, submission } from '../support/hub';
import { adminQuery, createTestDatabase, PG_ADMIN_URL, type TestDatabase } from '../support/pg';

const silent = createLogger({ level: 'silent' });
const doc = randomUUID();

/** A log of `n` entries with a signed checkpoint after each: what the hub publishes over time. */
async function seedWithCheckpoints(db: Db, cps: AuditCheckpoints, clock: ManualClock, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    clock.set(`2026-03-${String(10 + i).padStart(2, '0')}T09:00:00.000Z`);
    await db.tx((q) => appendAudit(q, {
      at: clock.now().toISOString(), actor: `clerk-${i}`, action: 'control.extended', documentId: doc,
      before: { term: `2026-04-${String(9 + i).padStart(2, '0')}` }, after: { term: `2026-04-${String(10 + i).padStart(2, '0')}` }, reason: 'погодження',
    }));
    clock.set(`2026-03-${String(10 + i).padStart(2, '0')}T09:05:00.000Z`);
    expect(await cps.make()).to.include({ size: i });
  }
}

describe('a control log its keeper cannot rewrite unnoticed: signed checkpoints (issue 14, real PostgreSQL)', function () {
  this.timeout(90_000);
  let testDb: TestDatabase;
  let db: Db;
  let dir: string;
  let signer: CheckpointSigner;
  let cps: AuditCheckpoints;
  let clock: ManualClock;
  const file = () => join(dir, 'audit-checkpoints.jsonl');
  const keys = () => keyRing([signer.publicKeyPem]);
  const fromFile = (path = file()): FoundCheckpoint[] =>
    readCheckpointFile(path).checkpoints.map((c) => ({ value: c, where: `${path}:${c.line}`, whereUk: `${path}:${c.line}` }));

  beforeEach(async () => {
    testDb = await createTestDatabase('tamper');
    db = new PostgresDb({ connectionString: testDb.url });
    await migrate(db);
    dir = mkdtempSync(join(tmpdir(), 'dilovod-tamper-'));
    signer = fileSigner(join(dir, 'audit-checkpoint.key')).signer;
    clock = new ManualClock('2026-03-10T09:00:00Z');
    cps = new AuditCheckpoints(db, clock, silent, { signer, file: file(), keys: keys(), intervalMs: 3_600_000 });
    await seedWithCheckpoints(db, cps, clock, 5);
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the key file is created with mode 0600; each checkpoint is in the table, the auditor\'s file and the outbox as audit.checkpoint', async () => {
    expect(statSync(join(dir, 'audit-checkpoint.key')).mode & 0o777).to.equal(0o600);
    expect(readCheckpointFile(file()).checkpoints.map((c) => c.size)).to.deep.equal([1, 2, 3, 4, 5]);
    expect((await db.query('SELECT count(*)::int AS n FROM audit_checkpoints'))[0]).to.deep.equal({ n: 5 });
    const events = await db.query<{ type: string; payload: { data: { checkpoint: { size: number } } } }>("SELECT type, payload FROM outbox WHERE type = 'audit.checkpoint' ORDER BY seq");
    expect(events.map((e) => e.payload.data.checkpoint.size)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(await cps.make(), 'nothing new: no checkpoint').to.equal(null);
    expect(await cps.verify()).to.include({ ok: true, checked: 5, checkpointsChecked: 10 });
  });

  it('(a) an entry edited and the whole chain recomputed by the owner: verify names the entry where the history diverges', async () => {
    await rewriteAsOwner(testDb.url, 3, 'forged-actor');
    expect(await verifyAuditLog(db), 'the chain alone still holds: that is the attack').to.include({ ok: true, checked: 5 });
    const verdict = await verifyWithCheckpoints(db, fromFile(), keys());
    expect(verdict).to.include({ ok: false, problem: 'checkpoint-mismatch', brokenAt: 3, checked: 3 });
    expect(verdict.ok === false && verdict.lastConfirmed?.size).to.equal(2);
    expect(verdict.ok === false && verdict.messageUk).to.contain('запис 3 не той, що засвідчила підписана контрольна точка');
    // Only the newest checkpoint kept: still caught, the range of entries named.
    const newest = fromFile().slice(-1);
    expect(await verifyWithCheckpoints(db, newest, keys())).to.include({ ok: false, problem: 'checkpoint-mismatch', brokenAt: 1 });
    // The hub's own verify (table and file) says so too, and the hub refuses to sign the rewritten log.
    expect(await cps.verify()).to.include({ ok: false, brokenAt: 3 });
    await db.tx((q) => appendAudit(q, { at: clock.now().toISOString(), actor: 'x', action: 'control.extended', documentId: doc, before: null, after: null, reason: null }));
    expect(await rejectionOf(cps.make())).to.be.instanceOf(LogDivergedError);
  });

  it('(b) the newest entry deleted: the checkpoint says there were more', async () => {
    await asOwner(testDb.url, 'ALTER TABLE audit_log DISABLE TRIGGER USER', 'DELETE FROM audit_log WHERE seq = 5', 'ALTER TABLE audit_log ENABLE TRIGGER USER');
    expect(await verifyAuditLog(db)).to.include({ ok: true, checked: 4 });
    const verdict = await verifyWithCheckpoints(db, fromFile(), keys());
    expect(verdict).to.include({ ok: false, problem: 'entries-missing', brokenAt: 5, checked: 4 });
    expect(verdict.ok === false && verdict.checkpoint?.size).to.equal(5);
    expect(verdict.ok === false && verdict.messageUk).to.contain('засвідчує 5 записів (останній № 5): записи після № 4 видалено');
  });

  it('(c) TRUNCATE of the log (and of the stored checkpoints): the auditor\'s file still catches it', async () => {
    await asOwner(testDb.url,
      'ALTER TABLE audit_log DISABLE TRIGGER USER', 'ALTER TABLE audit_checkpoints DISABLE TRIGGER USER',
      'TRUNCATE audit_log, audit_checkpoints',
      'ALTER TABLE audit_log ENABLE TRIGGER USER', 'ALTER TABLE audit_checkpoints ENABLE TRIGGER USER');
    expect(await verifyAuditLog(db)).to.include({ ok: true, checked: 0 });
    const verdict = await verifyWithCheckpoints(db, fromFile(), keys());
    expect(verdict).to.include({ ok: false, problem: 'entries-missing', brokenAt: 1, checked: 0 });
    expect(verdict.ok === false && verdict.messageUk).to.contain('журнал спорожнено');
    expect(await cps.verify()).to.include({ ok: false, problem: 'entries-missing' });
  });

  it('a checkpoint with a bad signature (or by an unknown key) is refused, not believed', async () => {
    const [first] = readCheckpointFile(file()).checkpoints;
    const forged = { ...first!, size: 1, headSeq: 1, headHash: 'f'.repeat(64) };
    const verdict = await verifyWithCheckpoints(db, [{ value: forged, where: 'forged', whereUk: 'підроблена' }], keys());
    expect(verdict).to.include({ ok: false, problem: 'checkpoint-invalid' });
    expect(verdict.ok === false && verdict.messageUk).to.contain('має недійсний підпис');
    const stranger = fileSigner(join(dir, 'other.key')).signer;
    const unknown = await verifyWithCheckpoints(db, fromFile(), keyRing([stranger.publicKeyPem]));
    expect(unknown).to.include({ ok: false, problem: 'checkpoint-untrusted', checked: 5 });
    expect(unknown.ok === false && unknown.messageUk).to.contain(`невідомим ключем ${signer.keyId}`);
    expect(unknown.ok === false && unknown.rejected?.map((r) => r.reason)).to.deep.equal(Array(5).fill('untrusted-key'));
  });

  it('CLI: audit verify --checkpoint FILE --public-key FILE: ok before, the Ukrainian verdict and exit 1 after a rewrite; a forged checkpoint file fails too', async () => {
    const pub = join(dir, 'audit-checkpoint.pub');
    writeFileSync(pub, signer.publicKeyPem);
    const env = { DATABASE_URL: testDb.url, DATA_DIR: dir };
    const good = await runCli(['audit', 'verify', '--checkpoint', file(), '--public-key', pub], env);
    expect(good.code, good.stderr).to.equal(0);
    expect(good.stdout).to.contain('Журнал контролю цілісний: перевірено 5 записів.');
    expect(good.stdout).to.contain('Збігається з 5 контрольними точками');

    await rewriteAsOwner(testDb.url, 4, 'forged-actor');
    const bad = await runCli(['audit', 'verify', '--checkpoint', file(), '--public-key', pub], env);
    expect(bad.code).to.equal(1);
    expect(bad.stdout).to.contain('ЖУРНАЛ КОНТРОЛЮ ПОШКОДЖЕНО: запис 4 не той, що засвідчила підписана контрольна точка');
    expect(bad.stdout).to.contain('Перший пошкоджений запис: 4');
    const json = await runCli(['audit', 'verify', '--checkpoint', file(), '--public-key', pub, '--json'], env);
    expect(JSON.parse(json.stdout)).to.include({ ok: false, problem: 'checkpoint-mismatch', brokenAt: 4 });
    // Without --checkpoint: the hub's own (its table and DATA_DIR/audit-checkpoints.jsonl, its key file).
    expect((await runCli(['audit', 'verify', '--json'], env)).code).to.equal(1);

    const one = join(dir, 'forged.json');
    const last = readFileSync(file(), 'utf8').trim().split('\n').pop() as string;
    writeFileSync(one, JSON.stringify({ ...JSON.parse(last), size: 99 }, null, 2));
    const forged = await runCli(['audit', 'verify', '--checkpoint', one, '--public-key', pub], env);
    expect(forged.code).to.equal(1);
    expect(forged.stdout).to.contain('має недійсний підпис');
  });

  it('HTTP: GET /api/v1/audit/checkpoints serves them with the public key; GET /api/v1/audit/verify checks against them', async () => {
    const hub = await startTestHub(
      { databaseUrl: testDb.url, auditCheckpoints: { keyFile: join(dir, 'audit-checkpoint.key'), file: file(), publicKeyFiles: [], intervalMs: 3_600_000 } },
      { scheduler: false },
    );
    try {
      const list = (await (await fetch(`${hub.url}/api/v1/audit/checkpoints?limit=3`, { headers: hub.auth })).json()) as {
        publicKey: { keyId: string; pem: string }; trustedKeys: Array<{ keyId: string }>; items: Array<{ size: number }>; nextCursor: string | null;
      };
      expect(list.publicKey.keyId).to.equal(signer.keyId);
      expect(list.trustedKeys.map((k) => k.keyId), 'no AUDIT_CHECKPOINT_PUBLIC_KEYS: its own key alone').to.deep.equal([signer.keyId]);
      expect(list.items.map((c) => c.size)).to.deep.equal([1, 2, 3]);
      expect(list.nextCursor).to.be.a('string');
      expect(await (await fetch(`${hub.url}/api/v1/audit/verify`, { headers: hub.auth })).json()).to.include({ ok: true, checked: 5 });
      await asOwner(testDb.url, 'ALTER TABLE audit_log DISABLE TRIGGER USER', 'DELETE FROM audit_log WHERE seq = 5', 'ALTER TABLE audit_log ENABLE TRIGGER USER');
      expect(await (await fetch(`${hub.url}/api/v1/audit/verify`, { headers: hub.auth })).json()).to.include({ ok: false, problem: 'entries-missing', brokenAt: 5 });
    } finally {
      await hub.close();
    }
  });
});

describe('(d) separate database roles: the runtime role cannot alter the log (issue 14, real PostgreSQL)', function () {
  this.timeout(90_000);
  // Roles are cluster-wide: unique names, always dropped.
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const ownerRole = `dilovod_owner_${tag}`;
  const runtimeRole = `dilovod_runtime_${tag}`;
  const dbName = `dilovod_roles_${tag}`;
  const urlAs = (user: string) => {
    const u = new URL(PG_ADMIN_URL);
    u.username = user;
    u.password = '';
    u.pathname = `/${dbName}`;
    return u.toString();
  };
  let runtime: Db;

  before(async () => {
    await adminQuery(`CREATE ROLE ${ownerRole} LOGIN`);
    await adminQuery(`CREATE ROLE ${runtimeRole} LOGIN`);
    await adminQuery(`CREATE DATABASE ${dbName} OWNER ${ownerRole}`);
    runtime = new PostgresDb({ connectionString: urlAs(runtimeRole) });
    const { roles } = await migrateWithRoles(runtime, urlAs(ownerRole));
    expect(roles).to.deep.equal({ runtimeRole, ownerRole });
  });
  after(async () => {
    await runtime?.close().catch(() => undefined);
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await adminQuery(`DROP ROLE IF EXISTS ${runtimeRole}`);
    await adminQuery(`DROP ROLE IF EXISTS ${ownerRole}`);
  });

  it('the runtime role appends to the log and reads it', async () => {
    await runtime.tx((q) => appendAudit(q, { at: '2026-03-10T09:00:00.000Z', actor: 'clerk', action: 'control.assigned', documentId: doc, before: null, after: { term: '2026-04-10' }, reason: null }));
    expect(await verifyAuditLog(runtime)).to.include({ ok: true, checked: 1 });
  });

  for (const [what, sql, refusal] of [
    ['ALTER TABLE … DISABLE TRIGGER USER', 'ALTER TABLE audit_log DISABLE TRIGGER USER', /must be owner of table audit_log/],
    ['UPDATE', "UPDATE audit_log SET actor = 'forged'", /permission denied for table audit_log/],
    ['DELETE', 'DELETE FROM audit_log', /permission denied for table audit_log/],
    ['TRUNCATE', 'TRUNCATE audit_log', /permission denied for table audit_log/],
    ['UPDATE of the stored checkpoints', 'UPDATE audit_checkpoints SET size = 0', /permission denied for table audit_checkpoints/],
    ['DROP TABLE', 'DROP TABLE audit_log', /must be owner of table audit_log/],
  ] as const) {
    it(`PostgreSQL refuses the runtime role ${what}`, async () => {
      let error: Error | undefined;
      try {
        await runtime.query(sql);
      } catch (err) {
        error = err as Error;
      }
      expect(error?.message).to.match(refusal);
    });
  }

  it('the hub runs as the runtime role (DATABASE_URL) and migrates as the owner (DATABASE_MIGRATION_URL): a document registers', async () => {
    const hub = await startTestHub({ databaseUrl: urlAs(runtimeRole), databaseMigrationUrl: urlAs(ownerRole) });
    try {
      const res = await fetch(`${hub.url}/api/v1/documents`, {
        method: 'POST', headers: { ...hub.auth, 'content-type': 'application/json' }, body: JSON.stringify(submission()),
      });
      expect(res.status, await res.clone().text()).to.equal(201);
      expect(hub.logs.text()).to.contain('the hub runs as a role that cannot alter the control log');
    } finally {
      await hub.close();
    }
  });
});
