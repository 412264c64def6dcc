/**
 * Several hub processes on one PostgreSQL sign checkpoints of one control log (issue 14; the README
 * says the hub is stateless between processes and runs as several). Each hub has its own key;
 * every hub and the auditor keep the same list of trusted public keys (AUDIT_CHECKPOINT_PUBLIC_KEYS,
 * `--public-key`). Concurrent signers never make checkpoints that disagree, each checks the log
 * against the newest checkpoint of any trusted signer, and a checkpoint by a key not on the list —
 * another hub left off it, or whoever holds the database signing a rewritten log — is reported,
 * never believed.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit } from '../../src/audit';
import {
  AuditCheckpoints, fileSigner, LogDivergedError, readCheckpointFile, UntrustedSignerError, type CheckpointSigner,
} from '../../src/audit/checkpoints';
import { checkSignature, keyRing, parseCheckpoint, type Checkpoint } from '../../src/domain/audit';
import { plural } from '../../src/domain/plural-uk';
import { createLogger } from '../../src/log';
import type { Db } from '../../src/store';
import { rejectionOf, rewriteAsOwner } from '../support/audit';
import { runCli } from '../support/cli';
import { call } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';

type Json = any;
const doc = randomUUID();
let n = 0;
const ENTRIES = { one: 'запис', few: 'записи', many: 'записів' };

/** One control action, written by a hub's own database pool (the same append every route uses). */
const act = (db: Db): Promise<unknown> => db.tx((q) => appendAudit(q, {
  at: new Date(Date.UTC(2026, 2, 10, 9, 0, 0, ++n)).toISOString(), actor: `clerk-${n % 7}`, action: 'control.extended', documentId: doc,
  before: { term: '2026-04-10' }, after: { term: '2026-04-17' }, reason: 'погодження',
}));

const checkpointsIn = async (db: Db): Promise<Checkpoint[]> =>
  (await db.query<{ checkpoint: unknown }>('SELECT checkpoint FROM audit_checkpoints ORDER BY seq')).map((r) => parseCheckpoint(r.checkpoint) as Checkpoint);

