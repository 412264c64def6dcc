import { expect } from 'chai';
import { MARTIAL_LAW, PEACETIME } from '../calendar';
import { computeTerm, deriveDates, TermError } from './index';

function refused(fn: () => unknown): TermError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(TermError);
    return err as TermError;
  }
  return expect.fail('no error') as never;
}

// Derived dates worked out by hand; the calendar facts are in term-cases.test.ts.
describe('computeTerm: derived dates and options', () => {
  it('appeal (003 §117, §80): reminder 3 and co-executors 4 working days before, over moved days off', () => {
    // Term Wed 5 May 2021; 3-4 May are moved days off: Fri 30 Apr (1), Thu 29 (2), Wed 28 (3), Tue 27 (4).
    const r = computeTerm({ rule: 'appeal', from: '2021-04-03', calendar: PEACETIME });
    expect(r).to.deep.include({
      term: '2021-05-05', reminder: '2021-04-28', coExecutorsDue: '2021-04-27', extensionRequestDeadline: '2021-04-28',
      unadjustedTerm: '2021-05-03', adjustment: 'next-working-day', explicit: false, kind: 'appeal',
    });
    expect(r.basis).to.contain('ст. 20').and.to.contain('п. 113');
    expect(r.notes.join('\n')).to.contain('ст. 254 ч. 5').and.to.contain('03.05.2021');
  });

  it('letter (003 §159): co-executors 3 working days before, skipping 14 Oct 2021', () => {
    // Term Fri 15 Oct 2021; Thu 14 Oct is a holiday: Wed 13 (1), Tue 12 (2), Mon 11 (3).
    const r = computeTerm({ rule: 'letter', from: '2021-09-14', calendar: PEACETIME });
    expect(r).to.deep.include({ term: '2021-10-15', reminder: '2021-10-11', coExecutorsDue: '2021-10-11', extensionRequestDeadline: '2021-10-11' });
  });

  it('leap-year appeal: reminder Thu 24 Feb, co-executors Wed 23 Feb 2028', () => {
    const r = computeTerm({ rule: 'appeal', from: '2028-01-31', calendar: MARTIAL_LAW });
    expect(r).to.deep.include({ term: '2028-02-29', reminder: '2028-02-24', coExecutorsDue: '2028-02-23' });
  });

  it('003 §158: a document without a term may ask for an extension up to the end of its 30 days', () => {
    const r = computeTerm({ rule: 'document', from: '2025-01-15', calendar: MARTIAL_LAW });
    expect(r).to.deep.include({ term: '2025-02-14', reminder: '2025-02-11', extensionRequestDeadline: '2025-02-14' });
    // With a term written in it, the usual 3 working days apply.
    const withTerm = computeTerm({ rule: 'document', from: '2025-01-15', calendar: MARTIAL_LAW, explicitTerm: '2025-02-14' });
    expect(withTerm.extensionRequestDeadline).to.equal('2025-02-11');
  });

  it('derived dates never fall before the event (an urgent telegram is reminded at once)', () => {
    const r = computeTerm({ rule: 'urgent-telegram', from: '2025-12-31', calendar: MARTIAL_LAW });
    expect(r).to.deep.include({ term: '2026-01-02', reminder: '2025-12-31', coExecutorsDue: '2025-12-31', extensionRequestDeadline: '2025-12-31' });
  });

  it('Christmas 2026 in peacetime: term Mon 28 Dec, reminder Tue 22, co-executors (appeal) Mon 21', () => {
    const r = computeTerm({ rule: 'appeal', from: '2026-11-25', calendar: PEACETIME });
    expect(r).to.deep.include({ term: '2026-12-28', reminder: '2026-12-22', coExecutorsDue: '2026-12-21' });
  });

  it('an explicit term wins, and is still moved off a day off unless told not to', () => {
    const r = computeTerm({ rule: 'letter', from: '2025-05-01', calendar: MARTIAL_LAW, explicitTerm: '2025-05-10' });
    expect(r).to.deep.include({ term: '2025-05-12', unadjustedTerm: '2025-05-10', explicit: true });
    expect(r.basis).to.contain('зазначений у документі або резолюції').and.to.contain('п. 178');
    const asWritten = computeTerm({
      rule: 'letter', from: '2025-05-01', calendar: MARTIAL_LAW, explicitTerm: '2025-05-10', options: { rollExplicitTerm: false },
    });
    expect(asWritten.term).to.equal('2025-05-10');
  });

  it('48 hours are not moved off a Sunday', () => {
    const r = computeTerm({ rule: 'info-request-urgent', from: '2025-06-06', calendar: MARTIAL_LAW });
    expect(r).to.deep.include({ term: '2025-06-08', adjustment: 'none' });
    expect(r.notes.join()).to.contain('не переноситься');
  });

  it('a council can change a rule, the reminder and the co-executors\' days', () => {
    // 003 §107 reads "5 робочих днів": a council that follows it overrides the law's 5 days.
    const r = computeTerm({
      rule: 'forwarding', from: '2021-04-28', calendar: PEACETIME,
      options: {
        rules: { forwarding: { unit: 'working-days', basis: '003 п. 107' } },
        reminderWorkingDays: 1,
        coExecutorWorkingDays: { appeal: 2 },
      },
    });
    // Thu 29 (1), Fri 30 (2), Wed 5 (3), Thu 6 (4), Fri 7 May (5).
    expect(r).to.deep.include({ term: '2021-05-07', basis: '003 п. 107', reminder: '2021-05-06', coExecutorsDue: '2021-05-05' });
  });

  it('a council can add its own rule', () => {
    const r = computeTerm({
      rule: 'deputy-request', from: '2025-03-03', calendar: MARTIAL_LAW,
      options: { rules: { 'deputy-request': { title: 'Депутатський запит', amount: 10, unit: 'calendar-days', kind: 'document', countsFrom: 'з дня одержання', basis: 'Закон «Про статус депутатів місцевих рад» ст. 13' } } },
    });
    expect(r.term).to.equal('2025-03-13');
  });

  it('deriveDates recomputes the dates for an extended term, by kind', () => {
    // Extended to Fri 15 Oct 2021 (Thu 14 Oct a holiday): Wed 13 (1), Tue 12 (2), Mon 11 (3), Fri 8 (4).
    expect(deriveDates({ term: '2021-10-15', kind: 'appeal', calendar: PEACETIME }))
      .to.deep.equal({ reminder: '2021-10-11', coExecutorsDue: '2021-10-08', extensionRequestDeadline: '2021-10-11' });
    expect(deriveDates({ term: '2021-10-15', kind: 'document', calendar: MARTIAL_LAW }))
      .to.deep.equal({ reminder: '2021-10-12', coExecutorsDue: '2021-10-12', extensionRequestDeadline: '2021-10-12' });
    expect(deriveDates({ term: '2021-10-15', from: '2021-10-13', kind: 'document', calendar: MARTIAL_LAW }).reminder).to.equal('2021-10-13');
  });

  it('refuses with a clear reason: unknown rule, missing explicit term, explicit term before the event, bad date', () => {
    expect(refused(() => computeTerm({ rule: 'appeals', from: '2025-01-01', calendar: PEACETIME })).code).to.equal('UNKNOWN_RULE');
    const missing = refused(() => computeTerm({ rule: 'prosecutor-demand', from: '2025-01-01', calendar: PEACETIME }));
    expect(missing.code).to.equal('EXPLICIT_TERM_REQUIRED');
    expect(missing.messageUk).to.contain('строк');
    expect(refused(() => computeTerm({ rule: 'letter', from: '2025-03-01', calendar: PEACETIME, explicitTerm: '2025-02-28' })).code)
      .to.equal('EXPLICIT_TERM_BEFORE_EVENT');
    expect(refused(() => computeTerm({ rule: 'letter', from: '01.03.2025', calendar: PEACETIME })).code).to.equal('INVALID_DATE');
  });
});
