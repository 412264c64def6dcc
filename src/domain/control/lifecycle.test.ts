import { expect } from 'chai';
import { addDays } from '../clock';
import {
  assign, ControlRuleError, decideExtension, execute, giveInterimAnswer, isOverdue, release,
  requestExtension, wasLate, type ControlCard, type ControlContext,
} from './index';

/** A fixed day and simple derivations (the real ones come from the working-day calendar). */
function ctx(today: string): ControlContext {
  return {
    now: new Date(`${today}T09:00:00Z`),
    today,
    derive: (term) => ({ reminderOn: addDays(term, -3), coExecutorsDue: addDays(term, -3), extensionDeadline: addDays(term, -3) }),
    appealCap: (receivedOn) => addDays(receivedOn, 45),
  };
}

function card(over: Partial<Parameters<typeof assign>[0]> = {}): ControlCard {
  return assign(
    {
      id: 'c1', documentId: 'd1', resolutionNo: 1, author: 'mayor', executors: ['education-dept', 'finance-dept'],
      task: 'Підготувати відповідь', resolutionDate: '2026-03-10', term: '2026-04-10', rule: 'letter', basis: '003 §178',
      ...over,
    },
    ctx('2026-03-10'),
  );
}

function refused(fn: () => unknown): ControlRuleError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(ControlRuleError);
    return err as ControlRuleError;
  }
  throw new Error('expected the action to be refused');
}

