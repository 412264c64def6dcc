/**
 * The published broker contract (issue 12): GET /api/v1/asyncapi.json is valid AsyncAPI 3 by the
 * official parser, names the exchanges and queues the hub really declares, and the messages that
 * really travel (an event from dilovod.events, a dead letter, the connectors' outbound messages
 * mapped from that event) match its schemas. Real PostgreSQL and RabbitMQ, in their own vhost.
 */
import { Parser } from '@asyncapi/parser';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { platformUpdatesFor } from '../../connectors/e-petitions';
import { statusMessagesFor } from '../../connectors/hotline';
import { testConfig as hotlineConfig } from '../../connectors/hotline/test-support';
import { TOPOLOGY } from '../../src/bus';
import { deliveryQueue } from '../../src/bus/delivery';
import { buildAsyncApi, hubVersion } from '../../src/contract';
import type { HubEvent } from '../../src/schemas';
import { createTestVhost, type TestVhost } from '../support/amqp';
import { TestBroker, type EventTap } from '../support/broker';
import { call } from '../support/http';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';

type Json = Record<string, any>;

/** Validators of the document's message parts (payload, headers), JSON Schema draft-07 as AsyncAPI's schema format is. */
function messageValidator(doc: Json): (message: string, part: 'payload' | 'headers', value: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'urn:dilovod:asyncapi' });
  const cache = new Map<string, ValidateFunction>();
  return (message, part, value) => {
    const at = `urn:dilovod:asyncapi#/components/messages/${message}/${part}`;
    let validate = cache.get(at);
    if (!validate) cache.set(at, (validate = ajv.getSchema(at)!));
    expect(validate, at).to.be.a('function');
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}

describe('contract: AsyncAPI 3 of the broker side (real PostgreSQL and RabbitMQ)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let vhost: TestVhost;
  let hub: TestHub;
  let broker: TestBroker;
  let tap: EventTap;
  let served: Json;

  before(async () => {
    [testDb, vhost] = await Promise.all([createTestDatabase('asyncapi'), createTestVhost('asyncapi')]);
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url });
    broker = new TestBroker(vhost.url);
    await broker.open();
    tap = await broker.tapEvents();
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to broker');
    const res = await call(hub, 'GET', '/api/v1/asyncapi.json');
    expect(res.status).to.equal(200);
    served = res.json;
  });
  after(async () => {
    await broker?.close();
    await hub?.close();
    await Promise.all([testDb?.drop(), vhost?.delete()]);
  });

  it('is valid AsyncAPI 3 by @asyncapi/parser: no error diagnostics', async () => {
    expect(served.asyncapi).to.match(/^3\./);
    expect(served).to.deep.equal(buildAsyncApi({ version: hubVersion() }));
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(served));
    // Severity 0 is an error; anything else (a hint, a warning) is listed to be seen, not hidden.
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('/')}`);
    expect(errors).to.deep.equal([]);
    expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).to.deep.equal([]);
    expect(document, 'parsed').to.not.equal(undefined);
    expect(document!.channels().length).to.equal(Object.keys(served.channels).length);
    expect(document!.operations().all().map((o) => o.id()).sort()).to.include.members(['consumeInbound', 'publishEvents', 'deadLetter']);
  });

  it('names the exchanges and queues the hub declares, and the payloads come from schemas/', () => {
    const bindings = Object.values(served.channels as Record<string, Json>).map((c) => c.bindings.amqp);
    const exchanges = new Set(bindings.filter((b) => b.is === 'routingKey').map((b) => b.exchange.name));
    const queues = new Set(bindings.filter((b) => b.is === 'queue').map((b) => b.queue.name));
    expect([...exchanges].sort()).to.deep.equal([TOPOLOGY.eventsExchange, TOPOLOGY.inboundExchange, TOPOLOGY.outboundExchange].sort());
    expect([...queues].sort()).to.deep.equal([TOPOLOGY.deadLetterQueue, TOPOLOGY.inboundQueue, deliveryQueue('{connector}')].sort());
    expect(served.channels.commands.address).to.equal('{source}.command');
    expect(served.channels.outboundSevOvv.address).to.equal('sev-ovv.{destination}');
    const payloads = Object.fromEntries(Object.entries(served.components.messages as Record<string, Json>).map(([k, m]) => [k, m.payload.$ref]));
    expect(payloads).to.include({
      documentSubmission: '#/components/schemas/DocumentSubmission', controlCommand: '#/components/schemas/ControlCommand', hubEvent: '#/components/schemas/HubEvent',
      hotlineCard: '#/components/schemas/HotlineCard', hotlineStatus: '#/components/schemas/HotlineStatus', petitionPlatformUpdate: '#/components/schemas/PetitionPlatformUpdate',
    });
    // The hotline card keeps its own local definitions, now inside the document.
    expect(JSON.stringify(served.components.schemas.HotlineCard)).to.include('#/components/schemas/HotlineCard/definitions/');
  });

  it('a real event from dilovod.events and its headers match hubEvent; the connectors\' messages mapped from it match theirs', async () => {
    const check = messageValidator(served);
    broker.publish('edms.json', submission({ externalId: 'asyncapi-1' }), { messageId: 'asyncapi-1' });
    const msg = await waitFor(() => tap.messages.find((m) => JSON.parse(m.content.toString()).externalId === 'asyncapi-1'), 'the event');
    const event = JSON.parse(msg.content.toString('utf8')) as HubEvent;
    expect(event.type).to.equal('document.registered');
    expect(check('hubEvent', 'payload', event)).to.deep.equal([]);
    expect(check('hubEvent', 'headers', msg.properties.headers)).to.deep.equal([]);
    expect(check('hubEvent', 'payload', { ...event, sequence: 'one' })).to.not.deep.equal([]);

    const petition = platformUpdatesFor({ ...event, source: 'e-petition', externalId: 'kamianska-mtg/118' });
    expect(petition).to.have.length(1);
    expect(check('petitionPlatformUpdate', 'payload', JSON.parse(petition[0]!.body.toString('utf8')))).to.deep.equal([]);
    const status = statusMessagesFor({ ...event, source: 'hotline-1545', externalId: '1545-2026-0309-004517' }, () => hotlineConfig());
    expect(status).to.have.length(1);
    expect(check('hotlineStatus', 'payload', JSON.parse(status[0]!.body.toString('utf8')))).to.deep.equal([]);
  });

  it('a message that cannot be accepted is dead-lettered with its routing key, as the dead-letter channel says', async () => {
    broker.publish('edms.json', '{ not json', { messageId: 'asyncapi-bad' });
    const [dead] = await broker.waitDeadLettered(1);
    expect(dead!.fields.routingKey).to.equal('edms.json');
    expect(dead!.content.toString('utf8')).to.equal('{ not json');
    expect(dead!.properties.headers?.['x-death']).to.be.an('array').with.length.greaterThan(0);
    expect(messageValidator(served)('deadLetter', 'headers', dead!.properties.headers)).to.deep.equal([]);
    expect(served.channels.deadLetters.bindings.amqp.queue.name).to.equal(TOPOLOGY.deadLetterQueue);
  });
});
