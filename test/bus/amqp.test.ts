import { expect } from 'chai';
import { createTestVhost, rabbitmqctl, type TestVhost } from '../support/amqp';
import { TestBroker, type EventTap } from '../support/broker';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';

async function documentsWith(hub: TestHub, externalId: string): Promise<Array<{ id: string; reg_number: number }>> {
  return hub.db.query('SELECT id, reg_number FROM documents WHERE external_id = $1', [externalId]);
}

describe('AMQP door and events (real RabbitMQ and PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let hub: TestHub;
  let broker: TestBroker;
  let tap: EventTap;

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('amqp'), createTestVhost('amqp')]);
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url });
    broker = new TestBroker(vhost.url);
    await broker.open();
    tap = await broker.tapEvents();
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to broker');
  });
  after(async () => {
    await broker?.close();
    await hub?.close();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  it('a message on dilovod.inbound is registered and announced on dilovod.events', async () => {
    const body = submission({ externalId: 'amqp-1', source: 'oblast' });
    broker.publish('oblast.json', body, { messageId: 'amqp-1' });
    const [doc] = await waitFor(async () => (await documentsWith(hub, 'amqp-1'))[0] && documentsWith(hub, 'amqp-1'), 'registration');
    const [event] = await waitFor(() => tap.forDocument(doc!.id).length > 0 && tap.forDocument(doc!.id), 'event');
    expect(event).to.include({ type: 'document.registered', documentId: doc!.id, source: 'oblast', externalId: 'amqp-1', status: 'registered' });
    expect(event!.registration).to.include({ journal: 'incoming', number: doc!.reg_number });
    expect(event!.eventId).to.match(/^[0-9a-f-]{36}$/);
    expect(event!.sequence).to.be.a('number');
    const msg = tap.messages.find((m) => JSON.parse(m.content.toString()).documentId === doc!.id)!;
    expect(msg.fields.routingKey).to.equal('document.registered');
    expect(msg.properties.messageId).to.equal(event!.eventId);
  });

  it('the same message delivered twice registers once and is announced once', async () => {
    const body = submission({ externalId: 'amqp-twice' });
    broker.publish('edms.json', body, { messageId: 'm-twice' });
    broker.publish('edms.json', body, { messageId: 'm-twice' });
    const marker = submission({ externalId: 'amqp-after-twice' });
    broker.publish('edms.json', marker);
    await waitFor(async () => (await documentsWith(hub, 'amqp-after-twice')).length === 1, 'marker registered');
    const docs = await documentsWith(hub, 'amqp-twice');
    expect(docs).to.have.length(1);
    await waitFor(() => tap.forDocument(docs[0]!.id).length === 1, 'one event');
    expect(tap.forDocument(docs[0]!.id)).to.have.length(1);
  });

  it('without externalId in the body, the AMQP message_id is the idempotency key', async () => {
    const body = submission();
    delete body.externalId;
    broker.publish('edms.json', body, { messageId: 'msgid-key-1' });
    broker.publish('edms.json', body, { messageId: 'msgid-key-1' });
    await waitFor(async () => (await documentsWith(hub, 'msgid-key-1')).length === 1, 'registered by message_id');
    broker.publish('edms.json', submission({ externalId: 'after-msgid' }));
    await waitFor(async () => (await documentsWith(hub, 'after-msgid')).length === 1, 'next message');
    expect(await documentsWith(hub, 'msgid-key-1')).to.have.length(1);
  });

  it('a poison message goes to quarantine and dilovod.dlx, and the next message still goes through', async () => {
    broker.publish('edms.json', '{"this is": not json', { messageId: 'poison-1' });
    broker.publish('edms.json', submission({ kind: 'unknown-kind' }), { messageId: 'poison-2' });
    broker.publish('edms.json', submission({ externalId: 'after-poison' }));
    await waitFor(async () => (await documentsWith(hub, 'after-poison')).length === 1, 'message after poison');
    const dead = await broker.waitDeadLettered(2);
    expect(dead.map((m) => m.properties.messageId).sort()).to.deep.equal(['poison-1', 'poison-2']);
    const rows = await hub.db.query<{ code: string; channel: string; routing_key: string; message_id: string }>(
      `SELECT code, channel, routing_key, message_id FROM quarantine WHERE message_id IN ('poison-1', 'poison-2') ORDER BY message_id`,
    );
    expect(rows).to.deep.equal([
      { code: 'INVALID_JSON', channel: 'amqp', routing_key: 'edms.json', message_id: 'poison-1' },
      { code: 'VALIDATION_FAILED', channel: 'amqp', routing_key: 'edms.json', message_id: 'poison-2' },
    ]);
    const res = await fetch(`${hub.url}/api/v1/quarantine?source=edms`, { headers: hub.auth });
    const listed = ((await res.json()) as { items: Array<{ messageId: string }> }).items.map((i) => i.messageId);
    expect(listed).to.include.members(['poison-1', 'poison-2']);
  });

  it('a format the hub has no decoder for is quarantined as UNSUPPORTED_FORMAT', async () => {
    broker.publish('scanner.tiff', Buffer.from([0x49, 0x49, 0x2a, 0x00]), { messageId: 'tiff-1' });
    const [row] = await waitFor(async () => {
      const rows = await hub.db.query<{ code: string; source: string }>(`SELECT code, source FROM quarantine WHERE message_id = 'tiff-1'`);
      return rows.length ? rows : undefined;
    }, 'quarantine row');
    expect(row).to.deep.equal({ code: 'UNSUPPORTED_FORMAT', source: 'scanner' });
  });

  it('consumes with manual acks and a bounded prefetch', async () => {
    const out = await rabbitmqctl('list_consumers', '-p', vhost.name, 'queue_name', 'ack_required', 'prefetch_count');
    const line = out.split('\n').find((l) => l.startsWith('dilovod.inbound\t'));
    expect(line?.split('\t')).to.deep.equal(['dilovod.inbound', 'true', '8']);
  });
});

describe('AMQP door when the database is away', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let proxy: TcpProxy;
  let hub: TestHub;
  let broker: TestBroker;

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('outage'), createTestVhost('outage')]);
    proxy = new TcpProxy(5432);
    await proxy.start();
    const url = new URL(testDb.url);
    url.port = String(proxy.port);
    hub = await startTestHub({ databaseUrl: url.toString(), amqpUrl: vhost.url });
    broker = new TestBroker(vhost.url);
    await broker.open();
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to broker');
  });
  after(async () => {
    await broker?.close();
    await hub?.close();
    await proxy?.stop();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  it('retries with back-off instead of quarantining, and registers once the database is back', async () => {
    await proxy.cut();
    broker.publish('edms.json', submission({ externalId: 'during-outage' }), { messageId: 'during-outage' });
    await new Promise((r) => setTimeout(r, 1500));
    await proxy.restore();
    await waitFor(async () => {
      const rows = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents WHERE external_id = 'during-outage'`).catch(() => [{ n: 0 }]);
      return rows[0]!.n === 1;
    }, 'registration after the outage', 30_000);
    const quarantined = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM quarantine`);
    expect(quarantined[0]!.n).to.equal(0);
    expect(await broker.deadLettered()).to.have.length(0);
    const retries = hub.logs.lines.filter((l) => l.includes('transient failure; retrying with back-off'));
    expect(retries.length).to.be.greaterThan(0);
  });
});
