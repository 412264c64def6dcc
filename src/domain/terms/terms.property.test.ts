/** Term invariants over random event dates, every rule with a default and all three calendars. */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  addDays, addWorkingDays, daysBetween, daysInMonth, LAW_IN_FORCE, MARTIAL_LAW, PEACETIME, workingDaysBetween, type WorkingDayCalendar,
} from '../calendar';
import { computeTerm, listRules } from './index';

const DAY0 = Date.UTC(2020, 1, 1) / 86_400_000;
const DAYS = Date.UTC(2035, 9, 1) / 86_400_000 - DAY0;
const date = fc.integer({ min: 0, max: DAYS }).map((n) => new Date((DAY0 + n) * 86_400_000).toISOString().slice(0, 10));
const calendar = fc.constantFrom<WorkingDayCalendar>(PEACETIME, MARTIAL_LAW, LAW_IN_FORCE);
const defaulted = listRules().filter((r) => !r.requiresExplicitTerm);
const rolledRule = fc.constantFrom(...defaulted.filter((r) => r.unit !== 'hours').map((r) => r.id));
const anyRule = fc.constantFrom(...defaulted.map((r) => r.id));
const roll = fc.constantFrom<'next' | 'previous'>('next', 'previous');
const RUNS = { numRuns: 300 };

describe('term invariants (property-based)', () => {
  it('a term is never a non-working day when it is rolled (either way), and always after the event', () => {
    fc.assert(
      fc.property(rolledRule, date, calendar, roll, (rule, from, cal, policy) => {
        const r = computeTerm({ rule, from, calendar: cal, options: { roll: policy } });
        return cal.isWorkingDay(r.term) && r.term > from;
      }),
      RUNS,
    );
  });

  it('rolling next never moves the term earlier, rolling previous never later', () => {
    fc.assert(
      fc.property(rolledRule, date, calendar, (rule, from, cal) => {
        const next = computeTerm({ rule, from, calendar: cal });
        const prev = computeTerm({ rule, from, calendar: cal, options: { roll: 'previous' } });
        return next.term >= next.unadjustedTerm && (prev.term <= prev.unadjustedTerm || prev.adjustment === 'next-working-day');
      }),
      RUNS,
    );
  });

  it('a later event never gives an earlier term', () => {
    fc.assert(
      fc.property(anyRule, date, fc.integer({ min: 0, max: 40 }), calendar, (rule, from, gap, cal) => {
        const later = addDays(from, gap);
        return computeTerm({ rule, from, calendar: cal }).term <= computeTerm({ rule, from: later, calendar: cal }).term;
      }),
      RUNS,
    );
  });

  it('by unit: N calendar days, N working days, the same day of month or its last day', () => {
    fc.assert(
      fc.property(anyRule, date, calendar, (rule, from, cal) => {
        const r = computeTerm({ rule, from, calendar: cal });
        if (r.unit === 'calendar-days') expect(daysBetween(from, r.unadjustedTerm)).to.equal(r.amount);
        if (r.unit === 'hours') expect(daysBetween(from, r.term)).to.equal(r.amount / 24);
        if (r.unit === 'working-days') expect(workingDaysBetween(cal, from, r.term)).to.equal(r.amount);
        if (r.unit === 'months') {
          const [y, m, d] = r.unadjustedTerm.split('-').map(Number) as [number, number, number];
          const fromDay = Number(from.slice(8));
          expect(d === fromDay || (d === daysInMonth(y, m) && fromDay > d)).to.equal(true);
        }
      }),
      RUNS,
    );
  });

  it('derived dates lie between the event and the term; co-executors hand over no later than the reminder', () => {
    fc.assert(
      fc.property(anyRule, date, calendar, (rule, from, cal) => {
        const r = computeTerm({ rule, from, calendar: cal });
        for (const d of [r.reminder, r.coExecutorsDue, r.extensionRequestDeadline]) expect(d >= from && d <= r.term).to.equal(true);
        expect(r.coExecutorsDue <= r.reminder).to.equal(true);
        // Unless clamped to the event, the reminder is exactly 3 working days before the term.
        if (r.reminder > from) expect(r.reminder).to.equal(addWorkingDays(cal, r.term, -3));
      }),
      RUNS,
    );
  });

  it('an explicit term after the event always wins (moved at most to the next working day)', () => {
    fc.assert(
      fc.property(anyRule, date, fc.integer({ min: 1, max: 90 }), calendar, (rule, from, ahead, cal) => {
        const explicitTerm = addDays(from, ahead);
        const r = computeTerm({ rule, from, calendar: cal, explicitTerm });
        return r.explicit && r.unadjustedTerm === explicitTerm && r.term >= explicitTerm && cal.isWorkingDay(r.term);
      }),
      RUNS,
    );
  });
});
