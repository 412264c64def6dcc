import { expect } from 'chai';
import { violations } from '../../schemas';
import { earlierAppealOf, MemoryArchive } from './archive';
import { decideIntake, type IntakeInput } from './intake';
import type { IntakeContext } from './intake-rules';
import { appealRecord } from './records';
import { buildAppealReport } from './report';
import { reviewOrder } from './routing';
import { fakeCard } from './testing/fake-cards';
import { addWeekdays } from './testing/weekdays';
import type { AppealCard, AppealIntake, AppealIntakeDecision, AppealRecord } from './types';

const ctx: IntakeContext = { today: '2026-03-10', addWorkingDays: addWeekdays };

function intake(card: AppealCard, archive = new MemoryArchive(), extra: Partial<IntakeInput> = {}): AppealIntake {
  const out = decideIntake({ card, ...extra }, ctx, archive);
  expect(violations('appeal-intake.schema.json', JSON.parse(JSON.stringify(out)))).to.deep.equal([]);
  return out;
}

function decision(out: AppealIntake, rule: AppealIntakeDecision['rule']): AppealIntakeDecision {
  const d = out.decisions.find((x) => x.rule === rule);
  if (!d) throw new Error(`no ${rule} decision in ${JSON.stringify(out.decisions)}`);
  return d;
}

/** An archive holding the given earlier appeals (answered on the merits unless told). */
function archiveOf(...earlier: Array<{ card: AppealCard; answeredOn?: string | null; onMerits?: boolean }>): MemoryArchive {
  const archive = new MemoryArchive();
  for (const e of earlier) {
    const record: AppealRecord = {
      card: e.card, registered: true, recurrence: 'primary', status: 'accepted', linkedTo: null,
      result: 'explained', answeredOn: e.answeredOn === undefined ? '2026-02-20' : e.answeredOn, answeredOnMerits: e.onMerits ?? true,
    };
    archive.add(earlierAppealOf(record));
  }
  return archive;
}

describe('appeals intake: completeness (Law art. 5, 003 §105)', () => {
  it('a complete written appeal is accepted, with the rule recorded', () => {
    const card = fakeCard();
    expect(violations('appeal-card.schema.json', JSON.parse(JSON.stringify(card)))).to.deep.equal([]);
    const out = intake(card);
    expect(out.status).to.equal('accepted');
    expect(decision(out, 'completeness')).to.include({ decision: 'complete', rule: 'completeness' });
    expect(decision(out, 'completeness').basis).to.contain('003 §103, §105');
  });

  it('003 §105: undated, unsigned, no patronymic or no substance → returned to the author within 10 days, with the reason', () => {
    const out = intake(fakeCard({ receivedOn: '2026-03-10', dated: false, signed: false, applicants: [{ fullName: 'Гнатюк Оксана', address: 'вул. Соборна, 12, кв. 34' }] }));
    expect(out.status).to.equal('returned');
    const d = decision(out, 'completeness');
    expect(d).to.include({ decision: 'return-to-author', basis: '003 §103, §105; Закон «Про звернення громадян», ст. 5' });
    expect(d.details).to.deep.include({ missing: ['name', 'signature', 'date'], returnBy: '2026-03-20', termDays: 10, copyKept: true });
    expect(d.reasonUk).to.contain('не пізніше 2026-03-20').and.contain('підпис автора').and.contain('дату');
    expect(out.answerTo).to.equal(0);
    expect(decision(intake(fakeCard({ summary: '' })), 'completeness').details).to.deep.include({ missing: ['substance'] });
  });

  it('art. 5: an electronic appeal needs no signature but an e-mail (or other contact) for the answer', () => {
    const noContact = intake(fakeCard({ channel: 'electronic', signed: false, dated: false }));
    expect(decision(noContact, 'completeness').details).to.deep.include({ missing: ['contact'] });
    const ok = intake(fakeCard({ channel: 'electronic', signed: false, dated: false, applicants: [{ fullName: 'Гнатюк Оксана Петрівна', address: 'вул. Соборна, 12, кв. 34', email: 'o.hnatiuk@example.com' }] }));
    expect(ok.status).to.equal('accepted');
  });

  it('an oral appeal is written down by the official: no signature or date asked', () => {
    expect(intake(fakeCard({ submission: 'oral', channel: 'personal-reception', signed: false, dated: false })).status).to.equal('accepted');
  });
});

