/**
 * Issue 13: an appeal whose substance is not stated is registered and returned to its author with
 * the reason (Law «Про звернення громадян» art. 5 ч. 6, ч. 8; 003 §105), not refused at the door
 * with 400. Over HTTP on a real PostgreSQL with the hub's clock fixed at Tuesday 10 March 2026.
 * Only the appeal kinds the law treats so (citizen appeals, hotline cards; public-information
 * requests, refused under Law 2939-VI art. 22 ч. 1 п. 4) may come with an empty summary: an
 * official letter or an e-petition (art. 23-1 ч. 3) still needs one.
 */
import { expect } from 'chai';
import { fakePerson, officialAddress, officialName, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { appealSubmission, call, cardFor, decision, registerAppeal, type Json } from './support';

describe('appeals: an empty summary is registered and returned to the author (art. 5, 003 §105), other kinds still need one', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const rng = seededRng(105);
  const report = async (): Promise<Json> => (await call(hub, 'GET', '/api/v1/reports/appeals?from=2026-01-01&to=2026-12-31')).json;

  before(async () => {
    testDb = await createTestDatabase('appeals_empty_summary');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  function expectReturnedForSubstance(appeal: Json, receivedOn: string, returnBy: string): void {
    expect(appeal.card.receivedOn).to.equal(receivedOn);
    expect(appeal.intake.status).to.equal('returned');
    const d = decision(appeal, 'completeness');
    expect(d.decision).to.equal('return-to-author');
    expect(d.details).to.deep.include({ missing: ['substance'], returnBy, termDays: 10, copyKept: true });
    expect(d.basis).to.contain('ст. 5').and.contain('§105');
    expect(d.reasonUk).to.contain('суть порушеного питання').and.contain('ст. 5 ч. 6').and.contain('ст. 5 ч. 8').and.contain('003 §105');
  }

  it('a citizen appeal with an empty summary (card in meta.appeal): 201, registered, returned to the author within 10 days citing art. 5 and 003 §105', async () => {
    const before = await report();
    const card = cardFor([fakePerson(rng)], { summary: '' });
    const res = await call(hub, 'POST', '/api/v1/documents', appealSubmission(card, { summary: '' }));
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    expect(res.json.summary).to.equal('');
    expect(res.json.registration.index).to.be.a('string').and.not.equal('');
    const { appeal } = await registerAppealView(res.json.id);
    // Received Monday 9 March 2026: returned by 19 March (ten days, art. 5 ч. 8).
    expectReturnedForSubstance(appeal, '2026-03-09', '2026-03-19');
    // Registered and counted (003 §105: a copy stays with the department).
    expect((await report()).total - before.total).to.equal(1);
  });

  it('a hotline card with an empty summary and no meta.appeal (card from the canonical fields) is registered and returned the same way', async () => {
    const p = fakePerson(rng);
    const { doc, appeal } = await registerAppeal(hub, submission({
      kind: 'hotline-card', source: 'hotline-1545', outgoing: undefined,
      correspondent: { name: officialName(p), address: officialAddress(p), phone: '+380501234567' },
      summary: '',
    }));
    expect(doc.summary).to.equal('');
    expect(appeal.cardSource).to.equal('derived');
    expectReturnedForSubstance(appeal, '2026-03-09', '2026-03-19');
  });

  it('a public-information request with an empty summary is registered; the holder may refuse it (Law 2939-VI art. 19 ч. 5, art. 22 ч. 1 п. 4)', async () => {
    const p = fakePerson(rng, { email: 'zapyt.105@example.com' });
    const { doc, appeal } = await registerAppeal(hub, submission({
      kind: 'info-request', source: 'e-mail', outgoing: undefined,
      correspondent: { name: officialName(p), address: officialAddress(p), email: p.email },
      summary: '',
    }));
    expect(doc.registration.journal).to.equal('info-requests');
    const d = decision(appeal, 'routing');
    expect(d.details.requirements.missing).to.deep.equal(['requested']);
    expect(d.reasonUk).to.contain('ч. 5 ст. 19').and.contain('п. 4 ч. 1 ст. 22');
  });

  it('an official letter with an empty summary is still refused with 400 at the door, naming /summary', async () => {
    const res = await call(hub, 'POST', '/api/v1/documents', submission({ summary: '' }));
    expect(res.status).to.equal(400);
    expect(res.json.code).to.equal('VALIDATION_FAILED');
    const paths = res.json.details.violations.map((v: Json) => v.path);
    expect(paths).to.include('/summary');
    const summary = res.json.details.violations.find((v: Json) => v.path === '/summary');
    expect(summary.messageUk).to.equal('не може бути порожнім');
  });

  it('an e-petition with an empty summary is refused with 400 too (art. 23-1 ч. 3: a petition states its substance)', async () => {
    const res = await call(hub, 'POST', '/api/v1/documents', submission({ kind: 'e-petition', source: 'e-petitions', outgoing: undefined, summary: '' }));
    expect(res.status).to.equal(400);
    expect(res.json.details.violations.map((v: Json) => v.path)).to.include('/summary');
  });

  async function registerAppealView(id: string): Promise<{ appeal: Json }> {
    const view = await call(hub, 'GET', `/api/v1/documents/${id}/appeal`, undefined, { 'x-test-role': 'appeals-officer' });
    expect(view.status).to.equal(200);
    return { appeal: view.json };
  }
});
