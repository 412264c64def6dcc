/**
 * Intake of citizens' appeals over HTTP on a real PostgreSQL, with the hub's clock fixed at
 * Tuesday 10 March 2026 (martial law: holidays are working days). Each rule names its paragraph.
 */
import { expect } from 'chai';
import { verifyAuditLog } from '../../src/audit';
import { fakePerson, housemate, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { startTestHub , type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { appealSubmission, call, cardFor, decision, OFFICER, registerAppeal, type Json } from './support';

describe('appeals: intake rules over HTTP (real PostgreSQL, fixed clock)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const rng = seededRng(5005);
  const report = async (): Promise<Json> => (await call(hub, 'GET', '/api/v1/reports/appeals?from=2026-01-01&to=2026-12-31')).json;

  before(async () => {
    testDb = await createTestDatabase('appeals');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('art. 5, 003 §105: without place of residence, signature and date it is returned to the author within 10 days; still registered', async () => {
    const p = fakePerson(rng);
    const card = cardFor([p], { signed: false, dated: false });
    const { doc, appeal } = await registerAppeal(hub, appealSubmission(card));
    expect(doc.registration.index).to.match(/^01-09\/\d+$/);
    expect(appeal.intake.status).to.equal('returned');
    const d = decision(appeal, 'completeness');
    expect(d).to.include({ decision: 'return-to-author' });
    expect(d.basis).to.contain('§105');
    expect(d.details).to.deep.include({ missing: ['signature', 'date'], returnBy: '2026-03-19', termDays: 10 });
    expect(d.reasonUk).to.contain('Повернути авторові');
  });

  it('003 §106: an anonymous appeal is not considered, but it is kept and counted', async () => {
    const before = await report();
    const card = cardFor([], { form: 'anonymous', applicants: [], summary: 'Про незаконну торгівлю біля ринку', topics: ['012'] });
    const { appeal } = await registerAppeal(hub, appealSubmission(card, { correspondent: { name: 'Анонім' } }));
    expect(appeal.intake).to.include({ status: 'not-considered', form: 'anonymous', routeTo: null });
    const d = decision(appeal, 'anonymous');
    expect(d.decision).to.equal('not-considered-anonymous');
    expect(d.basis).to.contain('§106');
    expect(d.details.keptAndCounted).to.equal(true);
    const after = await report();
    expect(after.total - before.total).to.equal(1);
    expect(after.byForm.anonymous - before.byForm.anonymous).to.equal(1);
    expect(after.notConsidered.anonymous - before.notConsidered.anonymous).to.equal(1);
    const answer = await call(hub, 'POST', `/api/v1/documents/${appeal.documentId}/appeal/answer`, { actor: 'clerk', result: 'explained' });
    expect(answer.status).to.equal(409);
    expect(answer.json.code).to.equal('APPEAL_NOT_CONSIDERED');
  });

  it('003 §102, §99: a repeat written differently is linked to the answered case and marked «П»; a relative at the same flat is not', async () => {
    const p = fakePerson(rng, { house: '12', apartment: '34', street: ['вул.', 'Соборна'] });
    const first = await registerAppeal(hub, appealSubmission(cardFor([p], { summary: 'Щодо ремонту покрівлі будинку' }), { receivedAt: '2026-01-12T09:00:00Z' }));
    const answered = await call(hub, 'POST', `/api/v1/documents/${first.doc.id}/appeal/answer`, {
      actor: 'housing-dept', result: 'explained', answeredOn: '2026-02-02', summary: 'Роботи включено до плану поточного ремонту', outgoingIndex: '05-12/77',
    });
    expect(answered.status, JSON.stringify(answered.json)).to.equal(200);
    expect(answered.json).to.include({ result: 'explained', answeredOn: '2026-02-02' });

    // The same person, as another clerk typed it: surname in capitals, initials, «вул» without a dot, «12-34».
    const variant = cardFor([p], { writtenOn: '2026-03-04', summary: 'Прошу відремонтувати покрівлю в будинку' });
    variant.applicants = [{ fullName: `${p.surname.toUpperCase()} ${p.given[0]}.${p.patronymic[0]}.`, address: `м.Кам'янське, вул Соборна 12-34` }];
    const repeat = await registerAppeal(hub, appealSubmission(variant));
    expect(repeat.appeal.intake).to.include({ recurrence: 'repeat', mark: 'П', linkedTo: first.doc.id, routeTo: 'mayor', mandatoryControl: true });
    const d = decision(repeat.appeal, 'recurrence');
    expect(d.decision).to.equal('repeat');
    expect(d.basis).to.contain('§102');
    expect(d.details.earlierIndex).to.equal(first.doc.registration.index);
    expect(d.details.applicantReasons.map((r: Json) => r.code)).to.include('surname-equal');

    // A housemate with the same surname and a different given name raises the same question: a different person.
    const other = housemate(rng, p, { female: !p.female });
    const neighbour = await registerAppeal(hub, appealSubmission(cardFor([other], { summary: 'Щодо ремонту покрівлі будинку' })));
    expect(neighbour.appeal.intake).to.include({ recurrence: 'primary', linkedTo: null, mark: null });

    const r = await report();
    expect(r.repeat).to.equal(1);
  });

  it('003 §99: the same appeal forwarded again by a higher authority is a duplicate, linked, not counted as repeat', async () => {
    const before = await report();
    const p = fakePerson(rng);
    const card = cardFor([p], { topics: ['006'], summary: 'Про надання матеріальної допомоги на лікування' });
    const first = await registerAppeal(hub, appealSubmission(card, { receivedAt: '2026-03-02T09:00:00Z' }));
    const forwarded = {
      ...card,
      submission: 'written' as const,
      forwardedBy: { body: 'higher-authority' as const, name: 'Дніпропетровська ОДА', reference: { number: '01-33/1456', date: '2026-03-04' }, underControl: true },
    };
    const dup = await registerAppeal(hub, appealSubmission(forwarded, { source: 'sev-ovv' }));
    expect(dup.appeal.intake).to.include({ recurrence: 'duplicate', mark: null, linkedTo: first.doc.id });
    expect(decision(dup.appeal, 'recurrence').basis).to.contain('§99');
    const after = await report();
    expect(after.duplicate - before.duplicate).to.equal(1);
    expect(after.repeat - before.repeat).to.equal(0);
    // Under a higher authority's control: first, to the mayor (003 §104, §108).
    expect(dup.appeal.intake).to.include({ priority: 'first', routeTo: 'mayor' });
  });

  it('003 §99, §134: a collective appeal is counted once; the first signer gets the answer', async () => {
    const before = await report();
    const signers = [fakePerson(rng), fakePerson(rng), fakePerson(rng)];
    const { appeal } = await registerAppeal(hub, appealSubmission(cardFor(signers, { summary: 'Про облаштування дитячого майданчика', topics: ['013'] })));
    expect(appeal.intake).to.deep.include({ form: 'collective', answerTo: 0, counted: { appeals: 1, citizens: 3 } });
    const d = decision(appeal, 'collective');
    expect(d.decision).to.equal('count-once');
    expect(d.basis).to.contain('§134');
    const after = await report();
    expect(after.total - before.total).to.equal(1);
    expect(after.collective - before.collective).to.equal(1);
    expect(after.citizens - before.citizens).to.equal(3);
  });

  it('003 §104, §108, §131: a Hero of Ukraine is reviewed first and answered by the mayor', async () => {
    const p = fakePerson(rng);
    const card = cardFor([p], { summary: 'Про надання житла', topics: ['010'] });
    card.applicants[0]!.priorityCategory = 'hero-of-ukraine';
    const { appeal } = await registerAppeal(hub, appealSubmission(card));
    expect(appeal.intake).to.include({ priority: 'first', routeTo: 'mayor', mandatoryControl: true });
    const d = decision(appeal, 'routing');
    expect(d.basis).to.contain('§104').and.contain('§131');
    expect(d.details.reviewBy).to.equal('2026-03-12');
  });

  it('003 §107, Law art. 7: not within the council’s competence — forwarded within 5 working days, the applicant told', async () => {
    const p = fakePerson(rng);
    const card = cardFor([p], { summary: 'Щодо перерахунку плати за газопостачання', topics: ['009'] });
    const competence = { withinCompetence: false, competentBody: { code: 'gas-operator', name: 'Оператор газорозподільної системи' } };
    const { appeal } = await registerAppeal(hub, appealSubmission(card, {}, { appealCompetence: competence }));
    expect(appeal.intake.status).to.equal('forwarded');
    expect(appeal.result).to.equal('forwarded');
    const d = decision(appeal, 'competence');
    expect(d.decision).to.equal('forward');
    expect(d.basis).to.contain('§107');
    expect(d.details).to.deep.include({ forwardBy: '2026-03-16', informApplicant: true, competentBody: competence.competentBody });
  });

  it('003 §107: a complaint is never forwarded to the body it complains about', async () => {
    const p = fakePerson(rng);
    const body = { code: 'kp-zhytloservis', name: 'КП «Житлосервіс»' };
    const card = cardFor([p], { type: 'complaint', summary: 'Скарга на дії КП «Житлосервіс» щодо вивезення відходів', complaintAgainst: { bodyCode: body.code, name: body.name } });
    const { appeal } = await registerAppeal(hub, appealSubmission(card, {}, { appealCompetence: { withinCompetence: false, competentBody: body } }));
    expect(appeal.intake.status).to.equal('accepted');
    const d = decision(appeal, 'competence');
    expect(d.decision).to.equal('forwarding-forbidden');
    expect(d.basis).to.contain('§107');
  });

  it('a wrong card goes to quarantine with APPEAL_CARD_INVALID and the violations; nothing is registered', async () => {
    const card = { ...cardFor([fakePerson(rng)]), channel: 'pigeon', topics: ['999'] };
    const res = await call(hub, 'POST', '/api/v1/documents', appealSubmission(card as never));
    expect(res.status).to.equal(400);
    expect(res.json.code).to.equal('APPEAL_CARD_INVALID');
    expect(res.json.quarantineId).to.be.a('string');
    expect(res.json.details.violations.map((v: Json) => v.path)).to.include('/channel');
    const q = await call(hub, 'GET', '/api/v1/quarantine?code=APPEAL_CARD_INVALID');
    expect(q.json.items.map((i: Json) => i.id)).to.include(res.json.quarantineId);
  });

  it('without meta.appeal a hotline card is kept with a card built from the canonical fields (003 §137, §139)', async () => {
    const p = fakePerson(rng);
    const { doc, appeal } = await registerAppeal(hub, appealSubmission(null, {
      kind: 'hotline-card', source: 'hotline-1545', externalId: `1545-${Date.now()}`,
      // Art. 5 ч. 6: an oral appeal too names the place of residence (else it is returned to the author).
      correspondent: { name: `${p.surname} ${p.given} ${p.patronymic}`, address: 'м. Кам’янське, вул. Соборна, буд. 12, кв. 34', phone: '+380671234567' }, summary: 'Відсутнє гаряче водопостачання',
    }));
    expect(appeal.cardSource).to.equal('derived');
    expect(appeal.card).to.deep.include({ channel: 'hotline-1545', submission: 'oral', summary: 'Відсутнє гаряче водопостачання', registrationIndex: doc.registration.index });
    expect(appeal.card.forwardedBy).to.deep.equal({ body: 'government-contact-centre', reference: { number: doc.externalId }, underControl: true });
    expect(appeal.card.applicants[0].phone).to.equal('+380671234567');
    expect(appeal.intake).to.include({ routeTo: 'business-manager', priority: 'first' });
  });

  it('the decision is in the control log by dilovod-intake and announced as appeal.intake-decided, without personal data', async () => {
    const p = fakePerson(rng, { email: 'olena.4242@example.com' });
    const { doc } = await registerAppeal(hub, appealSubmission(cardFor([p], { channel: 'electronic', signed: false, dated: false })));
    const events = await hub.db.query<{ type: string; payload: Json }>('SELECT type, payload FROM outbox WHERE document_id = $1 ORDER BY seq', [doc.id]);
    expect(events.map((e) => e.type)).to.have.members(['document.registered', 'appeal.intake-decided']);
    const ev = events.find((e) => e.type === 'appeal.intake-decided')!.payload;
    expect(ev.data).to.include({ status: 'accepted', cardSource: 'submitted', kind: 'citizen-appeal' });
    expect(ev.data.decisions.every((d: Json) => d.rule && d.basis)).to.equal(true);
    const log = await call(hub, 'GET', `/api/v1/audit/log?documentId=${doc.id}`);
    expect(log.json.items).to.have.length(1);
    expect(log.json.items[0]).to.include({ actor: 'dilovod-intake', action: 'appeal.intake-decided' });
    const text = JSON.stringify([ev, log.json]);
    for (const secret of [p.surname, p.given, p.email!, p.street[1]]) expect(text).not.to.contain(secret);
    expect(await verifyAuditLog(hub.db)).to.include({ ok: true });
  });

  it('003 §132: the answer records the result; a refusal needs the law, the motives and how to appeal', async () => {
    const { doc } = await registerAppeal(hub, appealSubmission(cardFor([fakePerson(rng)], { summary: 'Про виділення земельної ділянки під город', topics: ['002'] })));
    const path = `/api/v1/documents/${doc.id}/appeal/answer`;
    const bare = await call(hub, 'POST', path, { actor: 'land-dept', result: 'refused' });
    expect(bare.status).to.equal(422);
    expect(bare.json).to.deep.include({ code: 'APPEAL_REFUSAL_INCOMPLETE', details: { basis: '003 §132', missing: 'refusal' } });
    const early = await call(hub, 'POST', path, { actor: 'land-dept', result: 'explained', answeredOn: '2026-01-01' });
    expect(early.json.code).to.equal('APPEAL_ANSWER_BEFORE_RECEIPT');
    const bad = await call(hub, 'POST', path, { actor: 'land-dept', result: 'lost' });
    expect([bad.status, bad.json.code]).to.deep.equal([400, 'APPEAL_ANSWER_INVALID']);
    const interim = await call(hub, 'POST', path, { actor: 'land-dept', result: 'on-control' });
    expect(interim.json).to.include({ result: 'on-control', answeredOn: '2026-03-10' });
    expect(interim.json.answer.onMerits).to.equal(false);
    const refusal = {
      legalBasis: 'Земельний кодекс України, ст. 118, 121',
      reasons: 'Земельна ділянка перебуває в користуванні іншої особи',
      appealProcedure: 'Рішення може бути оскаржене до органу вищого рівня або до суду (ст. 16 Закону «Про звернення громадян»)',
    };
    const refused = await call(hub, 'POST', path, { actor: 'land-dept', result: 'refused', refusal, outgoingIndex: '07-15/12' }, OFFICER);
    expect(refused.status).to.equal(200);
    expect(refused.json).to.include({ result: 'refused', answeredOn: '2026-03-10' });
    expect(refused.json.answer).to.deep.include({ refusal, onMerits: true });
    const log = await call(hub, 'GET', `/api/v1/audit/log?documentId=${doc.id}&action=appeal.answered`);
    expect(log.json.items.map((e: Json) => [e.before.result, e.after.result])).to.deep.equal([[null, 'on-control'], ['on-control', 'refused']]);
    expect(log.json.items[1].actor).to.equal('land-dept');
    expect(JSON.stringify(log.json)).not.to.contain(refusal.reasons);
    const forwarded = await call(hub, 'POST', path, { actor: 'land-dept', result: 'forwarded' });
    expect(forwarded.json.code).to.equal('APPEAL_FORWARD_BODY_MISSING');
  });

  it('a document that is not an appeal has no appeal card', async () => {
    const res = await call(hub, 'POST', '/api/v1/documents', appealSubmission(null, { kind: 'official-letter', correspondent: { name: 'ТОВ «Будсервіс»' } }));
    expect(res.status).to.equal(201);
    const appeal = await call(hub, 'GET', `/api/v1/documents/${res.json.id}/appeal`);
    expect([appeal.status, appeal.json.code]).to.deep.equal([404, 'APPEAL_NOT_FOUND']);
  });
});
