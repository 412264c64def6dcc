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
