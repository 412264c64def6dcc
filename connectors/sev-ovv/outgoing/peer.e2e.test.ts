import { expect } from 'chai';
import type { ConsumeMessage } from 'amqplib';
import { parseStringPromise } from 'xml2js';
import { TOPOLOGY } from '../../../src/bus';
import { pki } from '../../../test/signatures/support/fixture';
import { get, post, writeTrustFiles } from '../../../test/signatures-pipeline/support';
import { createTestVhost, type TestVhost } from '../../../test/support/amqp';
import { TestBroker, type EventTap } from '../../../test/support/broker';
import { ManualClock } from '../../../test/support/clock';
import { withEnv } from '../../../test/support/env';
import { startTestHub, type TestHub } from '../../../test/support/hub';
import { createTestDatabase, type TestDatabase } from '../../../test/support/pg';
import { waitFor } from '../../../test/support/wait';
import { xsdProblems } from '../../../test/support/xsd';
import { ownSample, OUR_ORG_ID, TEST_ENV } from '../test-support';
import { importParticipants } from './participants';
import { additionXml, documentXml, OTHER, outgoingBody, PEER, receiptXml, SILENT } from './test-support';

type Participant = typeof PEER;

/**
 * Another participant of the exchange on the real broker, with its own organisation and system id:
 * it takes what the hub sends it off dilovod.outbound (as the exchange's gateway would, by its
 * routing key `sev-ovv.<org>/<system>`), and answers with receipts (msg_type 0) on dilovod.inbound.
 */
class PeerSimulator {
  readonly received: ConsumeMessage[] = [];
  private sent = 0;
  constructor(readonly who: Participant, private readonly broker: TestBroker) {}

  async listen(): Promise<void> {
    const { queue } = await this.broker.ch.assertQueue('', { exclusive: true });
    await this.broker.ch.bindQueue(queue, TOPOLOGY.outboundExchange, `sev-ovv.${this.who.edrpou}/${this.who.sysId}`);
    await this.broker.ch.consume(queue, (m) => m && this.received.push(m), { noAck: true });
  }

  /** The message the hub sent it with this msg_id. */
  async message(msgId: string): Promise<ConsumeMessage> {
    await waitFor(() => this.received.some((m) => m.properties.messageId === msgId), `${this.who.edrpou} received ${msgId}`);
    return this.received.find((m) => m.properties.messageId === msgId) as ConsumeMessage;
  }

  /** A receipt (ДС13–ДС16 shape) to `acknowledges`, from this participant, or as another org says it is. */
  receipt(acknowledges: string, ackType: 1 | 2 | 3 | 4, opts: { regNumber?: { number: string; date: string }; text?: string; from?: Participant } = {}): { msgId: string; xml: Buffer } {
    const from = opts.from ?? this.who;
    const msgId = `${from.edrpou}-receipt-${++this.sent}-${acknowledges.slice(0, 8)}`;
    return { msgId, xml: receiptXml(from, msgId, acknowledges, ackType, opts) };
  }

  send(r: { xml: Buffer }): void {
    this.broker.publish('sev-ovv.xml', r.xml, { messageId: undefined });
  }
}

/**
 * Issue 18, "Sending" and "Receipts back", end to end on real RabbitMQ and PostgreSQL: the hub sends
 * one 1207 message per addressee through the outbox and dilovod.outbound (publisher confirms), each
 * valid against Order1207_1.5_v.2.2.xsd (xmllint); the peers answer with receipts 1-3 or a refusal;
 * a receipt for a message never sent and one from the wrong organisation are quarantined, never
 * applied (and never answered); a message with no receipt within a working day is unconfirmed.
 */
