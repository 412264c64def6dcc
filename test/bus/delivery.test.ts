import { expect } from 'chai';
import type { ConsumeMessage } from 'amqplib';
import { parseStringPromise } from 'xml2js';
import { deliveringConnectors } from '../../connectors';
import { sample as hotlineSample, TEST_ENV as HOTLINE_ENV } from '../../connectors/hotline/test-support';
import { ownSample, TEST_ENV } from '../../connectors/sev-ovv/test-support';
import { ConfigError } from '../../src/config';
import { deliveryQueue, TOPOLOGY } from '../../src/bus';
import { createTestVhost, type TestVhost } from '../support/amqp';
import { TestBroker } from '../support/broker';
import { startTestHub , type TestHub } from '../support/hub';
import { ensureStaff, principalFor } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';

/** The door out: dilovod.events → a connector's outbound mapping → dilovod.outbound (ARCHITECTURE). */
describe('connector delivery to dilovod.outbound (real RabbitMQ and PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let hub: TestHub;
  let broker: TestBroker;
  const delivered: ConsumeMessage[] = [];
  const toCentre: ConsumeMessage[] = [];
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    for (const [k, v] of Object.entries({ ...TEST_ENV, ...HOTLINE_ENV })) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    [testDb, vhost] = await Promise.all([createTestDatabase('delivery'), createTestVhost('delivery')]);
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url, deliverConnectors: ['sev-ovv', 'hotline'] }, { http: false });
    broker = new TestBroker(vhost.url);
    await broker.open();
    // What the СЕВ ОВВ gateway would bind: every message for the sev-ovv connector.
    await broker.tapOutbound('sev-ovv.#', delivered);
    // …and what the government contact centre's gateway would bind.
    await broker.tapOutbound('hotline.#', toCentre);
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to broker');
  });

  after(async () => {
    await broker?.close();
    await hub?.close();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  });

  it('a document in from СЕВ ОВВ goes out as a registration acknowledgement (ДС15) addressed to its sender', async () => {
    broker.ch.publish(TOPOLOGY.inboundExchange, 'sev-ovv.xml', ownSample('do-vykonannia.xml'), { persistent: true, userId: 'guest', messageId: 'sev-1' });
    // The sample asks for msg_acknow 2: delivered (1) and accepted (2) go first, in order, then registered (3).
    await waitFor(() => delivered.length >= 3, 'the acknowledgements on dilovod.outbound');
    const types = await Promise.all(delivered.map(async (m) => (await parseStringPromise(m.content.toString('utf8'))).Header.Acknowledgement[0].$.ack_type));
    expect(types).to.deep.equal(['1', '2', '3']);
    const ack = delivered[2];
    const [doc] = await hub.db.query<{ id: string; reg_index: string }>("SELECT id, reg_index FROM documents WHERE source = 'sev-ovv'");
    expect(ack!.fields.routingKey).to.equal('sev-ovv.00022533/c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b');
    expect(ack!.properties.contentType).to.equal('application/xml; charset=utf-8');
    const [event] = await hub.db.query<{ event_id: string }>("SELECT event_id FROM outbox WHERE document_id = $1 AND type = 'document.registered'", [doc!.id]);
    expect(ack!.properties.headers).to.include({ connector: 'sev-ovv', eventId: event!.event_id, eventType: 'document.registered' });
    const xml = await parseStringPromise(ack!.content.toString('utf8'));
    expect(xml.Header.Acknowledgement[0].$.ack_type).to.equal('3');
    expect(xml.Header.Acknowledgement[0].RegNumber[0]._).to.equal(doc!.reg_index);
  });

  it('an event the mapping cannot read is dead-lettered, and the events behind it still go out', async () => {
    const before = delivered.length;
    broker.ch.publish(TOPOLOGY.eventsExchange, 'document.registered', Buffer.from('{not json'), { messageId: 'broken-event' });
    // Each delivering connector reads every event, so each of their queues dead-letters it.
    const dead = await broker.waitDeadLettered(2);
    expect(dead.map((m) => m.properties.messageId)).to.deep.equal(['broken-event', 'broken-event']);
    const queues = dead.map((m) => m.properties.headers?.['x-death']?.[0]?.queue).sort();
    expect(queues).to.deep.equal([deliveryQueue('hotline'), deliveryQueue('sev-ovv')]);

    const payload = ownSample('do-vykonannia.xml').toString('utf8').replace(/msg_id="[^"]+"/, 'msg_id="0b0e7c1a-3d2f-4e6a-9b8c-7d6e5f4a3b2d"');
    broker.ch.publish(TOPOLOGY.inboundExchange, 'sev-ovv.xml', Buffer.from(payload), { persistent: true, userId: 'guest', messageId: 'sev-2' });
    await waitFor(() => delivered.length > before, 'the next acknowledgement');
    const xml = await parseStringPromise(delivered[delivered.length - 1]!.content.toString('utf8'));
    expect(xml.Header.Acknowledgement[0].$.msg_id).to.equal('0b0e7c1a-3d2f-4e6a-9b8c-7d6e5f4a3b2d');
  });

  it('003 §139: a 1545 card is answered back to the centre like a higher authority — its status kept in step', async () => {
    broker.ch.publish(TOPOLOGY.inboundExchange, 'hotline.json', hotlineSample('ukc-1545-complaint.json'), { persistent: true, userId: 'guest', messageId: 'card-1' });
    const statuses = () => toCentre.map((m) => JSON.parse(m.content.toString('utf8')));
    await waitFor(() => toCentre.length >= 1, 'the registered status');
    const [doc] = await hub.db.query<{ id: string; reg_index: string }>("SELECT id, reg_index FROM documents WHERE external_id = '1545-2026-0309-004517'");
    expect(toCentre[0]!.fields.routingKey).to.equal('hotline.ukc-1545');
    expect(statuses()[0]).to.deep.include({ cardId: '1545-2026-0309-004517', status: 'registered' });
    expect(JSON.stringify(statuses()[0])).to.contain(doc!.reg_index);

    await ensureStaff(hub.db, ['housing-dept']);
    await hub.control.addResolution(doc!.id, { executors: ['housing-dept'], task: 'Розглянути протягом робочого дня (003 §137)' }, await principalFor(hub.db, 'keruiuchyi-spravamy'));
    const [card] = await hub.control.cardsOf(doc!.id);
    await hub.control.act(doc!.id, card!.id, 'execution', { onMerits: true, answer: { summary: 'Надано роз’яснення', result: 'explained', outgoingIndex: '01-10/77' },
    }, await principalFor(hub.db, 'housing-dept'));
    await waitFor(() => statuses().some((s) => s.status === 'explained'), 'the result at the centre');
    expect(statuses().map((s) => s.status)).to.deep.equal(['registered', 'in-progress', 'explained']);
    expect(JSON.stringify(statuses()[2])).to.contain('01-10/77');
  });

  it('DELIVER_CONNECTORS with an unknown name stops start-up naming the variable', () => {
    expect(() => deliveringConnectors(['sev-ovv', 'fax'])).to.throw(ConfigError, /DELIVER_CONNECTORS.*fax/);
  });
});
