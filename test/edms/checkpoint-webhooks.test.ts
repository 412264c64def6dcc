/**
 * The EDMS keeps the control log's signed checkpoints (issue 14: publish every checkpoint where
 * others keep it, the EDMS among them). A subscription asks for `audit.checkpoint`; each
 * checkpoint goes through the same durable queue as every other event (outbox → change feed →
 * webhook_deliveries, retried while the EDMS is down), signed per Standard Webhooks, and what the
 * EDMS received verifies with the hub's published public key — by hand and with `audit verify`.
 * Real PostgreSQL; the EDMS is a real HTTP server on loopback.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSignature, keyRing, type Checkpoint } from '../../src/domain/audit';
import { runCli } from '../support/cli';
import { ManualClock } from '../support/clock';
import { call } from '../support/http';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, personToken, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';
import { Receiver, verifies } from './receiver';

type Json = any;

describe('EDMS webhooks: the control log\'s signed checkpoints (issue 14, real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let dir: string;
  let hub: TestHub;
  let edmsReceiver: Receiver;
  let docsReceiver: Receiver;
  let admin: Record<string, string>;
  let edms: Record<string, string>;
  // Set when the suite starts, not when the file is loaded: Standard Webhooks receivers refuse a
  // timestamp more than 5 minutes from their own clock, and a full run reaches this file 10-20
  // minutes after loading it (that was this test's failure in slow CI runs).
  let clock: ManualClock;
  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());

  before(async () => {
    clock = new ManualClock(new Date().toISOString());
    testDb = await createTestDatabase('cp_webhooks');
    dir = mkdtempSync(join(tmpdir(), 'dilovod-cp-webhooks-'));
    hub = await startTestHub(
      { databaseUrl: testDb.url, auditCheckpoints: { keyFile: join(dir, 'audit-checkpoint.key'), file: join(dir, 'audit-checkpoints.jsonl'), publicKeyFiles: [], intervalMs: 3_600_000 } },
      { clock, scheduler: false },
    );
    admin = bearer(await personToken(hub.db, 'it-admin', ['admin']));
    edms = bearer(await systemToken(hub.db, ['integrator'], { sources: ['edms-cp'], name: 'СЕД' }));
    edmsReceiver = new Receiver();
    docsReceiver = new Receiver();
    await edmsReceiver.start();
    await docsReceiver.start();
  });
  after(async () => {
    await hub?.close();
    await edmsReceiver?.stop();
    await docsReceiver?.stop();
    await testDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const subscribe = async (body: Record<string, unknown>, headers: Record<string, string>): Promise<Json> => {
    const res = await call(hub, 'POST', '/api/v1/subscriptions', body, headers);
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    return res.json;
  };
  const deliveries = async (sub: Json) => (await call(hub, 'GET', `/api/v1/subscriptions/${sub.id}/deliveries`, undefined, admin)).json.items;

  it('an EDMS subscribed to audit.checkpoint gets each one through its durable queue, after an outage too, and it verifies with the published public key', async () => {
    // The EDMS's own token: its subscription is limited to its sources, which a checkpoint (about no document) does not have.
    const sub = await subscribe({ url: edmsReceiver.url, events: ['audit.checkpoint'] }, edms);
    expect(sub.sources).to.deep.equal(['edms-cp']);
    const docsOnly = await subscribe({ url: docsReceiver.url, events: ['document.registered'] }, admin);

    // The EDMS is down when the first checkpoint is made (the subscriptions themselves are in the log).
    edmsReceiver.answer = () => 503;
    const first = (await hub.auditCheckpoints!.make()) as Checkpoint;
    expect(first).to.include({ size: 2 });
    await waitFor(async () => (await deliveries(sub)).some((d: Json) => d.eventType === 'audit.checkpoint' && d.attempts >= 1), 'a refused attempt');
    const waiting = (await deliveries(sub))[0];
    expect(waiting).to.include({ status: 'pending', eventType: 'audit.checkpoint' });
    expect(waiting.history[0]).to.include({ status: 503 });

    // Back up: the retry brings it.
    edmsReceiver.answer = () => 204;
    later(60_000);
    hub.webhooks!.nudge();
    await waitFor(() => edmsReceiver.received.length >= 1, 'the checkpoint at the EDMS');

    // A second checkpoint, after more happened (a document from another source: not sent to this EDMS, but it is in the log's growth).
    await call(hub, 'POST', `/api/v1/subscriptions/${docsOnly.id}/pause`, undefined, admin);
    await call(hub, 'POST', `/api/v1/subscriptions/${docsOnly.id}/resume`, undefined, admin);
    await call(hub, 'POST', '/api/v1/documents', submission({ source: 'oblast' }));
    const second = (await hub.auditCheckpoints!.make()) as Checkpoint;
    expect(second).to.include({ size: 4 });
    await waitFor(() => edmsReceiver.received.length >= 2, 'the second checkpoint');
    await waitFor(() => docsReceiver.received.length >= 1, 'the document event elsewhere');

    const got = edmsReceiver.received.map((r) => r.json);
    expect(got.map((e) => e.type)).to.deep.equal(['audit.checkpoint', 'audit.checkpoint'], 'nothing but checkpoints, in order');
    expect(got.map((e) => e.data.checkpoint)).to.deep.equal([first, second]);
    expect(got[0].documentId).to.equal('00000000-0000-0000-0000-000000000000');
    expect(got[1].sequence).to.be.greaterThan(got[0].sequence);
    for (const r of edmsReceiver.received) {
      expect(verifies(sub.secret, r), 'Standard Webhooks signature').to.equal(true);
      expect(r.headers['webhook-id']).to.equal(r.json.eventId);
    }
    expect(docsReceiver.received.map((r) => r.json.type), 'a subscription for document events gets no checkpoint').to.deep.equal(['document.registered']);

    // The public key the hub publishes (and writes beside its key file) verifies what the EDMS kept; an altered copy does not.
    const published = (await call(hub, 'GET', '/api/v1/audit/checkpoints', undefined, admin)).json;
    expect(published.items).to.deep.equal([first, second]);
    const ring = keyRing([published.publicKey.pem]);
    for (const c of got.map((e) => e.data.checkpoint as Checkpoint)) {
      expect(c.keyId).to.equal(published.publicKey.keyId);
      expect(checkSignature(c, ring)).to.deep.equal({ ok: true });
      expect(checkSignature({ ...c, size: c.size + 1 }, ring)).to.deep.equal({ ok: false, reason: 'bad-signature' });
    }
    // The EDMS's copy is a checkpoint file for the auditor: the log verifies against it.
    const kept = join(dir, 'edms-kept.jsonl');
    const key = join(dir, 'hub.pub');
    writeFileSync(kept, got.map((e) => `${JSON.stringify(e.data.checkpoint)}\n`).join(''));
    writeFileSync(key, published.publicKey.pem);
    const cli = await runCli(['audit', 'verify', '--checkpoint', kept, '--public-key', key], { DATABASE_URL: testDb.url, DATA_DIR: join(dir, 'cli') });
    expect(cli.code, cli.stdout + cli.stderr).to.equal(0);
    expect(cli.stdout).to.contain('Збігається з 2 контрольними точками');
  });

  it('"*" takes checkpoints too, whatever its sources; the EDMS catches up on them from GET /api/v1/changes', async () => {
    // The feed hands out a change once no older transaction is running (migration 009): wait for it.
    const feed = async (query: string) => (await call(hub, 'GET', `/api/v1/changes?limit=1000${query}`, undefined, edms)).json.items as Json[];
    const before = await waitFor(async () => { const items = await feed('&types=audit.checkpoint'); return items.length >= 2 && items; }, 'the checkpoints in the feed');
    expect(before.map((c: Json) => c.event.data.checkpoint.size)).to.deep.equal([2, 4]);
    edmsReceiver.received.length = 0;
    const all = await subscribe({ url: edmsReceiver.url, events: ['*'] }, edms);
    await call(hub, 'POST', '/api/v1/documents', submission({ source: 'oblast' }));
    const third = await hub.auditCheckpoints!.make();
    await waitFor(() => edmsReceiver.received.some((r) => r.headers['webhook-id'] && r.json.type === 'audit.checkpoint' && verifies(all.secret, r)), 'the checkpoint by "*"');
    expect(edmsReceiver.received.filter((r) => verifies(all.secret, r)).map((r) => r.json.type), 'another source\'s document is not sent').to.deep.equal(['audit.checkpoint']);
    expect(edmsReceiver.received.find((r) => verifies(all.secret, r))!.json.data.checkpoint).to.deep.equal(third);
    const changes = await waitFor(async () => { const items = await feed(''); return items.length >= 3 && items; }, 'the third checkpoint in the feed');
    expect(changes.map((c: Json) => c.type), 'the EDMS\'s token: its sources\' documents (none here) and every checkpoint').to.deep.equal(['audit.checkpoint', 'audit.checkpoint', 'audit.checkpoint']);
  });
});
