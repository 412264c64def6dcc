/**
 * Issue 13, "rule gaps found through the API", in the pure domain with fixed dates: forwarding
 * within 5 days (Law art. 7 ч. 3), priority for every author with statutory benefits (art. 20
 * ч. 3), a repeat recognised past an open resubmission (003 §99, §102), an oral appeal without a
 * place of residence (art. 5 ч. 6, ч. 8) and a "collective" appeal with one signer (art. 5 ч. 2).
 */
import { expect } from 'chai';
import { createCalendars } from '../calendar';
import { computeTerm } from '../terms';
import { violations } from '../../schemas';
import { earlierAppealOf, MemoryArchive } from './archive';
import { decideIntake, type IntakeInput } from './intake';
import type { IntakeContext } from './intake-rules';
import { appealRecord } from './records';
import { buildAppealReport } from './report';
import { reviewOrder } from './routing';
import { fakeCard } from './testing/fake-cards';
import { addWeekdays } from './testing/weekdays';
import type { AppealCard, AppealIntake, AppealIntakeDecision, AppealRecord, PriorityCategory } from './index';

const ctx: IntakeContext = { today: '2026-03-10', addWorkingDays: addWeekdays };

function intake(card: AppealCard, archive = new MemoryArchive(), extra: Partial<IntakeInput> = {}, context: IntakeContext = ctx): AppealIntake {
  expect(violations('appeal-card.schema.json', JSON.parse(JSON.stringify(card)))).to.deep.equal([]);
  const out = decideIntake({ card, ...extra }, context, archive);
  expect(violations('appeal-intake.schema.json', JSON.parse(JSON.stringify(out)))).to.deep.equal([]);
  return out;
}

function decision(out: AppealIntake, rule: AppealIntakeDecision['rule']): AppealIntakeDecision {
  const d = out.decisions.find((x) => x.rule === rule);
  if (!d) throw new Error(`no ${rule} decision in ${JSON.stringify(out.decisions)}`);
  return d;
}

describe('appeals intake, issue 13: forwarding to the competent body within 5 days (Law art. 7 ч. 3)', () => {
  const police = { code: 'gunp', name: 'ГУНП в Дніпропетровській області' };
  const notOurs = { competence: { withinCompetence: false as const, competentBody: police } };

  it('5 days, not 5 working days: received Thursday 12 March 2026 → forwarded by Tuesday 17 March', () => {
    const out = intake(fakeCard({ receivedOn: '2026-03-12' }), new MemoryArchive(), notOurs);
    const d = decision(out, 'competence');
    expect(d.decision).to.equal('forward');
    expect(d.details).to.deep.include({ forwardBy: '2026-03-17', termRule: 'forwarding', termAmount: 5, termUnit: 'calendar-days' });
    expect(d.basis).to.contain('ст. 7 ч. 3').and.contain('003 §107');
    expect(d.reasonUk).to.contain('не пізніше 2026-03-17').and.contain('ст. 7 ч. 3');
  });

  it('with the council\'s calendar intake gives the date `term --rule forwarding` gives (computeTerm), a last day off moved per ЦК ст. 254', () => {
    const calendar = createCalendars().byName('martial-law');
    const withCalendar: IntakeContext = {
      ...ctx,
      termOf: (rule, from) => {
        const r = computeTerm({ rule, from, calendar });
        return { term: r.term, basis: r.basis, amount: r.amount, unit: r.unit };
      },
    };
    // Wednesday 4 March + 5 days = Monday 9 March (5 working days would be Wednesday 11 March).
    // Monday 9 March + 5 days = Saturday 14 March → Monday 16 March.
    for (const [receivedOn, expected] of [['2026-03-04', '2026-03-09'], ['2026-03-09', '2026-03-16']] as const) {
      const d = decision(intake(fakeCard({ receivedOn }), new MemoryArchive(), notOurs, withCalendar), 'competence');
      expect(d.details).to.deep.include({ forwardBy: expected });
      expect(expected).to.equal(computeTerm({ rule: 'forwarding', from: receivedOn, calendar }).term);
    }
  });
});