describe('appeals intake: anonymous (003 §106)', () => {
  it('no place of residence, no author, or declared anonymous → not considered, kept and counted', () => {
    const noAddress = intake(fakeCard({ applicants: [{ fullName: 'Гнатюк Оксана Петрівна' }] }));
    expect(noAddress.status).to.equal('not-considered');
    expect(decision(noAddress, 'anonymous')).to.include({ decision: 'not-considered-anonymous', basis: '003 §99, §106; Закон «Про звернення громадян», ст. 8' });
    expect(decision(noAddress, 'anonymous').details).to.deep.include({ keptAndCounted: true, reasons: ['не зазначено місця проживання'] });
    expect(intake(fakeCard({ applicants: [] })).status).to.equal('not-considered');
    expect(intake(fakeCard({ form: 'anonymous', applicants: [] })).form).to.equal('anonymous');

    // Kept and counted: the report has it in the total, among anonymous, under «refused» (not considered).
    const cards = [fakeCard({ applicants: [] }), fakeCard()];
    const records = cards.map((c) => appealRecord(c, intake(c)));
    const r = buildAppealReport(records);
    expect(r.total).to.equal(2);
    expect(r.notConsidered.anonymous).to.equal(1);
    expect(r.byForm.anonymous).to.equal(1);
    expect(r.byResult.refused + r.byResult['on-control']).to.equal(2);
  });

  it('a named author with an address who did not sign is returned (§105), not anonymous: the author can be answered', () => {
    expect(intake(fakeCard({ signed: false })).status).to.equal('returned');
  });
});

describe('appeals intake: repeat, duplicate, resubmitted (003 §99, §102)', () => {
  const first = fakeCard({
    receivedOn: '2026-01-12',
    applicants: [{ fullName: 'Гнатюк Оксана Петрівна', address: 'м. Кам’янське, вул. Соборна, буд. 12, кв. 34' }],
    summary: 'Про ремонт покрівлі будинку № 12 по вул. Соборній',
  });
  /** The same person writes again, written differently; the same question in other words. */
  const again = (over: Partial<AppealCard> = {}) =>
    fakeCard({
      applicants: [{ fullName: 'ГНАТЮК О.П.', address: 'вулиця Соборна 12-34' }],
      summary: 'Щодо ремонту даху та покрівлі в будинку 12 на Соборній',
      ...over,
    });

  it('003 §102: same applicant, same question, answered on the merits, no new facts → «П», linked to the earlier case, to the mayor, under control', () => {
    const out = intake(again(), archiveOf({ card: first }));
    expect(out).to.include({ recurrence: 'repeat', mark: 'П', linkedTo: first.id, routeTo: 'mayor', mandatoryControl: true });
    const d = decision(out, 'recurrence');
    expect(d.decision).to.equal('repeat');
    expect(d.basis).to.contain('003 §99 (повторні), §102 (позначка «П»)');
    expect(d.reasonUk).to.contain(first.registrationIndex!);
    const details = d.details as { applicantReasons: Array<{ code: string }>; sharedTopics: string[] };
    expect(details.applicantReasons.map((r) => r.code)).to.include.members(['surname-equal', 'given-name-initial', 'house-equal', 'apartment-equal']);
    expect(details.sharedTopics).to.deep.equal(['009']);
    expect(decision(out, 'routing').reasonUk).to.contain('повторне звернення (§108)');
  });

  it('003 §99: with new facts it is not a repeat; considered afresh, linked', () => {
    const out = intake(again({ newFacts: true }), archiveOf({ card: first }));
    expect(out).to.include({ recurrence: 'primary', mark: null, linkedTo: first.id });
    expect(decision(out, 'recurrence').decision).to.equal('new-facts');
  });

  it('003 §99: the same appeal forwarded by another addressee before our answer is a duplicate, not a repeat', () => {
    const archive = archiveOf({ card: first, answeredOn: null, onMerits: false });
    const copy = again({ writtenOn: '2026-01-08', forwardedBy: { body: 'higher-authority', name: 'Дніпропетровська ОДА', reference: { number: 'Р-1234/0/3-26' }, underControl: true } });
    const out = intake(copy, archive);
    expect(out).to.include({ recurrence: 'duplicate', mark: null, linkedTo: first.id });
    expect(decision(out, 'recurrence').basis).to.equal('003 §99 (дублетні звернення до групи повторних не відносяться)');
    // …and the report does not count it among repeats.
    const r = buildAppealReport([appealRecord(copy, out)]);
    expect([r.repeat, r.duplicate]).to.deep.equal([0, 1]);
  });

  it('written to us again before the answer: resubmitted (неодноразове), linked, not a repeat', () => {
    const out = intake(again(), archiveOf({ card: first, answeredOn: null, onMerits: false }));
    expect(out).to.include({ recurrence: 'resubmitted', linkedTo: first.id, mark: null });
  });

  it('a different person in the same flat with the same question is a primary appeal', () => {
    const out = intake(again({ applicants: [{ fullName: 'Гнатюк Олег Петрович', address: 'вул. Соборна, буд. 12, кв. 34' }] }), archiveOf({ card: first }));
    expect(out).to.include({ recurrence: 'primary', linkedTo: null, needsReview: false });
  });

  it('a different question from the same person is a primary appeal', () => {
    const out = intake(again({ topics: ['006'], summary: 'Про призначення житлової субсидії' }), archiveOf({ card: first }));
    expect(out.recurrence).to.equal('primary');
  });

  it('initials that fit two people at the address are not linked on a guess: the clerk decides', () => {
    const husband = fakeCard({ receivedOn: '2026-01-05', applicants: [{ fullName: 'Гнатюк Олег Петрович', address: 'вул. Соборна, 12, кв. 34' }], summary: first.summary });
    const out = intake(again(), archiveOf({ card: first }, { card: husband }));
    // «О.П.» fits Оксана Петрівна and Олег Петрович alike.
    expect(out).to.include({ recurrence: 'primary', linkedTo: null, needsReview: true });
    const d = decision(out, 'recurrence');
    expect(d.decision).to.equal('possible-repeat');
    expect(d.reasonUk).to.contain('кільком особам');
  });
});