describe('СЕВ ОВВ outgoing end to end: a peer simulator takes the hub\'s messages and answers with receipts (issue 18)', function () {
  this.timeout(120_000);
  let restoreEnv: () => void = () => undefined;
  let vhost: TestVhost;
  let broker: TestBroker;
  let testDb: TestDatabase;
  let hub: TestHub;
  let tap: EventTap;
  let clock: ManualClock;
  let trustDir: string;
  const peers = new Map<string, PeerSimulator>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let card: any;
  const msgIdOf = (p: Participant): string => card.messages.find((m: { toOrgId: string }) => m.toOrgId === p.edrpou).msgId;
  const messageOf = async (p: Participant) => (await get(hub, `/api/v1/outgoing/${card.id}`)).json.messages.find((m: { toOrgId: string }) => m.toOrgId === p.edrpou);

  before(async () => {
    restoreEnv = withEnv(TEST_ENV);
    const trust = writeTrustFiles();
    trustDir = trust.dir;
    vhost = await createTestVhost('sevpeer');
    broker = new TestBroker(vhost.url);
    await broker.open();
    tap = await broker.tapEvents();
    for (const p of [PEER, OTHER, SILENT]) {
      const sim = new PeerSimulator(p, broker);
      await sim.listen();
      peers.set(p.edrpou, sim);
    }
    clock = new ManualClock(pki().now.toISOString());
    testDb = await createTestDatabase('sevpeer');
    hub = await startTestHub({ databaseUrl: testDb.url, amqpUrl: vhost.url, deliverConnectors: ['sev-ovv'], trustFiles: [trust.root], crlFiles: trust.crls }, { clock, http: true });
    await waitFor(() => hub.bus!.isConnected(), 'hub connected to broker');
    await importParticipants(hub.db, [PEER, OTHER, SILENT], clock.now());
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
    await broker?.close();
    await vhost?.delete();
    const { rmSync } = await import('node:fs');
    rmSync(trustDir, { recursive: true, force: true });
    restoreEnv();
  });

  it('each addressee takes one XSD-valid 1207 message off dilovod.outbound by its own routing key, its AMQP message_id the msg_id', async () => {
    const res = await post(hub, '/api/v1/outgoing', outgoingBody({ addressees: [PEER.edrpou, OTHER.edrpou, SILENT.edrpou] }));
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    card = res.json;
    for (const p of [PEER, OTHER, SILENT]) {
      const m = await peers.get(p.edrpou)!.message(msgIdOf(p));
      expect(m.fields.routingKey).to.equal(`sev-ovv.${p.edrpou}/${p.sysId}`);
      expect(await xsdProblems(m.content), 'against Order1207_1.5_v.2.2.xsd').to.equal(null);
      const h = (await parseStringPromise(m.content.toString('utf8'))).Header.$;
      expect(h).to.include({ msg_type: '1', msg_id: msgIdOf(p), to_org_id: p.edrpou, to_sys_id: p.sysId, from_org_id: OUR_ORG_ID });
    }
    expect(peers.get(PEER.edrpou)!.received, 'one message each, nothing for the others').to.have.length(1);
    // The registration's answer was given before the delivery published: not yet confirmed there.
    expect(card.messages.map((m: { publishedAt: string | null }) => m.publishedAt)).to.deep.equal([null, null, null]);
    for (const p of [PEER, OTHER, SILENT]) {
      await waitFor(async () => (await messageOf(p)).publishedAt !== null, `${p.edrpou} confirmed by the broker`);
      const m = await messageOf(p);
      expect(Date.parse(m.publishedAt)).to.be.at.least(Date.parse(m.sentAt));
    }
  });

  it('receipts 1, 2 and 3 from the addressee move its message to delivered, accepted, registered with their number; each step is an event; a repeat changes nothing', async () => {
    const peer = peers.get(PEER.edrpou)!;
    const msgId = msgIdOf(PEER);
    peer.send(peer.receipt(msgId, 1));
    await waitFor(async () => (await messageOf(PEER)).state === 'delivered', 'delivered');
    peer.send(peer.receipt(msgId, 2));
    await waitFor(async () => (await messageOf(PEER)).state === 'accepted', 'accepted');
    const third = peer.receipt(msgId, 3, { regNumber: { number: '4630/0/2-26', date: '2026-03-10' }, text: 'Документ зареєстровано' });
    peer.send(third);
    await waitFor(async () => (await messageOf(PEER)).state === 'registered', 'registered');
    peer.send(third);
    const m = await messageOf(PEER);
    expect(m).to.include({ state: 'registered' });
    expect(m.theirRegistration).to.deep.equal({ number: '4630/0/2-26', date: '2026-03-10' });
    expect([m.deliveredAt, m.acceptedAt, m.registeredAt].every((t: string | null) => t !== null)).to.equal(true);
    await waitFor(() => tap.forDocument(card.id).filter((e) => e.type === 'outgoing.registered').length === 1, 'the events published');
    const steps = tap.forDocument(card.id).filter((e) => e.data.msgId === msgId).map((e) => e.type);
    expect(steps).to.deep.equal(['outgoing.sent', 'outgoing.delivered', 'outgoing.accepted', 'outgoing.registered']);
    expect(tap.forDocument(card.id).find((e) => e.type === 'outgoing.registered')!.data.theirRegistration).to.deep.equal({ number: '4630/0/2-26', date: '2026-03-10' });
    await waitFor(() => hub.logs.text().includes('повторна квитанція СЕВ ОВВ'), 'the repeat logged');
    expect(tap.forDocument(card.id).filter((e) => e.type === 'outgoing.registered'), 'the repeat announced nothing').to.have.length(1);
  });

  it('a refusal (ack_type 4) from the addressee: refused with their reason, as outgoing.refused', async () => {
    const other = peers.get(OTHER.edrpou)!;
    other.send(other.receipt(msgIdOf(OTHER), 4, { text: 'Документ не за адресою' }));
    await waitFor(async () => (await messageOf(OTHER)).state === 'refused', 'refused');
    expect((await messageOf(OTHER)).refusalReason).to.equal('Документ не за адресою');
    await waitFor(() => tap.forDocument(card.id).some((e) => e.type === 'outgoing.refused'), 'outgoing.refused published');
    expect(tap.forDocument(card.id).find((e) => e.type === 'outgoing.refused')).to.deep.include({ status: 'refused' });
  });

  it('a receipt for a msg_id the hub never sent, and one from an organisation the message was not addressed to, are quarantined with their own codes, never applied nor answered', async () => {
    const silent = peers.get(SILENT.edrpou)!;
    const unknown = silent.receipt('99999999-dead-4bee-8000-000000000000', 3, { regNumber: { number: '1/1', date: '2026-03-10' } });
    silent.send(unknown);
    // OTHER says it registered the message sent to SILENT
    const wrong = silent.receipt(msgIdOf(SILENT), 3, { regNumber: { number: '2/2', date: '2026-03-10' }, from: OTHER });
    silent.send(wrong);
    const codes = async () => (await hub.db.query<{ code: string; details: { acknowledgesMsgId: string } }>("SELECT code, details FROM quarantine WHERE code LIKE 'SEV_OVV_RECEIPT_%' ORDER BY code"));
    await waitFor(async () => (await codes()).length === 2, 'both quarantined');
    expect((await codes()).map((c) => [c.code, c.details.acknowledgesMsgId])).to.deep.equal([
      ['SEV_OVV_RECEIPT_UNKNOWN_MESSAGE', '99999999-dead-4bee-8000-000000000000'],
      ['SEV_OVV_RECEIPT_WRONG_SENDER', msgIdOf(SILENT)],
    ]);
    expect((await messageOf(SILENT)).state).to.equal('sent');
    const answered = [...peers.values()].flatMap((p) => p.received).filter((m) => m.content.toString('utf8').includes('<Acknowledgement'));
    expect(answered, 'no receipt answers a receipt').to.have.length(0);
  });

  it('an addition (msg_type 2) to a document the peer sent: its new files attached to the card, logged; a repeat changes nothing, other bytes are a conflicting repeat, an addition to an unknown document is quarantined', async () => {
    broker.publish('sev-ovv.xml', documentXml('c0000000-0000-4000-8000-000000000001'));
    const docId = async () => (await hub.db.query<{ id: string }>("SELECT id FROM documents WHERE external_id LIKE '%c0000000-0000-4000-8000-000000000001'"))[0]?.id;
    await waitFor(async () => (await docId()) !== undefined, 'the document registered');
    const id = (await docId())!;
    const added = Buffer.from('Додаток 2: перелік закладів освіти\n', 'utf8');
    const addition = (msgId: string, content = added, idnumber?: string) => additionXml(msgId, content, idnumber);
    const first = addition('c0000000-0000-4000-8000-000000000002');
    expect(await xsdProblems(first), 'the peer\'s addition is a valid 1207 message').to.equal(null);
    broker.publish('sev-ovv.xml', first);
    const files = async () => (await get(hub, `/api/v1/documents/${id}`)).json.attachments.map((a: { name: string }) => a.name);
    await waitFor(async () => (await files()).length === 2, 'the addition attached');
    expect(await files()).to.deep.equal(['Доручення 01-14-2214.txt', 'Додаток 2.txt']);
    const attached = await fetch(`${hub.url}/api/v1/documents/${id}/attachments/2`, { headers: hub.auth });
    expect(Buffer.from(await attached.arrayBuffer()).equals(added)).to.equal(true);
    const log = await hub.db.query<{ action: string; actor: string }>("SELECT action, actor FROM audit_log WHERE document_id = $1 AND action = 'sev-ovv.addition-attached'", [id]);
    expect(log).to.deep.equal([{ action: 'sev-ovv.addition-attached', actor: `sev-ovv:${PEER.edrpou}` }]);

    broker.publish('sev-ovv.xml', first);
    broker.publish('sev-ovv.xml', addition('c0000000-0000-4000-8000-000000000002', Buffer.from('інший додаток')));
    broker.publish('sev-ovv.xml', addition('c0000000-0000-4000-8000-000000000003', added, 'NO-SUCH-DOC'));
    const codes = async () => (await hub.db.query<{ code: string }>("SELECT code FROM quarantine WHERE code IN ('CONFLICTING_REPEAT', 'SEV_OVV_ADDITION_UNKNOWN_DOCUMENT') ORDER BY code")).map((r) => r.code);
    await waitFor(async () => (await codes()).length === 2, 'both quarantined');
    expect(await codes()).to.deep.equal(['CONFLICTING_REPEAT', 'SEV_OVV_ADDITION_UNKNOWN_DOCUMENT']);
    expect(await files(), 'the card unchanged by the repeat and the conflict').to.have.length(2);
  });

  it('a message with no receipt after one working day is listed as unconfirmed; the answered ones are not', async () => {
    expect((await get(hub, '/api/v1/outgoing/messages?state=unconfirmed')).json.items).to.deep.equal([]);
    clock.set(new Date(pki().now.getTime() + 7 * 86_400_000).toISOString());
    const unconfirmed = await get(hub, '/api/v1/outgoing/messages?state=unconfirmed');
    expect(unconfirmed.json.items.map((m: { msgId: string; toOrgId: string }) => [m.msgId, m.toOrgId])).to.deep.equal([[msgIdOf(SILENT), SILENT.edrpou]]);
    const registered = await get(hub, '/api/v1/outgoing/messages?state=registered');
    expect(registered.json.items.map((m: { msgId: string }) => m.msgId)).to.deep.equal([msgIdOf(PEER)]);
  });
});
