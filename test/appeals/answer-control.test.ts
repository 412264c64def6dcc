/**
 * One truth for control and the appeal: executing a control card with a result records the
 * appeal's answer in the same transaction (003 §160: executed only with an answer on the merits;
 * 003 §132: a refusal gives the law, the motives and how to appeal). Clock fixed at 10 March 2026.
 */
import { expect } from 'chai';
import { fakePerson, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { startTestHub , type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { appealSubmission, call, cardFor, OFFICER, registerAppeal, type Json } from './support';

describe('appeals: the execution of a control card is the appeal’s answer (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const rng = seededRng(1600);

  before(async () => {
    testDb = await createTestDatabase('appealctl');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  /** A registered appeal under control of two executors' cards. */
  async function underControl(): Promise<{ id: string; cards: Json[] }> {
    const { doc } = await registerAppeal(hub, appealSubmission(cardFor([fakePerson(rng)], { summary: 'Щодо освітлення прибудинкової території', topics: ['009'] })));
    const cards: Json[] = [];
    for (const executor of ['housing-dept', 'energy-dept']) {
      const res = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: [executor], task: 'Розглянути та надати відповідь заявнику' });
      expect(res.status, JSON.stringify(res.json)).to.equal(201);
      cards.push(res.json);
    }
    return { id: doc.id, cards };
  }

  const execute = (id: string, card: Json, actor: string, answer: Json) =>
    call(hub, 'POST', `/api/v1/documents/${id}/control/${card.id}/execution`, { actor, onMerits: true, answer });

  it('an execution with a result records the answer once: the appeal, the report, the log and the event agree', async () => {
    const { id, cards } = await underControl();
    const before = (await call(hub, 'GET', '/api/v1/reports/appeals?from=2026-01-01&to=2026-12-31')).json.byResult;
    const done = await execute(id, cards[0], 'housing-dept', { summary: 'Освітлення відновлено', result: 'resolved-positively', outgoingIndex: '08-11/301' });
    expect(done.status, JSON.stringify(done.json)).to.equal(200);
    expect(done.json.status).to.equal('executed');

    const appeal = (await call(hub, 'GET', `/api/v1/documents/${id}/appeal`, undefined, OFFICER)).json;
    expect(appeal).to.include({ result: 'resolved-positively', answeredOn: '2026-03-10' });
    expect(appeal.answer).to.include({ outgoingIndex: '08-11/301', onMerits: true });
    // Who answered is who signed in to execute: the control log names them.
    const answeredBy = (await call(hub, 'GET', `/api/v1/audit/log?documentId=${id}&action=appeal.answered`)).json.items;
    expect(answeredBy.map((e: Json) => e.actor)).to.deep.equal(['housing-dept']);
    const after = (await call(hub, 'GET', '/api/v1/reports/appeals?from=2026-01-01&to=2026-12-31')).json.byResult;
    expect(after['resolved-positively']).to.equal(before['resolved-positively'] + 1);
    expect(after['on-control']).to.equal(before['on-control'] - 1);

    const events = await hub.db.query<{ type: string }>('SELECT type FROM outbox WHERE document_id = $1 ORDER BY seq', [id]);
    expect(events.map((e) => e.type).slice(-2)).to.deep.equal(['appeal.answered', 'control.executed']);

    // The second executor reports the same result: nothing new is recorded.
    const second = await execute(id, cards[1], 'energy-dept', { summary: 'Опору замінено', result: 'resolved-positively' });
    expect(second.status).to.equal(200);
    const answered = await call(hub, 'GET', `/api/v1/audit/log?documentId=${id}&action=appeal.answered`);
    expect(answered.json.items).to.have.length(1);
  });

  it('a different result on another card is refused with APPEAL_RESULT_CONFLICT and the card stays under control', async () => {
    const { id, cards } = await underControl();
    expect((await execute(id, cards[0], 'housing-dept', { summary: 'Надано роз’яснення', result: 'explained' })).status).to.equal(200);
    const clash = await execute(id, cards[1], 'energy-dept', { summary: 'Вирішено', result: 'resolved-positively' });
    expect([clash.status, clash.json.code]).to.deep.equal([409, 'APPEAL_RESULT_CONFLICT']);
    expect(clash.json.details).to.include({ recorded: 'explained', given: 'resolved-positively' });
    const card = (await call(hub, 'GET', `/api/v1/documents/${id}/control`)).json.items.find((c: Json) => c.id === cards[1].id);
    expect(card.status).to.equal('under-control');
  });

  it('003 §132: a refusal through execution needs the law, the motives and how to appeal; with them it is the answer', async () => {
    const { id, cards } = await underControl();
    const bare = await execute(id, cards[0], 'housing-dept', { summary: 'Відмовлено', result: 'refused' });
    expect([bare.status, bare.json.code]).to.deep.equal([422, 'APPEAL_REFUSAL_INCOMPLETE']);
    expect((await call(hub, 'GET', `/api/v1/documents/${id}/control`)).json.items[0].status).to.equal('under-control');
    const refusal = {
      legalBasis: 'Правила благоустрою території міста, п. 4.2',
      reasons: 'Територія не належить до комунальної власності',
      appealProcedure: 'Рішення може бути оскаржене до суду (ст. 16 Закону «Про звернення громадян»)',
    };
    const ok = await execute(id, cards[0], 'housing-dept', { summary: 'Відмовлено', result: 'refused', refusal, answeredOn: '2026-03-10' });
    expect(ok.status, JSON.stringify(ok.json)).to.equal(200);
    const appeal = (await call(hub, 'GET', `/api/v1/documents/${id}/appeal`, undefined, OFFICER)).json;
    expect(appeal.result).to.equal('refused');
    expect(appeal.answer.refusal).to.deep.equal(refusal);
  });

  it('an answer recorded as «on control» is completed by the execution; an execution without a result leaves the appeal alone', async () => {
    const { id, cards } = await underControl();
    await call(hub, 'POST', `/api/v1/documents/${id}/appeal/answer`, { actor: 'housing-dept', result: 'on-control' });
    expect((await execute(id, cards[0], 'housing-dept', { summary: 'Проміжний етап виконано' })).status).to.equal(200);
    expect((await call(hub, 'GET', `/api/v1/documents/${id}/appeal`, undefined, OFFICER)).json.result).to.equal('on-control');
    expect((await execute(id, cards[1], 'energy-dept', { summary: 'Роз’яснено порядок', result: 'explained' })).status).to.equal(200);
    expect((await call(hub, 'GET', `/api/v1/documents/${id}/appeal`, undefined, OFFICER)).json.result).to.equal('explained');
  });
});
