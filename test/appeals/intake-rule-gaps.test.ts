/**
 * Issue 13, "rule gaps found through the API", over HTTP on a real PostgreSQL with the hub's clock
 * fixed at Tuesday 10 March 2026 09:00 UTC: each gap the independent check found, through the
 * public door, with the article or paragraph the decision cites.
 */
import { expect } from 'chai';
import { checkAppealSubmission, RECEIVED_AT_SKEW_MS } from '../../src/appeals/card';
import { createCalendars } from '../../src/domain/calendar';
import { fakePerson, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { computeTerm } from '../../src/domain/terms';
import type { DocumentSubmission } from '../../src/schemas';
import { startTestHub, submission, TEST_NOW, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { appealSubmission, call, cardFor, decision, registerAppeal, type Json } from './support';

describe('appeals: the rule gaps of issue 13 over HTTP (real PostgreSQL, fixed clock)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const rng = seededRng(1313);
  const report = async (): Promise<Json> => (await call(hub, 'GET', '/api/v1/reports/appeals?from=2026-01-01&to=2026-12-31')).json;

  before(async () => {
    testDb = await createTestDatabase('appeals_gaps');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('Law art. 7 ч. 3: forwarded within 5 days of receipt — the date `term --rule forwarding` gives, not 5 working days', async () => {
    const card = cardFor([fakePerson(rng)], { writtenOn: '2026-03-02', summary: 'Щодо перерахунку плати за газопостачання' });
    const competence = { withinCompetence: false, competentBody: { code: 'gas-operator', name: 'Оператор газорозподільної системи' } };
    // Wednesday 4 March: + 5 days = Monday 9 March (5 working days would be Wednesday 11 March).
    const { appeal } = await registerAppeal(hub, appealSubmission(card, { receivedAt: '2026-03-04T09:00:00Z' }, { appealCompetence: competence }));
    expect(appeal.intake.status).to.equal('forwarded');
    const d = decision(appeal, 'competence');
    expect(d.decision).to.equal('forward');
    expect(d.details).to.deep.include({ forwardBy: '2026-03-09', termRule: 'forwarding', termAmount: 5, termUnit: 'calendar-days' });
    const calendar = createCalendars().byName(hub.config.calendar);
    expect(d.details.forwardBy).to.equal(computeTerm({ rule: 'forwarding', from: '2026-03-04', calendar }).term);
    expect(d.basis).to.contain('ст. 7 ч. 3').and.contain('§107');
    expect(d.reasonUk).to.contain('ст. 7 ч. 3');
  });

  it('Law art. 20 ч. 3: a combat veteran and a person with a disability are considered first, the decision citing the article', async () => {
    for (const priorityCategory of ['combat-veteran', 'person-with-disability', 'war-disabled', 'chornobyl-liquidator', 'large-family'] as const) {
      const card = cardFor([fakePerson(rng)], { summary: 'Про надання матеріальної допомоги', topics: ['006'] });
      card.applicants[0]!.priorityCategory = priorityCategory;
      const { appeal } = await registerAppeal(hub, appealSubmission(card));
      expect(appeal.intake, priorityCategory).to.include({ priority: 'first', routeTo: 'by-distribution-of-duties' });
      const d = decision(appeal, 'routing');
      expect(d.basis).to.contain('ст. 20 ч. 3');
      expect(d.reasonUk).to.contain('ст. 20 ч. 3 Закону «Про звернення громадян»');
      expect(d.details.benefitCategories).to.deep.equal([priorityCategory]);
    }
    const plain = await registerAppeal(hub, appealSubmission(cardFor([fakePerson(rng)], { summary: 'Про надання матеріальної допомоги', topics: ['006'] })));
    expect(plain.appeal.intake.priority).to.equal('normal');
  });

  it('003 §99, §102: answered on the merits, a resubmission still open — the next one on the question is «П» (and with new facts, not a repeat)', async () => {
    const p = fakePerson(rng, { house: '7', apartment: '21', street: ['вул.', 'Шевченка'] });
    const summary = 'Щодо ремонту під’їзду будинку';
    const first = await registerAppeal(hub, appealSubmission(cardFor([p], { writtenOn: '2026-01-09', summary }), { receivedAt: '2026-01-12T09:00:00Z' }));
    const open = await registerAppeal(hub, appealSubmission(cardFor([p], { writtenOn: '2026-01-19', summary }), { receivedAt: '2026-01-20T09:00:00Z' }));
    expect(open.appeal.intake).to.include({ recurrence: 'resubmitted', linkedTo: first.doc.id });
    const answered = await call(hub, 'POST', `/api/v1/documents/${first.doc.id}/appeal/answer`, { actor: 'housing-dept', result: 'explained', answeredOn: '2026-02-02', summary: 'Ремонт включено до плану' });
    expect(answered.status, JSON.stringify(answered.json)).to.equal(200);
    const before = await report();

    const again = await registerAppeal(hub, appealSubmission(cardFor([p], { writtenOn: '2026-03-05', summary })));
    expect(again.appeal.intake).to.include({ recurrence: 'repeat', mark: 'П', linkedTo: first.doc.id, routeTo: 'mayor', mandatoryControl: true });
    const d = decision(again.appeal, 'recurrence');
    expect(d.decision).to.equal('repeat');
    expect(d.reasonUk).to.contain('003 §102').and.contain(first.doc.registration.index).and.contain(open.doc.registration.index);
    expect(d.details).to.deep.include({ linkedTo: first.doc.id, stillOpen: open.doc.id, stillOpenIndex: open.doc.registration.index });
    expect((await report()).repeat - before.repeat).to.equal(1);

    const facts = await registerAppeal(hub, appealSubmission(cardFor([p], { writtenOn: '2026-03-06', summary, newFacts: true })));
    expect(facts.appeal.intake).to.include({ recurrence: 'primary', mark: null, linkedTo: first.doc.id });
    expect(decision(facts.appeal, 'recurrence').decision).to.equal('new-facts');
  });

  it('Law art. 3: an unknown subtype is refused with APPEAL_SUBTYPE_UNKNOWN and kept in quarantine; a known one sets the type', async () => {
    const p = fakePerson(rng);
    const res = await call(hub, 'POST', '/api/v1/documents', appealSubmission(cardFor([p]), { subtype: 'petition-for-pardon' }));
    expect(res.status).to.equal(400);
    expect(res.json.code).to.equal('APPEAL_SUBTYPE_UNKNOWN');
    expect(res.json.messageUk).to.contain('ст. 3');
    expect(res.json.quarantineId).to.be.a('string');
    expect(res.json.details).to.deep.include({ subtype: 'petition-for-pardon', kind: 'citizen-appeal' });

    // Without meta.appeal the card is built from the canonical fields: the subtype is its type.
    const derived = await registerAppeal(hub, appealSubmission(null, {
      subtype: 'complaint', correspondent: { name: `${p.surname} ${p.given} ${p.patronymic}`, address: 'м. Кам’янське, вул. Соборна, буд. 3, кв. 5' }, summary: 'Скарга на роботу ліфта',
    }));
    expect(derived.appeal.card.type).to.equal('complaint');

    // …and a card that says otherwise than the subtype is refused rather than one of them ignored.
    const clash = await call(hub, 'POST', '/api/v1/documents', appealSubmission(cardFor([p], { type: 'proposal' }), { subtype: 'complaint' }));
    expect([clash.status, clash.json.code]).to.deep.equal([400, 'APPEAL_CARD_INVALID']);
    expect(clash.json.details.violations.map((v: Json) => v.path)).to.include('/type');
  });

  it('a receivedAt after the hub\'s clock (2027) is refused with APPEAL_RECEIVED_IN_FUTURE in both languages; nothing is registered', async () => {
    const before = await report();
    const res = await call(hub, 'POST', '/api/v1/documents', appealSubmission(cardFor([fakePerson(rng)]), { receivedAt: '2027-01-15T09:00:00Z' }));
    expect(res.status).to.equal(422);
    expect(res.json.code).to.equal('APPEAL_RECEIVED_IN_FUTURE');
    expect(res.json.message).to.be.a('string').and.not.equal('');
    expect(res.json.messageUk).to.contain('receivedAt');
    expect(res.json.details).to.include({ receivedAt: '2027-01-15T09:00:00Z' });
    expect(res.json.quarantineId).to.be.a('string');
    expect((await report()).total).to.equal(before.total);
    // A sender's clock a few minutes ahead is not "the future".
    const skewed = new Date(Date.parse(TEST_NOW) + 3 * 60_000).toISOString();
    await registerAppeal(hub, appealSubmission(cardFor([fakePerson(rng)]), { receivedAt: skewed }));
  });

  it('the hub\'s instant, where given: more than 5 minutes ahead is the future, within them it is skew', () => {
    const now = new Date(TEST_NOW);
    const sub = (ms: number) => submission({ kind: 'citizen-appeal', receivedAt: new Date(now.getTime() + ms).toISOString() }) as unknown as DocumentSubmission;
    expect(() => checkAppealSubmission(sub(RECEIVED_AT_SKEW_MS - 1000), now)).not.to.throw();
    expect(() => checkAppealSubmission(sub(RECEIVED_AT_SKEW_MS + 60_000), now)).to.throw().with.property('code', 'APPEAL_RECEIVED_IN_FUTURE');
    // Given only the Kyiv date (today's pipeline step), a receipt on a later date is refused.
    expect(() => checkAppealSubmission(sub(24 * 3600_000), '2026-03-10')).to.throw().with.property('code', 'APPEAL_RECEIVED_IN_FUTURE');
  });

  it('Law art. 5 ч. 6, ч. 8: an oral appeal without a place of residence is registered and returned to the author with the reason', async () => {
    const p = fakePerson(rng);
    const card = cardFor([p], { submission: 'oral', channel: 'personal-reception', writtenOn: undefined, signed: false, dated: false });
    card.applicants = [{ fullName: card.applicants[0]!.fullName, phone: '+380671112233' }];
    const { doc, appeal } = await registerAppeal(hub, appealSubmission(card, { source: 'personal-reception' }));
    expect(doc.registration.index).to.be.a('string');
    expect(appeal.intake.status).to.equal('returned');
    const d = decision(appeal, 'completeness');
    expect(d.decision).to.equal('return-to-author');
    expect(d.details).to.deep.include({ missing: ['residence'], returnBy: '2026-03-19' });
    expect(d.reasonUk).to.contain('місце проживання').and.contain('ст. 5 ч. 6').and.contain('ч. 8');
  });

  it('Law art. 5 ч. 2, 003 §99: marked collective with one signer — counted as individual, with a note', async () => {
    const before = await report();
    const { appeal } = await registerAppeal(hub, appealSubmission(cardFor([fakePerson(rng)], { form: 'collective', summary: 'Про облаштування зупинки', topics: ['013'] })));
    expect(appeal.intake).to.deep.include({ form: 'individual', counted: { appeals: 1, citizens: 1 } });
    const d = decision(appeal, 'collective');
    expect(d.decision).to.equal('count-as-individual');
    expect(d.reasonUk).to.contain('однією особою').and.contain('ст. 5 ч. 2');
    const after = await report();
    expect(after.collective - before.collective).to.equal(0);
    expect(after.byForm.individual - before.byForm.individual).to.equal(1);
  });
});
