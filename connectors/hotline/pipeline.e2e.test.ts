import { expect } from 'chai';
import { acceptInput, type Envelope } from '../../src/pipeline';
import type { HubEvent } from '../../src/schemas';
import { getAppeal } from '../../src/store/appeals';
import { startTestHub, type LogCapture , type TestHub } from '../../test/support/hub';
import { bearer, ensureStaff, personToken, principalFor } from '../../test/support/identity';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg';
import { hotlineConnector } from '.';
import type { HotlineStatus } from './outbound';
import { editedSample, sample, TEST_ENV, withEnv } from './test-support';

const CARD_ID = '1545-2026-0309-004517';

function amqpEnvelope(payload: Buffer): Envelope {
  return { channel: 'amqp', format: 'hotline.json', payload, routingKey: 'hotline.json', receivedAt: new Date('2026-03-10T09:00:00Z'), traceId: 'x' };
}

/** The centre's door over HTTP: ?format names the card's format (it wins over the JSON content type). */
async function postCard(hub: TestHub, payload: Buffer): Promise<{ status: number; json: any }> {
  const res = await fetch(`${hub.url}/api/v1/documents?format=hotline.json`, { method: 'POST', headers: { ...hub.auth, 'content-type': 'application/json' }, body: payload });
  return { status: res.status, json: await res.json() };
}

async function eventsOf(hub: TestHub, documentId: string): Promise<HubEvent[]> {
  const rows = await hub.db.query<{ event_id: string; seq: number; payload: Record<string, unknown> }>('SELECT event_id, seq, payload FROM outbox WHERE document_id = $1 ORDER BY seq', [documentId]);
  return rows.map((r) => ({ ...r.payload, eventId: r.event_id, sequence: r.seq }) as unknown as HubEvent);
}

