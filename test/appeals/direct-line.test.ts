/**
 * The «Пряма лінія» (003 §87-91) over HTTP on a real PostgreSQL: calls answered orally, with no
 * registration card, are recorded (POST /api/v1/direct-line/calls) and counted in the appeals
 * report the way seed 000 line 25 counts them: «прийнято 567 телефонних звернень …, на 184
 * звернення заведено … картки …, на решту надано усні роз’яснення» — calls = cards + oral answers,
 * and only the cards are in the total. Until this route existed `directLine.answeredOrally` was
 * always 0. Made-up people; the oral calls carry none.
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { fakePerson, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { violations } from '../../src/schemas';
import { startTestHub, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { appealSubmission, call, cardFor, OFFICER, registerAppeal, type Json } from './support';

const ORAL_CALLS = 7;

describe('appeals: the direct line — calls answered orally are recorded and counted (003 §87-91, seed 000 line 25)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const rng = seededRng(567);
  const report = async (from = '2026-03-01', to = '2026-03-31'): Promise<Json> => {
    const res = await call(hub, 'GET', `/api/v1/reports/appeals?from=${from}&to=${to}`);
    expect(res.status, JSON.stringify(res.json)).to.equal(200);
    expect(violations('appeal-report.schema.json', res.json)).to.deep.equal([]);
    return res.json;
  };
  const record = (body: unknown, headers: Record<string, string> = OFFICER) => call(hub, 'POST', '/api/v1/direct-line/calls', body, headers);

  before(async () => {
    testDb = await createTestDatabase('appeals_direct_line');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('one call on the direct line that needed a card is registered as an appeal: calls 1, registered 1', async () => {
    const card = cardFor([fakePerson(rng)], { submission: 'oral', channel: 'direct-line', writtenOn: undefined, summary: 'Щодо відсутності гарячого водопостачання' });
    await registerAppeal(hub, appealSubmission(card, { source: 'direct-line', receivedAt: '2026-03-06T09:10:00Z' }));
    const r = await report();
    expect(r.total).to.equal(1);
    expect(r.directLine).to.deep.equal({ calls: 1, registered: 1, answeredOrally: 0 });
  });

  it(`${ORAL_CALLS} calls answered orally, with no card: the direct line shows them, the total and the questions do not`, async () => {
    const before = await report();
    for (let i = 0; i < ORAL_CALLS; i++) {
      const res = await record({ calledAt: `2026-03-06T0${i}:30:00Z`, ...(i % 2 ? { topics: ['009'] } : {}) });
      expect(res.status, JSON.stringify(res.json)).to.equal(201);
      expect(violations('direct-line-call-record.schema.json', res.json)).to.deep.equal([]);
      expect(res.json).to.include({ receivedOn: '2026-03-06', takenBy: 'test-appeals-officer' });
    }
    const r = await report();
    // 000 line 25: calls = cards + oral answers; only the cards are registered appeals.
    expect(r.directLine).to.deep.equal({ calls: 1 + ORAL_CALLS, registered: 1, answeredOrally: ORAL_CALLS });
    expect(r.total).to.equal(before.total);
    expect(r.oral.total).to.equal(before.oral.total);
    expect(r.byChannel['direct-line']).to.equal(1);
    expect(r.questions.total).to.equal(before.questions.total);
  });

  it('a call without a body is taken now (the hub’s 10 March); the period decides which report counts it', async () => {
    const res = await record(undefined);
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    expect(res.json).to.include({ receivedOn: '2026-03-10' });
    expect(res.json.topics).to.deep.equal([]);
    expect((await report('2026-03-01', '2026-03-09')).directLine.answeredOrally).to.equal(ORAL_CALLS);
    expect((await report('2026-03-10', '2026-03-10')).directLine).to.deep.equal({ calls: 1, registered: 0, answeredOrally: 1 });
    expect((await report()).directLine.answeredOrally).to.equal(ORAL_CALLS + 1);
  });

  it('a repeat with the same Idempotency-Key is recorded once', async () => {
    const headers = { ...OFFICER, 'idempotency-key': 'direct-line-call-2026-03-10-a' };
    const first = await record({ calledAt: '2026-03-10T07:00:00Z' }, headers);
    const again = await record({ calledAt: '2026-03-10T07:00:00Z' }, headers);
    expect(first.status).to.equal(201);
    expect(again.status).to.equal(201);
    expect(again.json.id).to.equal(first.json.id);
    expect((await report('2026-03-10', '2026-03-10')).directLine.answeredOrally).to.equal(2);
  });

  it('refused: a topic not in the classifier, a call in the future, personal data (400 DIRECT_LINE_CALL_INVALID with 003 §87-91)', async () => {
    for (const body of [{ topics: ['999'] }, { calledAt: '2027-01-04T09:00:00Z' }, { phone: '+380 67 000 11 22' }]) {
      const res = await record(body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.json.code).to.equal('DIRECT_LINE_CALL_INVALID');
      expect(res.json.messageUk).to.contain('003 §87-91');
    }
  });

  it('only a role that answers appeals records a call (one policy, src/identity/roles.ts); the clerk reads the list', async () => {
    const denied = await record({}, {});
    expect(denied.status).to.equal(403);
    expect(denied.json.code).to.equal('PERMISSION_DENIED');
    const list = await call(hub, 'GET', '/api/v1/direct-line/calls?from=2026-03-06&to=2026-03-06');
    expect(list.status).to.equal(200);
    expect(violations('direct-line-call-list.schema.json', list.json)).to.deep.equal([]);
    expect(list.json.items).to.have.length(ORAL_CALLS);
    expect(list.json.items.filter((c: Json) => c.topics.includes('009'))).to.have.length(Math.floor(ORAL_CALLS / 2));
  });

  it('the report as CSV shows the three direct-line figures (000 line 25)', async () => {
    const res = await call(hub, 'GET', '/api/v1/reports/appeals?from=2026-03-01&to=2026-03-31&format=csv');
    expect(res.status).to.equal(200);
    const rows: string[][] = parse(res.text.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true });
    const figure = (title: string) => rows.find((r) => r[1] === title)?.[2];
    expect(figure('«Пряма телефонна лінія»: прийнято дзвінків')).to.equal(String(1 + ORAL_CALLS + 2));
    expect(figure('«Пряма телефонна лінія»: заведено реєстраційно-контрольні картки')).to.equal('1');
    expect(figure('«Пряма телефонна лінія»: надано усні роз’яснення')).to.equal(String(ORAL_CALLS + 2));
  });
});
