import { expect } from 'chai';
import {
  addWorkingDays, isWorkingDay, MARTIAL_LAW, nextWorkingDay, PEACETIME, previousWorkingDay, workingDayOnOrAfter,
  workingDayOnOrBefore, workingDaysBetween,
} from './index';

// Expected values by hand from the 2021 calendar: 30 Apr Fri; 1-2 May weekend (holidays);
// 3-4 May moved days off; 9 May Sunday holiday, 10 May moved day off.
describe('counting working days', () => {
  it('next and previous working day skip weekends, holidays and moved days off', () => {
    expect(nextWorkingDay(PEACETIME, '2021-04-30')).to.equal('2021-05-05');
    expect(previousWorkingDay(PEACETIME, '2021-05-05')).to.equal('2021-04-30');
    expect(nextWorkingDay(MARTIAL_LAW, '2021-04-30')).to.equal('2021-05-03');
    expect(nextWorkingDay(PEACETIME, '2021-05-05')).to.equal('2021-05-06'); // strictly after
  });

  it('on-or-after / on-or-before keep a working day and move a day off', () => {
    expect(workingDayOnOrAfter(PEACETIME, '2021-05-06')).to.equal('2021-05-06');
    expect(workingDayOnOrAfter(PEACETIME, '2021-05-09')).to.equal('2021-05-11');
    expect(workingDayOnOrBefore(PEACETIME, '2021-05-10')).to.equal('2021-05-07');
  });

  it('adds working days forwards and backwards; 0 keeps the date', () => {
    expect(addWorkingDays(PEACETIME, '2021-04-28', 5)).to.equal('2021-05-07');
    expect(addWorkingDays(PEACETIME, '2021-05-07', -5)).to.equal('2021-04-28');
    expect(addWorkingDays(PEACETIME, '2021-05-09', 0)).to.equal('2021-05-09');
    expect(addWorkingDays(MARTIAL_LAW, '2025-12-31', 2)).to.equal('2026-01-02');
    expect(() => addWorkingDays(PEACETIME, '2021-05-07', 1.5)).to.throw(RangeError);
  });

  it('counts working days in (from, to], negative when to is earlier', () => {
    expect(workingDaysBetween(PEACETIME, '2021-04-28', '2021-05-07')).to.equal(5);
    expect(workingDaysBetween(PEACETIME, '2021-05-07', '2021-04-28')).to.equal(-5);
    expect(workingDaysBetween(MARTIAL_LAW, '2021-04-28', '2021-05-07')).to.equal(7);
    expect(workingDaysBetween(PEACETIME, '2021-05-01', '2021-05-04')).to.equal(0);
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay(PEACETIME, '2021-5-3')).to.throw(/YYYY-MM-DD/);
  });
});
