/**
 * Commands from the EDMS (issue 11, "In"): what its users did comes back to the hub as commands on
 * the card, with the same rules and the same control log as in the hub, based on a version
 * (If-Match) and applied once per Idempotency-Key; a refusal says the rule and is announced.
 */
import { expect } from 'chai';
import { TOPOLOGY } from '../../src/bus';
import { createTestVhost, type TestVhost } from '../support/amqp';
import { TestBroker } from '../support/broker';
import { call } from '../support/http';
import { waitFor } from '../support/wait';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, ensureStaff, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

type Json = any;

describe('EDMS commands: POST /api/v1/control/{cardId}/commands (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let asClerk: Record<string, string>;
  let asMayor: Record<string, string>;

  before(async () => {
    testDb = await createTestDatabase('commands');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
    await ensureStaff(hub.db, ['mayor', 'housing-dept']);
    await hub.db.query("UPDATE staff SET roles = '{executor}' WHERE id = 'housing-dept'");
    await hub.db.query("UPDATE staff SET roles = '{controller}' WHERE id = 'mayor'");
    const edms = await systemToken(hub.db, ['integrator'], { sources: ['edms'], actFor: ['housing-dept', 'mayor'], name: 'СЕД Мегаполіс' });
    asClerk = { ...bearer(edms), 'x-on-behalf-of': 'housing-dept' };
    asMayor = { ...bearer(edms), 'x-on-behalf-of': 'mayor' };
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  async function card(): Promise<Json> {
    const doc = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    return (await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'Вжити заходів' })).json;
  }
  const command = (c: Json, body: unknown, headers: Record<string, string>) => call(hub, 'POST', `/api/v1/control/${c.id}/commands`, body, headers);

  it('applied once per Idempotency-Key, on the version it was based on; the log names the EDMS user and the EDMS', async () => {
    const c = await card();
    const interim = { command: 'interim-answer', body: { text: 'Проводиться обстеження' } };
    const first = await command(c, interim, { ...asClerk, 'if-match': '"1"', 'idempotency-key': `k-${c.id}` });
    expect(first.status, JSON.stringify(first.json)).to.equal(200);
    expect(first.json).to.include({ version: 2 });
    const again = await command(c, interim, { ...asClerk, 'if-match': '"1"', 'idempotency-key': `k-${c.id}` });
    expect(again.status).to.equal(200);
    expect(again.headers.get('idempotent-replay')).to.equal('true');
    expect(again.json).to.deep.equal(first.json);
    expect((await call(hub, 'GET', `/api/v1/control/${c.id}`)).json.interimAnswers).to.have.length(1);
    const other = await command(c, { command: 'interim-answer', body: { text: 'Інше' } }, { ...asClerk, 'if-match': '"1"', 'idempotency-key': `k-${c.id}` });
    expect([other.status, other.json.code]).to.deep.equal([422, 'IDEMPOTENCY_KEY_REUSED']);

    // Based on version 1 while the card is at 2: refused with the card as it is, never applied blindly.
    const stale = await command(c, { command: 'interim-answer', body: { text: 'Ще одна' } }, { ...asClerk, 'if-match': '"1"', 'idempotency-key': `k2-${c.id}` });
    expect([stale.status, stale.json.code]).to.deep.equal([412, 'VERSION_MISMATCH']);
    expect(stale.json.details.card).to.include({ id: c.id, version: 2 });

    const log = (await call(hub, 'GET', `/api/v1/audit/log?documentId=${c.documentId}&action=control.interim`)).json.items;
    expect(log).to.have.length(1);
    expect(log[0]).to.include({ actor: 'housing-dept' });
    expect(log[0].via).to.include({ method: 'api-token+on-behalf-of' });
    expect(log[0].via.system.name).to.equal('СЕД Мегаполіс');
  });

  it('a command the rules refuse answers with the rule and its basis, and the refusal goes out as control.command-refused', async () => {
    const c = await card();
    const refused = await command(c, { command: 'execution', body: { onMerits: false, answer: { summary: 'Проміжна' } } }, { ...asClerk, 'if-match': '"1"' });
    expect([refused.status, refused.json.code]).to.deep.equal([409, 'ANSWER_REQUIRED']);
    expect(refused.json.details.basis).to.equal('003 §160');
    const events = await hub.db.query<{ type: string; payload: Json }>('SELECT type, payload FROM outbox WHERE document_id = $1 ORDER BY seq', [c.documentId]);
    const last = events[events.length - 1]!;
    expect(last.type).to.equal('control.command-refused');
    expect(last.payload.data).to.deep.include({ command: 'execution', by: 'housing-dept', via: 'СЕД Мегаполіс', version: 1 });
    expect(last.payload.data.refusal).to.include({ code: 'ANSWER_REQUIRED', basis: '003 §160' });
    expect(last.payload.data.refusal.messageUk).to.match(/[а-яіїє]/i);
    // The action's own permission: an executor does not release.
    const release = await command(c, { command: 'release', body: {} }, asClerk);
    expect([release.status, release.json.code, release.json.details.permission]).to.deep.equal([403, 'PERMISSION_DENIED', 'control:decide']);
    // The whole round: executed by the executor, released by the controller, both through the EDMS.
    const done = await command(c, { command: 'execution', body: { onMerits: true, answer: { summary: 'Виконано', outgoingIndex: '01-10/5' } } }, asClerk);
    expect(done.json).to.include({ status: 'executed', version: 2 });
    const released = await command(c, { command: 'release', body: {} }, { ...asMayor, 'if-match': '2' });
    expect(released.json).to.include({ status: 'released', version: 3 });
  });
});