describe('appeals intake, issue 13: priority for authors with statutory benefits (Law art. 20 ч. 3; 003 §104, §108)', () => {
  const author = (priorityCategory: PriorityCategory) => [{ fullName: 'Остапенко Петро Іванович', address: 'вул. Миру, 1, кв. 1', priorityCategory }];

  const withBenefits: PriorityCategory[] = [
    'combat-veteran', 'war-disabled', 'person-with-disability', 'army-disabled', 'labour-disabled', 'chornobyl-liquidator',
    'chornobyl-affected', 'large-family', 'mother-heroine', 'ww2-participant', 'labour-veteran', 'child-of-war', 'family-of-fallen-defender',
  ];
  for (const category of withBenefits) {
    it(`${category}: considered first, citing art. 20 ч. 3, by the distribution of duties (the mayor only for §108's authors)`, () => {
      const out = intake(fakeCard({ applicants: author(category) }));
      expect(out.priority).to.equal('first');
      expect(out.routeTo).to.equal('by-distribution-of-duties');
      const d = decision(out, 'routing');
      expect(d.basis).to.contain('ст. 20 ч. 3');
      expect(d.reasonUk).to.match(/^Першочерговий розгляд/).and.contain('ст. 20 ч. 3 Закону «Про звернення громадян»').and.contain('пільги встановлено законом');
      expect((d.details as { benefitCategories: string[] }).benefitCategories).to.deep.equal([category]);
    });
  }

  it('a person with a disability (the general category) is reviewed before an earlier ordinary appeal', () => {
    const plain = fakeCard({ receivedOn: '2026-03-02' });
    const disabled = fakeCard({ receivedOn: '2026-03-09', applicants: author('person-with-disability') });
    const items = [plain, disabled].map((card) => ({ card, ...intake(card) }));
    expect(items.map((i) => i.priority)).to.deep.equal(['normal', 'first']);
    expect(reviewOrder(items).map((i) => i.card.id)).to.deep.equal([disabled.id, plain.id]);
  });

  it('a Hero of Ukraine stays first and with the mayor under 003 §104, §108 (not art. 20 alone)', () => {
    const out = intake(fakeCard({ applicants: author('hero-of-ukraine') }));
    expect(out).to.include({ priority: 'first', routeTo: 'mayor' });
    expect(decision(out, 'routing').reasonUk).to.contain('(003 §104)');
  });

  it('an author without a category is not first', () => {
    expect(intake(fakeCard()).priority).to.equal('normal');
  });
});

describe('appeals intake, issue 13: a repeat past an open resubmission (003 §99, §102)', () => {
  const person = [{ fullName: 'Гнатюк Оксана Петрівна', address: 'м. Кам’янське, вул. Соборна, буд. 12, кв. 34' }];
  const summary = 'Про ремонт покрівлі будинку № 12 по вул. Соборній';
  /** A answered on the merits on 2 February; B, the same question, written before that answer and still open. */
  const answered = fakeCard({ receivedOn: '2026-01-12', writtenOn: '2026-01-09', applicants: person, summary });
  const open = fakeCard({ receivedOn: '2026-01-20', writtenOn: '2026-01-19', applicants: person, summary });
  function archive(): MemoryArchive {
    const a = new MemoryArchive();
    const rec = (card: AppealCard, answeredOn: string | null): AppealRecord => ({
      card, registered: true, recurrence: 'primary', status: 'accepted', linkedTo: null,
      result: answeredOn ? 'explained' : null, answeredOn, answeredOnMerits: answeredOn !== null,
    });
    a.add(earlierAppealOf(rec(answered, '2026-02-02')));
    a.add(earlierAppealOf({ ...rec(open, null), recurrence: 'resubmitted', linkedTo: answered.id }));
    return a;
  }
  const next = (over: Partial<AppealCard> = {}) => fakeCard({ receivedOn: '2026-03-09', writtenOn: '2026-03-05', applicants: person, summary, ...over });

  it('the question was considered on the merits: «П», linked to that case, and the decision says why (§102)', () => {
    const out = intake(next(), archive());
    expect(out).to.include({ recurrence: 'repeat', mark: 'П', linkedTo: answered.id, routeTo: 'mayor', mandatoryControl: true });
    const d = decision(out, 'recurrence');
    expect(d.decision).to.equal('repeat');
    expect(d.basis).to.contain('§102');
    expect(d.reasonUk).to.contain('003 §102').and.contain(answered.registrationIndex!).and.contain(open.registrationIndex!);
    expect(d.details).to.deep.include({ linkedTo: answered.id, stillOpen: open.id, stillOpenIndex: open.registrationIndex });
    expect(buildAppealReport([appealRecord(next(), out)]).repeat).to.equal(1);
  });

  it('with new facts it is not a repeat but is considered on the merits, linked to the answered case (003 §99)', () => {
    const out = intake(next({ newFacts: true }), archive());
    expect(out).to.include({ recurrence: 'primary', mark: null, linkedTo: answered.id });
    const d = decision(out, 'recurrence');
    expect(d.decision).to.equal('new-facts');
    expect(d.reasonUk).to.contain('нові дані').and.contain(open.registrationIndex!);
  });

  it('written before the answer (only open appeals on file) it is still resubmitted, as before', () => {
    const onlyOpen = new MemoryArchive();
    onlyOpen.add(earlierAppealOf({ card: open, registered: true, recurrence: 'primary', status: 'accepted', linkedTo: null, result: null, answeredOn: null, answeredOnMerits: false }));
    expect(intake(next(), onlyOpen)).to.include({ recurrence: 'resubmitted', linkedTo: open.id, mark: null });
  });
});

