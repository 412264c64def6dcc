/**
 * Calendar invariants, checked with fast-check over every date the shipped data covers and all
 * three calendars (peacetime, martial law, law in force).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  addDays, addWorkingDays, isoWeekday, LAW_IN_FORCE, MARTIAL_LAW, nextWorkingDay, PEACETIME, PEACETIME_DATA,
  previousWorkingDay, workingDayOnOrAfter, workingDaysBetween, type IsoDate, type WorkingDayCalendar,
} from './index';

const DAY0 = Date.UTC(2000, 1, 1) / 86_400_000; // 2000-02-01: room for counting back
const DAYS = Date.UTC(2100, 9, 1) / 86_400_000 - DAY0; // up to 2100-10-01: room for counting on

const date = fc.integer({ min: 0, max: DAYS }).map((n) => new Date((DAY0 + n) * 86_400_000).toISOString().slice(0, 10));
const calendar = fc.constantFrom<WorkingDayCalendar>(PEACETIME, MARTIAL_LAW, LAW_IN_FORCE);
const RUNS = { numRuns: 400 };

describe('calendar invariants (property-based)', () => {
  it('a weekend day is never a working day in any shipped calendar', () => {
    fc.assert(fc.property(date, calendar, (d, cal) => !(isoWeekday(d) >= 6 && cal.isWorkingDay(d))), RUNS);
  });

  it('martial law: every weekday is a working day', () => {
    fc.assert(fc.property(date, (d) => (isoWeekday(d) <= 5) === MARTIAL_LAW.isWorkingDay(d)), RUNS);
  });

  it('peacetime has no more working days than martial law', () => {
    fc.assert(fc.property(date, (d) => !PEACETIME.isWorkingDay(d) || MARTIAL_LAW.isWorkingDay(d)), RUNS);
  });

  it('law in force agrees with peacetime before 24.03.2022 and with martial law from then', () => {
    fc.assert(
      fc.property(date, (d) => LAW_IN_FORCE.isWorkingDay(d) === (d < '2022-03-24' ? PEACETIME : MARTIAL_LAW).isWorkingDay(d)),
      RUNS,
    );
  });

  it('next working day: later, a working day, and only days off in between', () => {
    fc.assert(
      fc.property(date, calendar, (d, cal) => {
        const next = nextWorkingDay(cal, d);
        expect(next > d && cal.isWorkingDay(next)).to.equal(true);
        for (let x = addDays(d, 1); x < next; x = addDays(x, 1)) expect(cal.isWorkingDay(x), x).to.equal(false);
      }),
      RUNS,
    );
  });

  it('previous and next working day are inverse on working days', () => {
    fc.assert(
      fc.property(date, calendar, (d, cal) => {
        const w = workingDayOnOrAfter(cal, d);
        return previousWorkingDay(cal, nextWorkingDay(cal, w)) === w && nextWorkingDay(cal, previousWorkingDay(cal, w)) === w;
      }),
      RUNS,
    );
  });

  it('adding N working days then counting back N returns a working start', () => {
    fc.assert(
      fc.property(date, calendar, fc.integer({ min: 0, max: 60 }), (d, cal, n) => {
        const start = workingDayOnOrAfter(cal, d);
        return addWorkingDays(cal, addWorkingDays(cal, start, n), -n) === start;
      }),
      RUNS,
    );
  });

  it('adding N working days lands on a working day exactly N working days later', () => {
    fc.assert(
      fc.property(date, calendar, fc.integer({ min: 1, max: 60 }), (d, cal, n) => {
        const end = addWorkingDays(cal, d, n);
        return cal.isWorkingDay(end) && workingDaysBetween(cal, d, end) === n && end > d;
      }),
      RUNS,
    );
  });

  it('working days between is additive: (a, b] + (b, c] = (a, c]', () => {
    fc.assert(
      fc.property(date, date, date, calendar, (x, y, z, cal) => {
        const [a, b, c] = [x, y, z].sort() as [IsoDate, IsoDate, IsoDate];
        return workingDaysBetween(cal, a, b) + workingDaysBetween(cal, b, c) === workingDaysBetween(cal, a, c);
      }),
      { numRuns: 60 },
    );
  });

  it('peacetime: each holiday on a weekend moves exactly one weekday off (КЗпП ст. 67 ч. 3)', () => {
    const years = fc.integer({ min: 2000, max: 2100 });
    fc.assert(
      fc.property(years, (year) => {
        const holidays = PEACETIME_DATA.holidays.filter((h) => h.date.startsWith(`${year}-`));
        const onWeekend = holidays.filter((h) => isoWeekday(h.date) >= 6).length;
        let moved = 0;
        // Transfers of a year's holidays land by 5 January of the next year at the latest.
        for (let d = `${year}-01-01`; d <= `${year + 1}-01-05` && d <= '2100-12-31'; d = addDays(d, 1)) {
          const off = PEACETIME.dayOff(d);
          if (off?.kind === 'transfer' && off.name.includes(`.${year} (`)) moved++;
        }
        return moved === onWeekend;
      }),
      { numRuns: 60 },
    );
  });
});