describe('several hubs sign checkpoints of one control log, each with its own key (issue 14, real PostgreSQL)', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;
  let dir: string;
  let a: CheckpointSigner;
  let b: CheckpointSigner;
  let hubA: TestHub;
  let hubB: TestHub;
  const others: TestHub[] = [];
  const keyFile = (hub: string) => join(dir, hub, 'audit-checkpoint.key');
  const cpFile = (hub: string) => join(dir, hub, 'audit-checkpoints.jsonl');
  const trusted = () => join(dir, 'trusted-keys.pem');
  const startHub = (name: string, publicKeyFiles: string[], intervalMs = 3_600_000, scheduler = false) => startTestHub(
    { databaseUrl: testDb.url, auditCheckpoints: { keyFile: keyFile(name), file: cpFile(name), publicKeyFiles, intervalMs } },
    { scheduler },
  );
  const env = () => ({ DATABASE_URL: testDb.url, DATA_DIR: join(dir, 'cli') });
  let total = 0;
  const entries = async () => Number((await hubA.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]?.n);

  before(async () => {
    testDb = await createTestDatabase('multihub');
    dir = mkdtempSync(join(tmpdir(), 'dilovod-multihub-'));
    // Each hub's key, made before the hubs start (a first start, or openssl genpkey, makes it the same way);
    // the trusted list names both, one PEM block each, a line naming the hub above each (RFC 7468 §2).
    a = fileSigner(keyFile('a')).signer;
    b = fileSigner(keyFile('b')).signer;
    writeFileSync(trusted(), `hub-a (srv-1)\n${a.publicKeyPem}hub-b (srv-2)\n${b.publicKeyPem}`);
    // Both sign every 25 ms, for real, while entries are appended through both.
    hubA = await startHub('a', [trusted()], 25, true);
    hubB = await startHub('b', [trusted()], 25, true);
  });
  after(async () => {
    for (const h of [hubA, hubB, ...others]) await h?.close().catch(() => undefined);
    await testDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('two hubs signing at once: checkpoints by both keys, never two that disagree, each naming its key; both hubs and the auditor verify them', async () => {
    // Four writers (two per hub) while both hubs' checkpoint passes run.
    await Promise.all([hubA.db, hubA.db, hubB.db, hubB.db].map(async (db) => {
      for (let i = 0; i < 40; i++) {
        await act(db);
        if (i % 8 === 0) await new Promise((r) => setTimeout(r, 20));
      }
    }));
    await hubA.auditCheckpoints!.stop();
    await hubB.auditCheckpoints!.stop();
    const meanwhile = await checkpointsIn(hubA.db);
    // e.g. 4:a 11:b 18:a 20:b 24:a … 153:a 160:b — each signer after the other, each checking the other's first.
    expect(meanwhile.length, 'checkpoints signed while the log grew').to.be.greaterThan(2);
    expect(new Set(meanwhile.map((c) => c.keyId)), 'both signed while the log grew').to.deep.equal(new Set([a.keyId, b.keyId]));
    // Then in turn, so that each signs after the other (and checks the log extends the other's checkpoint).
    for (const [hub, key] of [[hubA, a], [hubB, b], [hubA, a], [hubB, b]] as const) {
      await act(hub.db);
      expect(await hub.auditCheckpoints!.make(), 'a checkpoint of the grown log').to.include({ size: await entries(), keyId: key.keyId });
    }
    total = await entries();
    const all = await checkpointsIn(hubA.db);
    expect(new Set(all.map((c) => c.keyId))).to.deep.equal(new Set([a.keyId, b.keyId]));
    const bySize = new Map<number, string>();
    for (const c of all) {
      expect(bySize.get(c.size) ?? c.headHash, `two checkpoints of ${c.size} entries`).to.equal(c.headHash);
      bySize.set(c.size, c.headHash);
      expect(checkSignature(c, keyRing([a.publicKeyPem, b.publicKeyPem]))).to.deep.equal({ ok: true });
    }
    expect(Math.max(...all.map((c) => c.size))).to.equal(total);
    for (const hub of [hubA, hubB]) {
      expect(hub.logs.text(), 'no pass failed, none found the log diverged').not.to.match(/audit checkpoint pass failed|THE CONTROL LOG WAS REWRITTEN/);
    }
    // Each hub's own file holds its own checkpoints; the table holds both.
    expect(new Set(readCheckpointFile(cpFile('a')).checkpoints.map((c) => c.keyId))).to.deep.equal(new Set([a.keyId]));
    expect(new Set(readCheckpointFile(cpFile('b')).checkpoints.map((c) => c.keyId))).to.deep.equal(new Set([b.keyId]));

    for (const hub of [hubA, hubB]) {
      const verdict = (await call(hub, 'GET', '/api/v1/audit/verify')).json;
      expect(verdict).to.include({ ok: true, checked: total });
      expect(verdict.checkpoint).to.include({ size: total });
    }
    const list = (await call(hubB, 'GET', '/api/v1/audit/checkpoints?limit=10000')).json;
    expect(list.publicKey.keyId).to.equal(b.keyId);
    expect(list.trustedKeys.map((k: Json) => k.keyId)).to.deep.equal([a.keyId, b.keyId]);
    expect(list.items).to.have.length(all.length);

    // The auditor, offline: both hubs' files and the trusted-keys file.
    const cli = await runCli(['audit', 'verify', '--checkpoint', cpFile('a'), '--checkpoint', cpFile('b'), '--public-key', trusted()], env());
    expect(cli.code, cli.stdout + cli.stderr).to.equal(0);
    expect(cli.stdout).to.contain(`Довірені ключі (--public-key): ${a.keyId}, ${b.keyId}.`);
    expect(cli.stdout).to.contain(`Журнал контролю цілісний: перевірено ${plural(total, ENTRIES)}.`);
    expect(cli.stdout).to.contain(`найновіша від 2026-03-10T09:00:00.000Z засвідчує ${plural(total, ENTRIES)}.`);
  });

  it('a hub whose key is not on the trusted list signs nothing and says so; the others\' checkpoints stay trusted', async () => {
    const c = await startHub('c', [trusted()]);
    others.push(c);
    expect(c.logs.text()).to.contain('this hub signs no audit checkpoints: its key is not among AUDIT_CHECKPOINT_PUBLIC_KEYS');
    await act(c.db);
    expect(await rejectionOf(c.auditCheckpoints!.make())).to.be.instanceOf(UntrustedSignerError);
    expect((await call(c, 'GET', '/api/v1/audit/checkpoints?limit=1')).json.publicKey).to.equal(null);
    total = await entries();
    expect(await hubA.auditCheckpoints!.make()).to.include({ size: total, keyId: a.keyId });
    expect((await call(c, 'GET', '/api/v1/audit/verify')).json).to.include({ ok: true, checked: total });
  });

  it('a checkpoint signed by a key not on the list is reported, not accepted: by the hubs, at start-up, and by the auditor', async () => {
    // A hub left off the list (it trusts only itself, the default) signs into the same table.
    const stranger = await startHub('stranger', []);
    others.push(stranger);
    const s = fileSigner(keyFile('stranger')).signer;
    await act(stranger.db);
    const confirmed = total;
    total = await entries();
    expect(await stranger.auditCheckpoints!.make()).to.include({ size: total, keyId: s.keyId });

    // Nothing vouched for by it: both hubs report it, name the key and the row, and say how far the log holds.
    for (const hub of [hubA, hubB]) {
      const verdict = (await call(hub, 'GET', '/api/v1/audit/verify')).json;
      expect(verdict).to.include({ ok: false, problem: 'checkpoint-untrusted', checked: total });
      expect(verdict.checkpoint).to.include({ keyId: s.keyId, size: total });
      expect(verdict.lastConfirmed).to.include({ size: confirmed, keyId: a.keyId });
      expect(verdict.rejected).to.have.length(1);
      expect(verdict.rejected[0]).to.include({ reason: 'untrusted-key' });
      expect(verdict.rejected[0].where).to.match(/^in the database \(row \d+\)$/);
      expect(verdict.messageUk).to.contain(`підписана невідомим ключем ${s.keyId}`);
    }
    // The trusted hubs do not take it for the newest checkpoint: they sign the same head themselves.
    expect(await hubB.auditCheckpoints!.make()).to.include({ size: total, keyId: b.keyId });

    // A hub starting now warns of it.
    const d = await startHub('d', [trusted()]);
    others.push(d);
    expect(d.logs.text()).to.contain('the database holds checkpoints signed by keys this hub does not trust');
    expect(d.logs.text()).to.contain(s.keyId);

    // The auditor: its own files and keys verify; given the stranger's checkpoints too, it refuses them (exit 1).
    const files = ['--checkpoint', cpFile('a'), '--checkpoint', cpFile('b'), '--public-key', trusted()];
    expect((await runCli(['audit', 'verify', ...files], env())).code).to.equal(0);
    const refused = await runCli(['audit', 'verify', ...files, '--checkpoint', cpFile('stranger')], env());
    expect(refused.code).to.equal(1);
    expect(refused.stdout).to.contain(`КОНТРОЛЬНУ ТОЧКУ НЕ ПРИЙНЯТО: контрольна точка ${cpFile('stranger')}:1 підписана невідомим ключем ${s.keyId}`);
    expect(refused.stdout).to.contain(`За довіреними контрольними точками журнал цілісний: перевірено ${plural(total, ENTRIES)}`);
    expect(refused.stdout).to.contain(`Не прийнято: ${cpFile('stranger')}:1 — ключа немає серед довірених (ключ ${s.keyId}`);
    const json = JSON.parse((await runCli(['audit', 'verify', ...files, '--checkpoint', cpFile('stranger'), '--json'], env())).stdout);
    expect(json).to.include({ ok: false, problem: 'checkpoint-untrusted' });
  });

  it('whoever holds the database rewrites the log and signs it with a key of their own: the trusted checkpoints still catch the rewrite', async () => {
    await rewriteAsOwner(testDb.url, 20, 'forged-actor');
    const rogue = fileSigner(join(dir, 'rogue.key')).signer;
    const forger = new AuditCheckpoints(hubA.db, { now: () => new Date('2026-03-10T10:00:00Z') }, createLogger({ level: 'silent' }),
      { signer: rogue, keys: keyRing([rogue.publicKeyPem]), intervalMs: 3_600_000 });
    expect(await forger.make(), 'the rewritten chain holds on its own, so the forger signs it').to.include({ size: total, keyId: rogue.keyId });

    const verdict = (await call(hubA, 'GET', '/api/v1/audit/verify')).json;
    expect(verdict).to.include({ ok: false, problem: 'checkpoint-mismatch' });
    expect(verdict.brokenAt).to.be.at.most(20);
    expect(verdict.rejected.map((r: Json) => r.checkpoint.keyId)).to.include(rogue.keyId);
    const cli = await runCli(['audit', 'verify', '--checkpoint', cpFile('a'), '--checkpoint', cpFile('b'), '--public-key', trusted(), '--json'], env());
    expect(cli.code).to.equal(1);
    expect(JSON.parse(cli.stdout)).to.include({ ok: false, problem: 'checkpoint-mismatch' });
    // And no trusted hub signs over the rewritten log.
    await act(hubB.db);
    expect(await rejectionOf(hubB.auditCheckpoints!.make())).to.be.instanceOf(LogDivergedError);
    await waitFor(() => hubB.logs.text().includes('THE CONTROL LOG WAS REWRITTEN'), 'the error in the log');
    expect(readFileSync(cpFile('b'), 'utf8')).not.to.contain(rogue.keyId);
  });
});