describe('appeals intake, issue 13: what art. 5 asks of every appeal', () => {
  it('ч. 6: an oral appeal without a place of residence is returned to the author with the reason (ч. 8, 003 §105)', () => {
    const out = intake(fakeCard({ receivedOn: '2026-03-10', submission: 'oral', channel: 'personal-reception', signed: false, dated: false, applicants: [{ fullName: 'Гнатюк Оксана Петрівна', phone: '+380671234567' }] }));
    expect(out.status).to.equal('returned');
    const d = decision(out, 'completeness');
    expect(d.decision).to.equal('return-to-author');
    expect(d.details).to.deep.include({ missing: ['residence'], returnBy: '2026-03-20' });
    expect(d.reasonUk).to.contain('місце проживання').and.contain('ст. 5 ч. 6').and.contain('ч. 8');
  });

  it('ч. 6: an oral appeal without the patronymic is returned too; with name and residence it is complete', () => {
    const noPatronymic = intake(fakeCard({ submission: 'oral', channel: 'direct-line', signed: false, dated: false, applicants: [{ fullName: 'Гнатюк Оксана', address: 'вул. Соборна, 12, кв. 34' }] }));
    expect(decision(noPatronymic, 'completeness').details).to.deep.include({ missing: ['name'] });
    const complete = intake(fakeCard({ submission: 'oral', channel: 'direct-line', signed: false, dated: false }));
    expect(complete.status).to.equal('accepted');
  });

  it('ч. 2, 003 §99: marked collective with one signer → counted as individual, with the reason', () => {
    const card = fakeCard({ form: 'collective' });
    const out = intake(card);
    expect(out.form).to.equal('individual');
    expect(out.counted).to.deep.equal({ appeals: 1, citizens: 1 });
    expect(out.mandatoryControl).to.equal(false); // §112 "колективні" does not apply
    const d = decision(out, 'collective');
    expect(d.decision).to.equal('count-as-individual');
    expect(d.reasonUk).to.contain('однією особою').and.contain('ст. 5 ч. 2');
    const r = buildAppealReport([appealRecord(card, out)]);
    expect([r.collective, r.byForm.individual]).to.deep.equal([0, 1]);
  });

  it('an e-petition below its threshold with its author alone stays collective (ст. 23-1)', () => {
    const out = intake(fakeCard({ form: 'collective', channel: 'e-petition', ePetition: { number: 'ЕП-17', votes: 112, threshold: 250, collectionEndsOn: '2026-03-01' } }));
    expect(out.form).to.equal('collective');
    expect(decision(out, 'collective').decision).to.equal('count-once');
  });
});