describe('appeals intake: collective (003 §99, §134)', () => {
  const signers = [
    { fullName: 'Петренко Василь Іванович' },
    { fullName: 'Ткачук Ганна Степанівна', address: 'вул. Липова, 3, кв. 1' },
    { fullName: 'Савчук Ірина Олегівна', address: 'вул. Липова, 3, кв. 2' },
  ];

  it('counted once however many sign; the answer goes to the first signer with an address', () => {
    const out = intake(fakeCard({ form: 'collective', applicants: signers }));
    expect(out.counted).to.deep.equal({ appeals: 1, citizens: 3 });
    expect(out.answerTo).to.equal(1); // the first signer gave no address (§134: «адреса якого вказана першою»)
    const d = decision(out, 'collective');
    expect(d).to.include({ decision: 'count-once', basis: BASIS_COLLECTIVE });
    expect(out.mandatoryControl).to.equal(true); // §112: колективні
    const r = buildAppealReport([appealRecord(fakeCard({ form: 'collective', applicants: signers }), out)]);
    expect([r.total, r.collective, r.citizens]).to.deep.equal([1, 1, 3]);
  });

  it('an e-petition that ended below its threshold is considered as a collective appeal (000 line 39, 002 lines 101-102)', () => {
    const card = fakeCard({ channel: 'e-petition', ePetition: { number: 'ЕП-17', votes: 112, threshold: 250, collectionEndsOn: '2026-03-01' } });
    const out = intake(card);
    expect(out.form).to.equal('collective');
    expect(decision(out, 'e-petition').decision).to.equal('consider-as-collective-appeal');
    expect(appealRecord(card, out).card.form).to.equal('collective');
  });
});
const BASIS_COLLECTIVE = '003 §99 (колективні — подані групою осіб), §134 (відповідь — тому, хто підписався першим)';