describe('EDMS commands over AMQP: edms.command (real RabbitMQ, real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let hub: TestHub;
  let broker: TestBroker;

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('amqpcmd'), createTestVhost('amqpcmd')]);
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url }, { scheduler: false });
    broker = new TestBroker(vhost.url);
    await broker.open();
    await ensureStaff(hub.db, ['mayor', 'housing-dept']);
    await hub.db.query("UPDATE staff SET roles = '{executor}' WHERE id = 'housing-dept'");
  });
  after(async () => {
    await broker?.close();
    await hub?.close();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  it('applied once per message_id on the version it names; a stale or unknown one is refused as an event, a stranger quarantined', async () => {
    const doc = (await call(hub, 'POST', '/api/v1/documents', submission())).json;
    const card = (await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'Вжити заходів' })).json;
    const send = (messageId: string, body: unknown, headers: Record<string, string>) =>
      broker.ch.publish(TOPOLOGY.inboundExchange, 'edms.command', Buffer.from(JSON.stringify(body)), { persistent: true, userId: 'guest', messageId, headers: { 'card-id': card.id, ...headers } });
    const interim = { command: 'interim-answer', body: { text: 'Проводиться обстеження' } };
    send('cmd-1', interim, { 'on-behalf-of': 'housing-dept', 'if-match': '1' });
    send('cmd-1', interim, { 'on-behalf-of': 'housing-dept', 'if-match': '1' });
    await waitFor(async () => (await call(hub, 'GET', `/api/v1/control/${card.id}`)).json.version === 2, 'the command applied');
    send('cmd-2', { command: 'interim-answer', body: { text: 'Стара версія' } }, { 'on-behalf-of': 'housing-dept', 'if-match': '1' });
    const refused = await waitFor(async () => {
      const rows = await hub.db.query<{ payload: Json }>("SELECT payload FROM outbox WHERE document_id = $1 AND type = 'control.command-refused'", [doc.id]);
      return rows[0]?.payload;
    }, 'the refusal announced');
    expect(refused.data.refusal).to.include({ code: 'VERSION_MISMATCH' });
    expect(refused.data).to.include({ command: 'interim-answer', by: 'housing-dept', version: 2 });
    const now = (await call(hub, 'GET', `/api/v1/control/${card.id}`)).json;
    expect(now.interimAnswers).to.have.length(1);
    const log = (await call(hub, 'GET', `/api/v1/audit/log?documentId=${doc.id}&action=control.interim`)).json.items;
    expect(log.map((e: Json) => [e.actor, e.via.method, e.via.system.name])).to.deep.equal([['housing-dept', 'broker-user', 'AMQP guest']]);

    send('cmd-3', interim, { 'on-behalf-of': 'nobody' });
    const q = await waitFor(async () => (await hub.db.query<{ code: string }>("SELECT code FROM quarantine WHERE message_id = 'cmd-3'"))[0], 'the stranger in quarantine');
    expect(q.code).to.equal('ON_BEHALF_OF_NOT_ALLOWED');
  });
});
