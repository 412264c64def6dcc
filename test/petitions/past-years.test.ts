/**
 * E-petitions of a past year exported by the platform today (Law «Про звернення громадян» art.
 * 23-1; seed 000 line 39: «протягом 2018 року зареєстровано вісім електронних петицій …, які … не
 * набрали необхідної кількості голосів та були розглянуті як звернення»), over HTTP on a real
 * PostgreSQL with the hub's clock in 2026. The receipt date is the end of collection (or the day
 * the threshold was reached), not the day the hub registers it, so the petition is in its year's
 * report, with the classifier topics the platform gave, and its answer of that year is accepted.
 * Before: received «today» (2026), out of the 2018 report, no topics, and the 2018 answer refused
 * APPEAL_ANSWER_BEFORE_RECEIPT. Made-up petitions and people.
 */
import { expect } from 'chai';
import { violations } from '../../src/schemas';
import { call, OFFICER, type Json } from '../appeals/support';
import { ManualClock } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';

describe('e-petitions of 2018 exported in 2026: received on the end of collection or the threshold, with their topics (art. 23-1)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const clock = new ManualClock('2026-03-10T09:00:00Z');

  const post = (body: unknown) => call(hub, 'POST', '/api/v1/petitions', body);
  const report = async (from: string, to: string): Promise<Json> => {
    const res = await call(hub, 'GET', `/api/v1/reports/appeals?from=${from}&to=${to}`);
    expect(res.status).to.equal(200);
    return res.json;
  };
  const appealOf = async (documentId: string): Promise<Json> => (await call(hub, 'GET', `/api/v1/documents/${documentId}/appeal`, undefined, OFFICER)).json;
  const exportOf = (id: number, over: Record<string, unknown>) => ({
    id, community: 'saksahanska-rada', title: `Петиція № ${id}`, author: { name: 'Яковенко Ніна Петрівна', address: 'м. Кривий Ріг, вул. Лермонтова, 4' },
    published_at: '2018-02-01T10:00:00+02:00', end_date: '2018-05-01', votes: 41, votes_needed: 250, status: 'closed', exported_at: '2026-03-09T07:00:00Z',
    ...over,
  });

  before(async () => {
    testDb = await createTestDatabase('petitions_2018');
    hub = await startTestHub({ databaseUrl: testDb.url }, { clock, scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  describe('collection ended on 01.05.2018 below the threshold (a collective appeal, 000 line 39)', () => {
    let documentId: string;

    it('registered with receipt date 2018-05-01 and the topics of the export', async () => {
      const res = await post(exportOf(18, { title: 'Відремонтувати внутрішньоквартальний проїзд по вул. Лермонтова', topics: ['009', '010'] }));
      expect(res.status, JSON.stringify(res.json)).to.equal(201);
      expect(res.json.petition).to.include({ state: 'below-threshold', consideredAs: 'collective-appeal', collectionEndedOn: '2018-05-01' });
      documentId = res.json.petition.documentId;
      expect(documentId).to.be.a('string');
      const appeal = await appealOf(documentId);
      expect(appeal.card).to.include({ receivedOn: '2018-05-01', channel: 'e-petition', form: 'collective' });
      expect(appeal.card.topics).to.deep.equal(['009', '010']);
      const doc = (await call(hub, 'GET', `/api/v1/documents/${documentId}`)).json;
      // The last moment of 01.05.2018 in Kyiv (UTC+3): the collection ran to the end of its last day.
      expect(new Date(doc.receivedAt).toISOString()).to.equal('2018-05-01T20:59:59.000Z');
    });

    it('in the 2018 report with its two questions, not in the 2026 one', async () => {
      const r2018 = await report('2018-01-01', '2018-12-31');
      expect(violations('appeal-report.schema.json', r2018)).to.deep.equal([]);
      expect(r2018.total).to.equal(1);
      expect(r2018.byChannel['e-petition']).to.equal(1);
      expect(r2018.collective).to.equal(1);
      expect(r2018.questions.total).to.equal(2);
      expect(r2018.questions.byTopic.map((t: Json) => [t.code, t.questions])).to.deep.equal([['009', 1], ['010', 1]]);
      expect(r2018.questions.byGroup.find((g: Json) => g.id === 'housing-and-utilities').appeals).to.equal(1);
      expect((await report('2026-01-01', '2026-12-31')).total).to.equal(0);
      const open = (await call(hub, 'GET', '/api/v1/open-data/petitions?from=2018-01-01&to=2018-12-31')).json;
      expect(open.map((p: Json) => p.receivedOn)).to.deep.equal(['2018-05-01']);
    });

    it('its 2018 answer is accepted (not APPEAL_ANSWER_BEFORE_RECEIPT) and ends the petition', async () => {
      const res = await call(hub, 'POST', `/api/v1/documents/${documentId}/appeal/answer`, {
        actor: 'housing-dept', result: 'explained', answeredOn: '2018-05-25', outgoingIndex: '01-11/318', summary: 'Ремонт проїзду включено до плану на 2019 рік',
      });
      expect(res.status, JSON.stringify(res.json)).to.equal(200);
      expect(res.json).to.include({ result: 'explained', answeredOn: '2018-05-25' });
      const p = (await call(hub, 'GET', '/api/v1/petitions/saksahanska-rada/18', undefined, OFFICER)).json;
      expect(p).to.include({ state: 'answered', answeredOn: '2018-05-25' });
      expect((await report('2018-01-01', '2018-12-31')).byResult.explained).to.equal(1);
    });
  });

  describe('a 2018 petition that reached its threshold', () => {
    it('the platform’s threshold_reached_at is the receipt date', async () => {
      const res = await post(exportOf(19, { votes: 260, threshold_reached_at: '2018-03-15T12:20:00+02:00', status: 'answered', topics: ['003'] }));
      expect(res.status, JSON.stringify(res.json)).to.equal(201);
      expect(res.json.petition).to.include({ state: 'threshold-reached', consideredAs: 'petition' });
      expect(res.json.transitions.at(-1)).to.include({ to: 'threshold-reached', on: '2018-03-15' });
      expect(res.json.transitions.at(-1).reasonUk).to.contain('ст. 23-1');
      const appeal = await appealOf(res.json.petition.documentId);
      expect(appeal.card.receivedOn).to.equal('2018-03-15');
      expect(appeal.card.topics).to.deep.equal(['003']);
      const doc = (await call(hub, 'GET', `/api/v1/documents/${res.json.petition.documentId}`)).json;
      expect(new Date(doc.receivedAt).toISOString()).to.equal('2018-03-15T10:20:00.000Z');
    });

    it('without a threshold date the collection’s end is: received 2018-05-01', async () => {
      const res = await post(exportOf(20, { votes: 300, status: 'on_consideration' }));
      expect(res.status, JSON.stringify(res.json)).to.equal(201);
      expect(res.json.petition.state).to.equal('threshold-reached');
      expect((await appealOf(res.json.petition.documentId)).card.receivedOn).to.equal('2018-05-01');
      const r = await report('2018-01-01', '2018-12-31');
      expect(r.byChannel['e-petition']).to.equal(3);
      expect(r.questions.total).to.equal(3);
    });
  });

  it('an export naming a code not in the classifier, or a threshold after the end of collection, is PETITION_INVALID', async () => {
    const bad = await post(exportOf(21, { topics: ['009', '999'] }));
    expect(bad.status).to.equal(422);
    expect(bad.json.code).to.equal('PETITION_INVALID');
    expect(bad.json.details.violations.map((v: Json) => v.path)).to.deep.equal(['/topics/1']);
    const late = await post(exportOf(22, { votes: 300, threshold_reached_at: '2018-05-03T09:00:00+03:00' }));
    expect(late.status).to.equal(422);
    expect(late.json.details.violations.map((v: Json) => v.path)).to.deep.equal(['/threshold_reached_at']);
  });
});