describe('control lifecycle (pure, fixed dates)', () => {
  it('003 §157: a resolution puts the item under control; the first executor is responsible; author controls', () => {
    const c = card();
    expect(c).to.include({ status: 'under-control', controller: 'mayor', termSetBy: 'mayor', term: '2026-04-10', reminderOn: '2026-04-07' });
    expect(c.executors[0]).to.equal('education-dept');
    expect(refused(() => card({ executors: [' '] })).code).to.equal('NO_EXECUTORS');
    expect(refused(() => card({ term: '2026-03-01' })).code).to.equal('TERM_BEFORE_RESOLUTION');
  });

  it('003 §119: an interim answer keeps the item under control', () => {
    const c = giveInterimAnswer(card(), { by: 'education-dept', text: 'Питання вивчається' }, ctx('2026-03-20'));
    expect(c.status).to.equal('under-control');
    expect(c.interimAnswers).to.have.length(1);
    expect(refused(() => giveInterimAnswer(card(), { by: 'stranger', text: 'x' }, ctx('2026-03-20'))).code).to.equal('NOT_AN_EXECUTOR');
  });

  it('003 §158: an extension asked in time and granted by who set the term moves the term and derived dates', () => {
    const asked = requestExtension(card(), { by: 'education-dept', newTerm: '2026-04-24', reason: 'Очікуємо дані від школи' }, ctx('2026-04-06'));
    expect(asked.pendingExtension?.newTerm).to.equal('2026-04-24');
    expect(refused(() => requestExtension(asked, { by: 'education-dept', newTerm: '2026-04-30', reason: 'ще' }, ctx('2026-04-06'))).code).to.equal('EXTENSION_PENDING');
    const granted = decideExtension(asked, { by: 'mayor', granted: true }, ctx('2026-04-07'));
    expect(granted).to.include({ term: '2026-04-24', originalTerm: '2026-04-10', reminderOn: '2026-04-21', pendingExtension: null });
    expect(granted.extensions[0]).to.include({ granted: true, term: '2026-04-24', decidedBy: 'mayor', reason: 'Очікуємо дані від школи' });
  });

  it('003 §158: an extension asked later than 3 working days before the term is refused', () => {
    const e = refused(() => requestExtension(card(), { by: 'education-dept', newTerm: '2026-04-24', reason: 'x' }, ctx('2026-04-08')));
    expect(e.code).to.equal('EXTENSION_TOO_LATE');
    expect(e.basis).to.equal('003 §158');
    expect(e.messageUk).to.contain('3 робочі дні');
  });

  it('003 §158: only who set the term grants an extension (or who stands in for them)', () => {
    const asked = requestExtension(card(), { by: 'finance-dept', newTerm: '2026-04-24', reason: 'x' }, ctx('2026-04-01'));
    expect(refused(() => decideExtension(asked, { by: 'deputy-mayor', granted: true }, ctx('2026-04-02'))).code).to.equal('EXTENSION_NOT_BY_TERM_SETTER');
    const bySubstitute = decideExtension(asked, { by: 'deputy-mayor', standingInFor: 'mayor', granted: true }, ctx('2026-04-02'));
    expect(bySubstitute.term).to.equal('2026-04-24');
    const refusedOne = decideExtension(asked, { by: 'mayor', granted: false, reason: 'Строк достатній' }, ctx('2026-04-02'));
    expect(refusedOne).to.include({ term: '2026-04-10', pendingExtension: null });
    expect(refusedOne.extensions[0]).to.include({ granted: false, decisionReason: 'Строк достатній' });
  });

  it('Law on appeals art. 20: an appeal extension beyond 45 days in total is refused, at request and at grant', () => {
    const appeal = card({ rule: 'appeal', appealReceivedOn: '2026-03-10', term: '2026-04-10' });
    // 45 days from 10 March is 24 April.
    const ok = requestExtension(appeal, { by: 'education-dept', newTerm: '2026-04-24', reason: 'x' }, ctx('2026-04-01'));
    expect(ok.pendingExtension?.newTerm).to.equal('2026-04-24');
    const e = refused(() => requestExtension(appeal, { by: 'education-dept', newTerm: '2026-04-25', reason: 'x' }, ctx('2026-04-01')));
    expect(e.code).to.equal('EXTENSION_BEYOND_CAP');
    expect(e.details).to.include({ cap: '2026-04-24' });
    expect(refused(() => decideExtension(ok, { by: 'mayor', granted: true, term: '2026-05-01' }, ctx('2026-04-02'))).code).to.equal('EXTENSION_BEYOND_CAP');
  });

  it('003 §160: executed only with an answer on the merits; §118: released only by the controller', () => {
    expect(refused(() => execute(card(), { by: 'education-dept', answer: { summary: '' }, onMerits: true }, ctx('2026-04-01'))).code).to.equal('ANSWER_REQUIRED');
    expect(refused(() => execute(card(), { by: 'education-dept', answer: { summary: 'Відповідь' }, onMerits: false }, ctx('2026-04-01'))).code).to.equal('ANSWER_REQUIRED');
    expect(refused(() => release(card(), { by: 'mayor' }, ctx('2026-04-01'))).code).to.equal('RELEASE_WITHOUT_ANSWER');
    const done = execute(card(), { by: 'education-dept', answer: { summary: 'Надано відповідь по суті', outgoingIndex: '02-15/77', result: 'explained' }, onMerits: true }, ctx('2026-04-09'));
    expect(done.status).to.equal('executed');
    expect(refused(() => release(done, { by: 'education-dept' }, ctx('2026-04-10'))).code).to.equal('RELEASE_NOT_BY_CONTROLLER');
    const released = release(done, { by: 'first-deputy', standingInFor: 'mayor' }, ctx('2026-04-10'));
    expect(released).to.include({ status: 'released', releasedBy: 'first-deputy', releasedStandingInFor: 'mayor' });
    expect(refused(() => release(released, { by: 'mayor' }, ctx('2026-04-11'))).code).to.equal('NOT_UNDER_CONTROL');
  });

  it('Law on appeals art. 20: a resolution cannot give an appeal a term beyond 45 days from receipt', () => {
    // 45 days from 10 March is 24 April; a resolution term of 90 days (8 June) is refused.
    const e = refused(() => card({ rule: 'explicit', appealReceivedOn: '2026-03-10', term: '2026-06-08' }));
    expect(e.code).to.equal('APPEAL_TERM_BEYOND_CAP');
    expect(e.basis).to.contain('Про звернення громадян').and.contain('ст. 20');
    expect(e.messageUk).to.contain('45 днів').and.contain('ст. 20');
    expect(e.details).to.include({ term: '2026-06-08', cap: '2026-04-24', receivedOn: '2026-03-10' });
    expect(card({ rule: 'explicit', appealReceivedOn: '2026-03-10', term: '2026-04-24' }).term).to.equal('2026-04-24');
    // A document that is not an appeal has no such cap; nor a petition's own term (art. 23-1, from its consideration).
    expect(card({ rule: 'explicit', term: '2026-06-08' }).term).to.equal('2026-06-08');
    expect(card({ rule: 'petition', appealReceivedOn: '2026-03-10', term: '2026-06-08', appealTermCapped: false }).term).to.equal('2026-06-08');
  });

  it('003 §157: a resolution cannot be dated before the document’s registration', () => {
    const e = refused(() => card({ registrationDate: '2026-03-11', resolutionDate: '2026-03-10' }));
    expect(e.code).to.equal('RESOLUTION_BEFORE_REGISTRATION');
    expect(e.basis).to.contain('003 §157');
    expect(e.details).to.deep.equal({ resolutionDate: '2026-03-10', registrationDate: '2026-03-11' });
    expect(card({ registrationDate: '2026-03-10', resolutionDate: '2026-03-10' }).status).to.equal('under-control');
  });

  it('003 §80, §159: a co-executor does not execute the card; the responsible (first) executor does; the co-executor’s part is an interim answer', () => {
    const e = refused(() => execute(card(), { by: 'finance-dept', answer: { summary: 'Кошторис погоджено' }, onMerits: true }, ctx('2026-04-01')));
    expect(e.code).to.equal('NOT_RESPONSIBLE_EXECUTOR');
    expect(e.basis).to.contain('§80').and.contain('§159');
    expect(e.messageUk).to.contain('першим');
    expect(e.details).to.include({ by: 'finance-dept', responsible: 'education-dept' });
    expect(refused(() => execute(card(), { by: 'stranger', answer: { summary: 'x' }, onMerits: true }, ctx('2026-04-01'))).code).to.equal('NOT_AN_EXECUTOR');
    const part = giveInterimAnswer(card(), { by: 'finance-dept', text: 'Кошторис погоджено' }, ctx('2026-04-01'));
    expect(part.status).to.equal('under-control');
    expect(execute(part, { by: 'education-dept', answer: { summary: 'Відповідь по суті' }, onMerits: true }, ctx('2026-04-02')).status).to.equal('executed');
  });

  it('ЦК ст. 254 ч. 5: an extension given as a date on a day off ends on the next working day', () => {
    // Weekends off: Saturday and Sunday move to Monday.
    const weekend = (d: string) => [0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay());
    const withCalendar = (today: string): ControlContext => ({
      ...ctx(today),
      rollTerm: (term) => {
        let t = term;
        while (weekend(t)) t = addDays(t, 1);
        return t;
      },
    });
    // Saturday 25 April → Monday 27 April; the record keeps the date asked.
    const asked = requestExtension(card(), { by: 'education-dept', newTerm: '2026-04-25', reason: 'x' }, withCalendar('2026-04-01'));
    const granted = decideExtension(asked, { by: 'mayor', granted: true }, withCalendar('2026-04-02'));
    expect(granted.term).to.equal('2026-04-27');
    expect(granted.extensions[0]).to.include({ newTerm: '2026-04-25', term: '2026-04-27' });
    // A grant naming its own date (Sunday 3 May) ends on Monday 4 May.
    const own = decideExtension(asked, { by: 'mayor', granted: true, term: '2026-05-03' }, withCalendar('2026-04-02'));
    expect(own.term).to.equal('2026-05-04');
    // The appeal cap sees the moved term: 45 days from 10 March is Fri 24 April; Sat 25 April ends on Mon 27 April, beyond it.
    const appeal = card({ rule: 'appeal', appealReceivedOn: '2026-03-10', term: '2026-04-10' });
    expect(refused(() => requestExtension(appeal, { by: 'education-dept', newTerm: '2026-04-25', reason: 'x' }, withCalendar('2026-04-01'))).code).to.equal('EXTENSION_BEYOND_CAP');
  });

  it('overdue is derived from the term and today; late is executed after the term', () => {
    const c = card();
    expect(isOverdue(c, '2026-04-10')).to.equal(false);
    expect(isOverdue(c, '2026-04-11')).to.equal(true);
    const late = execute(c, { by: 'education-dept', answer: { summary: 'Відповідь' }, onMerits: true }, ctx('2026-04-13'));
    expect(isOverdue(late, '2026-04-20')).to.equal(false);
    expect(wasLate(late)).to.equal(true);
    expect(wasLate(execute(c, { by: 'education-dept', answer: { summary: 'Відповідь' }, onMerits: true }, ctx('2026-04-10')))).to.equal(false);
  });
});
