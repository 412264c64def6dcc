import { expect } from 'chai';
import { parseStringPromise } from 'xml2js';
import { acceptInput, type Envelope } from '../../src/pipeline';
import type { HubEvent } from '../../src/schemas';
import { startTestHub, type LogCapture , type TestHub } from '../../test/support/hub';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg';
import { sevOvvConnector } from '.';
import { ownSample, rawDocTransfer, sha256, TEST_ENV } from './test-support';

function envelope(payload: Buffer): Envelope {
  return { channel: 'amqp', format: 'sev-ovv.xml', payload, routingKey: 'sev-ovv.xml', receivedAt: new Date(), traceId: 'x' };
}

describe('СЕВ ОВВ end to end: AMQP envelope → pipeline → registered card → acknowledgement (real PostgreSQL)', function () {
  let testDb: TestDatabase;
  let hub: TestHub;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    for (const [k, v] of Object.entries(TEST_ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    testDb = await createTestDatabase('sevovv');
    hub = await startTestHub({ databaseUrl: testDb.url }, { http: false });
  });

  after(async () => {
    await hub?.close();
    await testDb?.drop();
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  });

  it('registers a "до виконання" document in the higher-authority journal once, however often it is delivered', async () => {
    const payload = ownSample('do-vykonannia.xml');
    const first = await acceptInput(hub.deps, envelope(payload));
    expect(first.status).to.equal('created');
    if (!('card' in first)) return;
    const card = first.card;
    expect(card).to.include({ source: 'sev-ovv', kind: 'higher-authority-document', status: 'registered', dueDate: '2026-03-20', urgency: 'urgent' });
    expect(card.registration).to.deep.include({ journal: 'higher-authority', case: '01-03', date: '2026-03-10', year: 2026 });
    expect(card.outgoing).to.deep.equal({ number: '01-14/2214', date: '2026-03-05' });
    expect(card.correspondent).to.include({ edrpou: '00022533' });
    const content = rawDocTransfer(payload, 'T1');
    expect(card.attachments).to.deep.equal([{ name: 'Доручення 01-14-2214.txt', mediaType: 'text/plain; charset=UTF-8', sha256: sha256(content), size: content.length }]);

    const again = await acceptInput(hub.deps, envelope(payload));
    const third = await acceptInput(hub.deps, envelope(Buffer.from(payload)));
    for (const repeat of [again, third]) {
      expect(repeat.status).to.equal('duplicate');
      if (!('card' in repeat)) return;
      expect(repeat.card.id).to.equal(card.id);
      expect(repeat.card.registration?.number).to.equal(card.registration?.number);
    }
    const rows = await hub.db.query<{ n: number }>("SELECT count(*)::int AS n FROM documents WHERE source = 'sev-ovv'");
    expect(rows[0]?.n).to.equal(1);
  });

  it('the registration event maps to an acknowledgement carrying the index and the original msg_id', async () => {
    const [doc] = await hub.db.query<{ id: string }>("SELECT id FROM documents WHERE source = 'sev-ovv'");
    const events = await hub.db.query<{ event_id: string; seq: number; payload: Record<string, unknown> }>(
      'SELECT event_id, seq, payload FROM outbox WHERE document_id = $1 ORDER BY seq',
      [doc?.id],
    );
    // registered, then put under the sender's control (Task@referred-control="1", issue 18): no receipt for that
    expect(events.map((e) => e.payload.type)).to.deep.equal(['document.registered', 'control.assigned']);
    expect(sevOvvConnector.outbound({ ...events[1]?.payload, eventId: events[1]?.event_id, sequence: events[1]?.seq } as unknown as HubEvent)).to.deep.equal([]);
    const ev = { ...events[0]?.payload, eventId: events[0]?.event_id, sequence: events[0]?.seq } as unknown as HubEvent;
    const [ack] = sevOvvConnector.outbound(ev);
    const xml = await parseStringPromise(ack!.body.toString('utf8'));
    expect(xml.Header.$).to.include({ msg_type: '0', from_org_id: '40000001', to_org_id: '00022533', to_sys_id: 'c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b' });
    expect(xml.Header.Acknowledgement[0].$).to.deep.equal({ msg_id: '5b0e7c1a-3d2f-4e6a-9b8c-7d6e5f4a3b2c', ack_type: '3' });
    expect(xml.Header.Acknowledgement[0].RegNumber[0]).to.deep.equal({ _: ev.registration?.index, $: { regdate: '2026-03-10' } });
  });

  it('the sender\'s task under control (referred-control="1", the council responsible) is one control card on our deadline, awaiting executors (issue 18)', async () => {
    const [doc] = await hub.db.query<{ id: string; status: string }>("SELECT id, status FROM documents WHERE source = 'sev-ovv'");
    const cards = await hub.control.cardsOf(doc!.id);
    expect(cards).to.have.length(1);
    expect(cards[0]).to.deep.include({ term: '2026-03-20', rule: 'sender-control', executors: [] });
    expect(doc!.status).to.equal('under-control');
  });

  it('an acknowledgement is never registered: one to a message the hub never sent is kept in quarantine as SEV_OVV_RECEIPT_UNKNOWN_MESSAGE (issue 18)', async () => {
    const result = await acceptInput(hub.deps, envelope(ownSample('acknowledgement-registered.xml')));
    expect(result.status).to.equal('rejected');
    if (result.status !== 'rejected') return;
    expect(result.error.code).to.equal('SEV_OVV_RECEIPT_UNKNOWN_MESSAGE');
    const [row] = await hub.db.query<{ code: string; source: string }>('SELECT code, source FROM quarantine WHERE id = $1', [result.quarantineId]);
    expect(row).to.deep.equal({ code: 'SEV_OVV_RECEIPT_UNKNOWN_MESSAGE', source: 'sev-ovv' });
    expect(await hub.db.query("SELECT 1 FROM documents WHERE source = 'sev-ovv' AND meta->>'msgType' = '0'")).to.have.length(0);
  });

  it('an invalid message is quarantined saying what is wrong in Ukrainian and English (body and details)', async () => {
    const payload = Buffer.from(ownSample('do-vykonannia.xml').toString('utf8').replace('msg_type="1"', 'msg_type="7"'));
    const result = await acceptInput(hub.deps, envelope(payload));
    expect(result.status).to.equal('rejected');
    if (result.status !== 'rejected') return;
    expect(result.error.toBody()).to.deep.include({
      code: 'SEV_OVV_INVALID_MESSAGE',
      messageUk: 'У повідомленні СЕВ ОВВ бракує обов’язкових частин або є некоректні значення',
    });
    const [row] = await hub.db.query<{ reason_uk: string; details: unknown }>('SELECT reason_uk, details FROM quarantine WHERE id = $1', [result.quarantineId]);
    expect(row?.reason_uk).to.equal('У повідомленні СЕВ ОВВ бракує обов’язкових частин або є некоректні значення');
    expect(row?.details).to.deep.equal({
      violations: [{ path: '/Header/@msg_type', message: 'must be one of 0, 1, 2, 3, 4, got "7"', messageUk: 'має бути одним із: 0, 1, 2, 3, 4; отримано «7»' }],
    });
  });

  it('broken XML is quarantined with its code, never thrown', async () => {
    const result = await acceptInput(hub.deps, envelope(Buffer.from('<Header standart="1207"')));
    expect(result.status).to.equal('rejected');
    if (result.status === 'rejected') expect(result.error.code).to.equal('SEV_OVV_MALFORMED_XML');
  });
});