describe('hotline end to end: card → pipeline → registered hotline-card appeal → statuses to the centre (real PostgreSQL)', function () {
  let testDb: TestDatabase;
  let hub: TestHub;
  let restoreEnv: () => void;
  let documentId: string;

  before(async () => {
    restoreEnv = withEnv(TEST_ENV);
    testDb = await createTestDatabase('hotline');
    hub = await startTestHub({ databaseUrl: testDb.url });
  });

  after(async () => {
    await hub?.close();
    await testDb?.drop();
    restoreEnv?.();
  });

  it('a 1545 card posted over HTTP is registered as hotline-card in the appeals journal, with the centre\'s term', async () => {
    const res = await postCard(hub, sample('ukc-1545-complaint.json'));
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    expect(res.json).to.deep.include({ source: 'hotline-1545', externalId: CARD_ID, kind: 'hotline-card', status: 'registered', dueDate: '2026-03-24' });
    expect(res.json.registration).to.deep.include({ journal: 'appeals', case: '01-10', date: '2026-03-10' });
    documentId = res.json.id;
  });

  it('003 §139: the appeal row says the government contact centre forwarded it under control, reference = the card id', async () => {
    const appeal = await getAppeal(hub.db, documentId);
    expect(appeal?.kind).to.equal('hotline-card');
    expect(appeal?.card.forwardedBy).to.deep.equal({
      body: 'government-contact-centre', name: 'Урядовий контактний центр', reference: { number: CARD_ID, date: '2026-03-09' }, underControl: true,
    });
    expect(appeal?.card).to.deep.include({ channel: 'hotline-1545', submission: 'oral', type: 'complaint', topics: ['009'] });
    expect(appeal?.card.applicants[0]).to.include({ fullName: 'Мельничук Оксана Василівна', priorityCategory: 'combat-veteran' });
  });

  it('001 §2.2.13: the card kept whole is masked with the rest of the document for a role without access', async () => {
    const get = async (headers: Record<string, string>) => (await (await fetch(`${hub.url}/api/v1/documents/${documentId}`, { headers })).json()) as any;
    // A clerk who was not granted personal data, then the appeals officer.
    const masked = JSON.stringify(await get(bearer(await personToken(hub.db, 'clerk-2', ['registrar']))));
    for (const value of ['Мельничук', 'Оксана', '+380 67 000 12 34', 'o.melnychuk@example.com', 'вул. Соборна', '51931']) expect(masked).to.not.contain(value);
    expect(JSON.parse(masked).meta.hotline).to.include({ cardId: CARD_ID, term: '2026-03-24' });
    const shown = await get(bearer(await personToken(hub.db, 'officer-2', ['appeals-officer'])));
    expect(shown.meta.hotline.applicant).to.include({ surname: 'Мельничук', phone: '+380 67 000 12 34' });
  });

  it('the same card delivered again (over AMQP, twice) registers once', async () => {
    for (let i = 0; i < 2; i++) {
      const again = await acceptInput(hub.deps, amqpEnvelope(sample('ukc-1545-complaint.json')));
      expect(again.status).to.equal('duplicate');
      if ('card' in again) expect(again.card.id).to.equal(documentId);
    }
    const [docs] = await hub.db.query<{ n: number }>("SELECT count(*)::int AS n FROM documents WHERE source = 'hotline-1545' AND external_id = $1", [CARD_ID]);
    const [appeals] = await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM appeals WHERE document_id = $1', [documentId]);
    expect(docs?.n).to.equal(1);
    expect(appeals?.n).to.equal(1);
  });

  it('an oblast centre card over AMQP registers under its own source', async () => {
    const result = await acceptInput(hub.deps, amqpEnvelope(sample('oblast-application-repeated.json')));
    expect(result.status).to.equal('created');
    if (!('card' in result)) return;
    expect(result.card).to.deep.include({ source: 'oblast-contact-centre', externalId: 'ОКЦ/2026/01877', kind: 'hotline-card' });
    expect((await getAppeal(hub.db, result.card.id))?.card.forwardedBy).to.deep.include({ body: 'oblast-contact-centre', reference: { number: 'ОКЦ/2026/01877', date: '2026-03-06' } });
  });

  it('a bad card lands in quarantine, visible at GET /api/v1/quarantine, and its personal data stays out of the logs', async () => {
    const res = await postCard(hub, editedSample('ukc-1545-complaint.json', (c) => { c.cardId = 'інший-1'; c.centre = 'city-hall'; }));
    expect(res.status).to.equal(400);
    expect(res.json).to.include({ code: 'HOTLINE_CARD_INVALID' });
    const list = await (await fetch(`${hub.url}/api/v1/quarantine?code=HOTLINE_CARD_INVALID`, { headers: hub.auth })).json() as { items: Record<string, any>[] };
    const item = list.items.find((i) => i.id === res.json.quarantineId);
    expect(item).to.deep.include({ code: 'HOTLINE_CARD_INVALID', channel: 'http', reasonUk: 'Картка «гарячої лінії» не відповідає схемі картки (card.schema.json)' });
    expect(item?.details.violations).to.deep.include({ path: '/centre', message: 'must be one of ukc-1545, oblast-contact-centre', messageUk: 'має бути одним із: ukc-1545, oblast-contact-centre' });
    const broken = await postCard(hub, Buffer.from('{"cardId": "1545-x", '));
    expect(broken.json).to.include({ code: 'HOTLINE_CARD_NOT_JSON' });
    expect(hub.logs.text()).not.to.match(/Мельничук|Гребенюк|Соборна|example\.com/);
  });

  it('the card\'s life maps to statuses for the 1545 centre: registered, in progress, interim answer, the result with our index, closed', async () => {
    await ensureStaff(hub.db, ['viddil-zhkh']);
    const card = await hub.control.addResolution(documentId, { executors: ['viddil-zhkh'], task: 'Розглянути, відновити теплопостачання, відповісти заявниці' }, await principalFor(hub.db, 'keruiuchyi-spravamy'));
    await hub.control.act(documentId, card.id, 'interim-answer', { text: 'Проведено обстеження, роботи тривають' }, await principalFor(hub.db, 'viddil-zhkh'));
    const answer = await fetch(`${hub.url}/api/v1/documents/${documentId}/appeal/answer`, {
      method: 'POST', headers: { ...(await hub.as('viddil-zhkh')), 'content-type': 'application/json' },
      body: JSON.stringify({ result: 'resolved-positively', answeredOn: '2026-03-10', outgoingIndex: '01-10/57-в' }),
    });
    expect(answer.status, await answer.clone().text()).to.equal(200);
    await hub.control.act(documentId, card.id, 'execution', { onMerits: true, answer: { summary: 'Теплопостачання відновлено', outgoingIndex: '01-10/57-в' } }, await principalFor(hub.db, 'viddil-zhkh'));
    await hub.control.act(documentId, card.id, 'release', {}, await principalFor(hub.db, 'keruiuchyi-spravamy'));

    const statuses = (await eventsOf(hub, documentId))
      .flatMap((ev) => hotlineConnector.outbound(ev).map((m) => ({ ev, m, body: JSON.parse(m.body.toString('utf8')) as HotlineStatus })));
    expect(statuses.map((s) => s.body.status)).to.deep.equal(['registered', 'in-progress', 'interim-answer', 'resolved-positively', 'closed']);
    for (const { ev, m, body } of statuses) {
      expect(m.destination).to.equal('ukc-1545');
      expect(body).to.include({ cardId: CARD_ID, centre: 'ukc-1545', documentId, at: ev.occurredAt });
      expect(body.registration?.index).to.equal(ev.registration?.index);
      expect(m.body.toString('utf8')).not.to.match(/Мельничук|Оксана|Соборна|example\.com|\+380/);
    }
    expect(statuses[1]?.body.term).to.equal('2026-03-24');
    expect(statuses[3]?.body.answer).to.deep.equal({ outgoingIndex: '01-10/57-в', answeredOn: '2026-03-10', onMerits: true });
  });
});