describe('appeals intake: priority and routing (003 §104, §108, §131, §137)', () => {
  it('a Hero of Ukraine or a WWII invalid: reviewed first, considered and answered by the mayor', () => {
    const out = intake(fakeCard({ applicants: [{ fullName: 'Остапенко Петро Іванович', address: 'вул. Миру, 1, кв. 1', priorityCategory: 'hero-of-ukraine' }] }));
    expect(out).to.include({ priority: 'first', routeTo: 'mayor', mandatoryControl: true });
    const d = decision(out, 'routing');
    expect(d.basis).to.contain('003 §104').and.contain('§131');
    expect(d.details).to.deep.include({ reviewBy: '2026-03-13' }); // §108: by the 3rd working day
  });

  it('an appeal under a higher authority\'s control: first, to the mayor (§104, §108), mandatory control (§112)', () => {
    const out = intake(fakeCard({ forwardedBy: { body: 'higher-authority', name: 'Дніпропетровська ОДА', reference: { number: 'Р-55' }, underControl: true } }));
    expect(out).to.include({ priority: 'first', routeTo: 'mayor', mandatoryControl: true });
  });

  it('a hotline 1545 card goes to the business manager and is answered like higher-authority items (§137, §139)', () => {
    const out = intake(fakeCard({ submission: 'oral', channel: 'hotline-1545', forwardedBy: { body: 'government-contact-centre', reference: { number: 'УКЦ-5561234' }, underControl: false } }));
    expect(out.routeTo).to.equal('business-manager');
    expect(decision(out, 'routing').basis).to.contain('003 §137, §139');
  });

  it('a complaint about a local self-government official goes to the mayor (§108)', () => {
    const out = intake(fakeCard({ type: 'complaint', complaintAgainst: { name: 'КП «Житлосервіс»', localSelfGovernment: true } }));
    expect(out.routeTo).to.equal('mayor');
  });

  it('everything else by the distribution of duties; the review order puts priority first, then by receipt', () => {
    const plain = fakeCard({ receivedOn: '2026-03-02' });
    const hero = fakeCard({ receivedOn: '2026-03-09', applicants: [{ fullName: 'Остапенко Петро Іванович', address: 'вул. Миру, 1, кв. 1', priorityCategory: 'ww2-disabled-veteran' }] });
    const items = [plain, hero].map((card) => ({ card, ...intake(card) }));
    expect(items[0]!.routeTo).to.equal('by-distribution-of-duties');
    expect(reviewOrder(items).map((i) => i.card.id)).to.deep.equal([hero.id, plain.id]);
  });
});

describe('appeals intake: competence and forwarding (003 §107)', () => {
  const police = { code: 'gunp', name: 'ГУНП в Дніпропетровській області' };

  it('not within the council\'s competence → forwarded within 5 days (Law art. 7 ч. 3), the applicant informed', () => {
    const out = intake(fakeCard({ receivedOn: '2026-03-12' }), new MemoryArchive(), { competence: { withinCompetence: false, competentBody: police } });
    expect(out.status).to.equal('forwarded');
    const d = decision(out, 'competence');
    expect(d.decision).to.equal('forward');
    expect(d.basis).to.contain('003 §107').and.contain('ст. 7 ч. 3');
    expect(d.details).to.deep.include({ forwardBy: '2026-03-17', termRule: 'forwarding', termAmount: 5, termUnit: 'calendar-days', informApplicant: true, competentBody: police });
    expect(appealRecord(fakeCard(), out).result).to.equal('forwarded');
  });

  it('a complaint is never forwarded to the body it complains about', () => {
    const out = intake(fakeCard({ type: 'complaint', complaintAgainst: { bodyCode: 'gunp', name: 'ГУНП в Дніпропетровській області' } }), new MemoryArchive(), { competence: { withinCompetence: false, competentBody: police } });
    expect(out.status).to.equal('accepted');
    const d = decision(out, 'competence');
    expect(d.decision).to.equal('forwarding-forbidden');
    expect(d.basis).to.contain('забороняється направляти скарги');
    // Found by name as well as by code.
    const byName = intake(fakeCard({ type: 'complaint', complaintAgainst: { name: 'гунп в дніпропетровській області' } }), new MemoryArchive(), { competence: { withinCompetence: false, competentBody: police } });
    expect(decision(byName, 'competence').decision).to.equal('forwarding-forbidden');
  });
});
