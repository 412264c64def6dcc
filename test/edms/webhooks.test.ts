/**
 * Signed webhooks to the EDMS (issue 11, "Out"): every delivery checked with `standardwebhooks`,
 * the specification's reference implementation; order per card, retries with back-off, parking
 * after the retry window, replay, 410, a closed port, secret rotation, and an integrator's own
 * subscriptions. Real PostgreSQL; the EDMS is a real HTTP server on loopback.
 */
import { expect } from 'chai';
import { createServer } from 'node:net';
import { ensureConfiguredSubscriptions, signDelivery, signingSecrets } from '../../connectors/edms';
import { loadConfig } from '../../src/config';
import { runCli } from '../support/cli';
import { call } from '../support/http';
import { ManualClock } from '../support/clock';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, ensureStaff, personToken, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';
import { Receiver, verifies } from './receiver';

type Json = any;

describe('EDMS webhooks: Standard Webhooks out of the change feed (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let receiver: Receiver;
  let admin: Record<string, string>;
  // Near the real time: the reference implementation refuses timestamps 5 minutes off its clock.
  const clock = new ManualClock(new Date().toISOString());

  before(async () => {
    testDb = await createTestDatabase('webhooks');
    hub = await startTestHub({ databaseUrl: testDb.url }, { clock, scheduler: false });
    await ensureStaff(hub.db, ['mayor', 'housing-dept', 'roads-dept']);
    admin = bearer(await personToken(hub.db, 'it-admin', ['admin']));
    receiver = new Receiver();
    await receiver.start();
  });
  after(async () => {
    await hub?.close();
    await receiver?.stop();
    await testDb?.drop();
  });
  beforeEach(() => {
    clock.set(new Date().toISOString());
    receiver.received.length = 0;
    receiver.answer = () => 200;
  });

  async function subscribe(body: Record<string, unknown>, headers = admin): Promise<Json> {
    const res = await call(hub, 'POST', '/api/v1/subscriptions', body, headers);
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    return res.json;
  }

  const deliveries = async (sub: Json, status = '') => (await call(hub, 'GET', `/api/v1/subscriptions/${sub.id}/deliveries${status ? `?status=${status}` : ''}`, undefined, admin)).json.items;

  it('every change reaches the EDMS signed, in order per card, the card whole with its version; the secret is shown once', async () => {
    const sub = await subscribe({ url: receiver.url, events: ['*'] });
    expect(sub.secret).to.match(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(JSON.stringify((await call(hub, 'GET', `/api/v1/subscriptions/${sub.id}`, undefined, admin)).json)).not.to.contain(sub.secret);

    const doc = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    const card = (await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'Вжити заходів' })).json;
    await call(hub, 'POST', `/api/v1/documents/${doc.id}/control/${card.id}/interim-answers`, { actor: 'housing-dept', text: 'Проводиться обстеження' });
    await waitFor(() => receiver.received.length >= 3, 'three webhooks');

    expect(receiver.received.map((r) => r.json.type)).to.deep.equal(['document.registered', 'control.assigned', 'control.interim']);
    for (const r of receiver.received) {
      expect(verifies(sub.secret, r), r.json.type).to.equal(true);
      expect(r.headers['webhook-id']).to.equal(r.json.eventId);
    }
    expect(receiver.received[2]!.json.data.card).to.include({ id: card.id, version: 2 });
    // A document event carries the registration card.
    expect(receiver.received[0]!.json.data.card).to.include({ id: doc.id, summary: doc.summary });
    expect(receiver.received[0]!.json.data.card.registration.index).to.equal(doc.registration.index);
    // Tampered, the reference implementation refuses it; signed 10 minutes ago, too.
    const first = receiver.received[0]!;
    expect(verifies(sub.secret, { ...first, body: first.body.replace('registered', 'not-registered') })).to.equal(false);
    const stale = new Date(Date.now() - 10 * 60_000);
    expect(verifies(sub.secret, { body: first.body, headers: { ...signDelivery(first.json.eventId, stale, first.body, [sub.secret]) } })).to.equal(false);
    const log = await deliveries(sub, 'delivered');
    expect(log).to.have.length(3);
    expect(log[0].history[0]).to.include({ status: 200 }).and.to.have.property('latencyMs');
    expect(JSON.stringify(log)).not.to.contain('Вжити заходів');
    await call(hub, 'DELETE', `/api/v1/subscriptions/${sub.id}`, undefined, admin);
  });

  it('a failing EDMS is retried with back-off; the card’s later change waits, another card’s does not; 3 days on it is parked, then replayed', async () => {
    const sub = await subscribe({ url: receiver.url, events: ['control.assigned', 'control.interim'] });
    const a = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    const b = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    let failing = true;
    receiver.answer = (r) => (failing && r.json.documentId === a.id ? 503 : 200);
    const cardA = (await call(hub, 'POST', `/api/v1/documents/${a.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'А' })).json;
    await call(hub, 'POST', `/api/v1/documents/${a.id}/control/${cardA.id}/interim-answers`, { actor: 'housing-dept', text: 'Проміжна' });
    const cardB = (await call(hub, 'POST', `/api/v1/documents/${b.id}/resolutions`, { actor: 'mayor', executors: ['roads-dept'], task: 'Б' })).json;
    await waitFor(() => receiver.received.some((r) => r.json.data.cardId === cardB.id), 'the other card’s webhook');
    await waitFor(async () => (await deliveries(sub, 'pending')).some((d: Json) => d.attempts >= 1), 'a failed attempt');
    expect(receiver.received.map((r) => r.json.data.cardId)).to.deep.equal([cardB.id]);
    const pending = await deliveries(sub, 'pending');
    expect(pending.map((d: Json) => d.eventType).sort()).to.deep.equal(['control.assigned', 'control.interim']);
    const tried = pending.find((d: Json) => d.eventType === 'control.assigned');
    expect(tried.history[0]).to.include({ status: 503, error: 'HTTP 503' });
    expect(new Date(tried.nextAttemptAt).getTime() - clock.now().getTime()).to.be.within(10_000, 50_000);
    expect(pending.find((d: Json) => d.eventType === 'control.interim').attempts).to.equal(0);

    // Three days and more of failures: parked as failed, visible, and then the card's next one is
    // tried (and, the EDMS still failing, parked three days later too).
    for (let i = 0; i < 60 && (await deliveries(sub, 'pending')).length > 0; i++) {
      clock.set(new Date(clock.now().getTime() + 6 * 3600_000).toISOString());
      hub.webhooks!.nudge();
      await new Promise((r) => setTimeout(r, 150));
    }
    const failed = await deliveries(sub, 'failed');
    expect(failed.map((d: Json) => d.eventType).sort()).to.deep.equal(['control.assigned', 'control.interim']);
    // The window runs from the change: the later one, held up for almost three days, is parked after a refusal or two.
    expect(failed.find((d: Json) => d.eventType === 'control.assigned').attempts).to.be.greaterThan(5);
    expect(failed.find((d: Json) => d.eventType === 'control.interim').attempts).to.be.within(1, 2);
    const assignedParkedAt = failed.find((d: Json) => d.eventType === 'control.assigned').history.at(-1).at;
    expect(failed.find((d: Json) => d.eventType === 'control.interim').history[0].at >= assignedParkedAt, 'the later change waited for the earlier').to.equal(true);

    failing = false;
    clock.set(new Date().toISOString());
    const replay = await call(hub, 'POST', `/api/v1/subscriptions/${sub.id}/deliveries/replay`, undefined, admin);
    expect(replay.json.replayed).to.be.greaterThan(0);
    await waitFor(async () => (await deliveries(sub, 'failed')).length === 0 && (await deliveries(sub, 'pending')).length === 0, 'everything delivered');
    const forA = receiver.received.filter((r) => r.json.documentId === a.id);
    expect(forA.map((r) => r.json.type).sort()).to.deep.equal(['control.assigned', 'control.interim']);
    for (const r of forA) expect(verifies(sub.secret, r)).to.equal(true);
    await call(hub, 'DELETE', `/api/v1/subscriptions/${sub.id}`, undefined, admin);
  });

  it('410 Gone disables the subscription; a closed port is retried and its error recorded', async () => {
    const gone = await subscribe({ url: receiver.url, events: ['document.registered'] });
    receiver.answer = () => 410;
    await call(hub, 'POST', '/api/v1/documents', submission());
    await waitFor(async () => (await call(hub, 'GET', `/api/v1/subscriptions/${gone.id}`, undefined, admin)).json.status === 'disabled', 'disabled');
    await call(hub, 'DELETE', `/api/v1/subscriptions/${gone.id}`, undefined, admin);

    // A real port with nobody listening.
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const closed = await subscribe({ url: `http://127.0.0.1:${port}/hooks`, events: ['document.registered'] });
    await call(hub, 'POST', '/api/v1/documents', submission());
    const [d] = await waitFor(async () => {
      const list = await deliveries(closed, 'pending');
      return list.length && list[0].attempts >= 1 ? list : undefined;
    }, 'an attempt at the closed port');
    expect(d.history[0]).to.include({ status: null, error: 'ECONNREFUSED' });
    await call(hub, 'DELETE', `/api/v1/subscriptions/${closed.id}`, undefined, admin);
  });

  it('a rotated secret: both the new and the old one verify during the grace period', async () => {
    const sub = await subscribe({ url: receiver.url, events: ['document.registered'] });
    const rotated = (await call(hub, 'POST', `/api/v1/subscriptions/${sub.id}/rotate-secret`, undefined, admin)).json;
    expect(rotated.secret).to.not.equal(sub.secret);
    expect(rotated.previousSecretUntil).to.be.a('string');
    await call(hub, 'POST', '/api/v1/documents', submission());
    await waitFor(() => receiver.received.length >= 1, 'a webhook');
    expect(verifies(rotated.secret, receiver.received[0]!)).to.equal(true);
    expect(verifies(sub.secret, receiver.received[0]!)).to.equal(true);
    // After the grace period only the new one signs.
    const after = signingSecrets({ secret: 'whsec_bmV3', previousSecret: 'whsec_b2xk', previousUntil: new Date('2026-01-02') }, new Date('2026-01-03'));
    expect(after).to.deep.equal(['whsec_bmV3']);
    await call(hub, 'DELETE', `/api/v1/subscriptions/${sub.id}`, undefined, admin);
  });

  it('an integrator subscribes for its own sources only and sees only its own subscriptions', async () => {
    const edms = bearer(await systemToken(hub.db, ['integrator'], { sources: ['edms-w'] }));
    const own = await subscribe({ url: receiver.url, events: ['document.registered'] }, edms);
    expect(own.sources).to.deep.equal(['edms-w']);
    const other = await call(hub, 'POST', '/api/v1/subscriptions', { url: receiver.url, events: ['*'], sources: ['oblast'] }, edms);
    expect(other.json.code).to.equal('SOURCE_NOT_ALLOWED');
    const adminSub = await subscribe({ url: receiver.url, events: ['control.overdue'] });
    expect((await call(hub, 'GET', '/api/v1/subscriptions', undefined, edms)).json.items.map((s: Json) => s.id)).to.deep.equal([own.id]);
    expect((await call(hub, 'GET', `/api/v1/subscriptions/${adminSub.id}`, undefined, edms)).status).to.equal(404);
    await call(hub, 'POST', '/api/v1/documents', submission({ source: 'oblast' }));
    const mine = (await call(hub, 'POST', '/api/v1/documents', submission({ source: 'edms-w' }), edms)).json;
    await waitFor(() => receiver.received.length >= 1, 'its webhook');
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.map((r) => r.json.documentId)).to.deep.equal([mine.id]);
  });

  it('dilovod edms reconcile: a card the EDMS never got is sent as it stands; one it has is left alone', async () => {
    const before = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    const old = (await call(hub, 'POST', `/api/v1/documents/${before.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'До підписки' })).json;
    const sub = await subscribe({ url: receiver.url, events: ['control.assigned'] });
    const doc = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    const seen = (await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'Після' })).json;
    await waitFor(() => receiver.received.some((r) => r.json.data.cardId === seen.id), 'the webhook of the new card');
    const out = await runCli(['edms', 'reconcile', '--subscription', sub.id], { DATABASE_URL: testDb.url });
    expect(out.code, out.stderr).to.equal(0);
    expect(out.stdout).to.match(/^Звірено \d+ карт(ку|ки|ок): узгоджено \d+, ще в черзі 0, надіслано стан заново \d+/);
    // The CLI stamps the delivery with the real time; the hub's clock catches up with it.
    clock.set(new Date(Date.now() + 1000).toISOString());
    hub.webhooks!.nudge();
    await waitFor(() => receiver.received.some((r) => r.json.type === 'control.snapshot' && r.json.data.cardId === old.id), 'the snapshot of the old card');
    const snapshot = receiver.received.find((r) => r.json.data.cardId === old.id)!;
    expect(verifies(sub.secret, snapshot)).to.equal(true);
    expect(snapshot.json.data.card).to.include({ id: old.id, version: 1, task: 'До підписки' });
    expect(receiver.received.filter((r) => r.json.type === 'control.snapshot' && r.json.data.cardId === seen.id)).to.deep.equal([]);
    await call(hub, 'DELETE', `/api/v1/subscriptions/${sub.id}`, undefined, admin);
  });

  it('a citizen’s registration card goes out masked, unless whoever subscribed holds personal data; then each card sent is a recorded read', async () => {
    const masked = await subscribe({ url: receiver.url, events: ['document.registered'] });
    const edms = bearer(await systemToken(hub.db, ['integrator', 'personal-data'], { sources: ['edms-pd'], name: 'СЕД з персональними даними' }));
    const shown = await subscribe({ url: receiver.url, events: ['document.registered'] }, edms);
    const appeal = submission({ source: 'edms-pd', kind: 'citizen-appeal', correspondent: { name: 'Гнатюк Оксана Петрівна', address: 'м. Кам’янське, вул. Соборна, 12' } });
    const doc = (await call(hub, 'POST', '/api/v1/documents', appeal, edms)).json;
    await waitFor(() => receiver.received.filter((r) => r.json.documentId === doc.id).length >= 2, 'both webhooks');
    const got = receiver.received.filter((r) => r.json.documentId === doc.id);
    const forShown = got.find((r) => verifies(shown.secret, r))!;
    const forMasked = got.find((r) => verifies(masked.secret, r))!;
    expect(forShown.json.data.card.correspondent.name).to.equal('Гнатюк Оксана Петрівна');
    expect(forMasked.body).not.to.contain('Гнатюк');
    const reads = await hub.db.query<{ route: string; record_id: string }>('SELECT route, record_id FROM personal_data_reads WHERE record_id = $1', [doc.id]);
    expect(reads.map((r) => r.route)).to.include(`webhook ${shown.id}`);
    expect(reads.map((r) => r.route)).not.to.include(`webhook ${masked.id}`);
    await call(hub, 'DELETE', `/api/v1/subscriptions/${masked.id}`, undefined, admin);
    await call(hub, 'DELETE', `/api/v1/subscriptions/${shown.id}`, undefined, edms);
  });

  it('a subscription kept in WEBHOOK_SUBSCRIPTIONS: checked at start-up naming the variable, kept once across restarts, signed with its secret', async () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    const env = { WEBHOOK_SUBSCRIPTIONS: JSON.stringify([{ url: receiver.url, events: ['document.registered'], secret }]) };
    const configured = loadConfig(env).webhookSubscriptions;
    expect(configured).to.deep.equal([{ url: receiver.url, events: ['document.registered'], secret }]);
    expect(() => loadConfig({ WEBHOOK_SUBSCRIPTIONS: JSON.stringify([{ url: 'ftp://x', events: ['*'], secret }]) })).to.throw(/WEBHOOK_SUBSCRIPTIONS.*url/);
    expect(() => loadConfig({ WEBHOOK_SUBSCRIPTIONS: JSON.stringify([{ url: receiver.url, events: ['*'], secret: 'short' }]) })).to.throw(/WEBHOOK_SUBSCRIPTIONS.*secret/);
    await ensureConfiguredSubscriptions(hub.db, configured, clock.now());
    await ensureConfiguredSubscriptions(hub.db, configured, clock.now());
    const rows = await hub.db.query<{ id: string }>("SELECT id FROM webhook_subscriptions WHERE created_by = 'WEBHOOK_SUBSCRIPTIONS'");
    expect(rows).to.have.length(1);
    const doc = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    await waitFor(() => receiver.received.some((r) => r.json.documentId === doc.id), 'its webhook');
    expect(verifies(secret, receiver.received.find((r) => r.json.documentId === doc.id)!)).to.equal(true);
    await call(hub, 'DELETE', `/api/v1/subscriptions/${rows[0]!.id}`, undefined, admin);
  });
});
