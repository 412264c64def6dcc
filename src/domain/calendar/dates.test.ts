import { expect } from 'chai';
import {
  addDays, addMonths, daysBetween, formatDateUk, InvalidDateError, isIsoDate, isLeapYear, isoWeekday, weekdayShortUk,
} from './index';

describe('calendar dates (YYYY-MM-DD, no time zone)', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2028-02-29')).to.equal(true);
    expect(isIsoDate('2027-02-29')).to.equal(false);
    expect(isIsoDate('2026-13-01')).to.equal(false);
    expect(isIsoDate('2026-04-31')).to.equal(false);
    expect(isIsoDate('2026-4-1')).to.equal(false);
    expect(isIsoDate('2026-04-01T00:00:00Z')).to.equal(false);
    expect(isIsoDate(20260401)).to.equal(false);
    expect(() => addDays('2026-02-30', 1)).to.throw(InvalidDateError);
  });

  it('leap years: divisible by 4, not by 100 unless by 400', () => {
    expect([2024, 2028, 2000].map(isLeapYear)).to.deep.equal([true, true, true]);
    expect([2025, 2100, 1900].map(isLeapYear)).to.deep.equal([false, false, false]);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).to.equal('2026-01-01');
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2027-02-28', 1)).to.equal('2027-03-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    // The DST switch in Kyiv (last Sunday of March / October) changes nothing for dates.
    expect(addDays('2026-03-28', 2)).to.equal('2026-03-30');
    expect(addDays('2026-10-24', 2)).to.equal('2026-10-26');
    expect(daysBetween('2025-01-10', '2025-02-24')).to.equal(45);
  });

  it('ЦК ст. 254 ч. 2: same day of the month, or the last day when there is none', () => {
    expect(addMonths('2025-01-31', 1)).to.equal('2025-02-28');
    expect(addMonths('2028-01-31', 1)).to.equal('2028-02-29');
    expect(addMonths('2028-02-29', 12)).to.equal('2029-02-28');
    expect(addMonths('2025-03-31', 1)).to.equal('2025-04-30');
    expect(addMonths('2025-12-15', 1)).to.equal('2026-01-15');
    expect(addMonths('2026-01-15', -1)).to.equal('2025-12-15');
  });

  it('weekdays (checked against a printed calendar)', () => {
    expect(isoWeekday('2026-01-01')).to.equal(4); // Thursday
    expect(isoWeekday('2022-02-24')).to.equal(4); // Thursday
    expect(isoWeekday('2028-02-29')).to.equal(2); // Tuesday
    expect(isoWeekday('2021-05-02')).to.equal(7); // Sunday
    expect(weekdayShortUk('2021-05-01')).to.equal('сб');
  });

  it('writes dates for staff as DD.MM.YYYY', () => {
    expect(formatDateUk('2026-03-08')).to.equal('08.03.2026');
  });
});
