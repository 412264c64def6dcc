import { expect } from 'chai';
import { isoWeekday, orthodoxEaster, orthodoxTrinity, PEACETIME_DATA } from './index';

/**
 * Orthodox Easter as published in church calendars (the expected values, by hand), 2000-2035,
 * and 2100, the first year the Julian calendar is 14 days behind (it keeps 29.02.2100).
 */
const EASTER: Record<number, string> = {
  2000: '2000-04-30', 2001: '2001-04-15', 2002: '2002-05-05', 2003: '2003-04-27', 2004: '2004-04-11',
  2005: '2005-05-01', 2006: '2006-04-23', 2007: '2007-04-08', 2008: '2008-04-27', 2009: '2009-04-19',
  2010: '2010-04-04', 2011: '2011-04-24', 2012: '2012-04-15', 2013: '2013-05-05', 2014: '2014-04-20',
  2015: '2015-04-12', 2016: '2016-05-01', 2017: '2017-04-16', 2018: '2018-04-08', 2019: '2019-04-28',
  2020: '2020-04-19', 2021: '2021-05-02', 2022: '2022-04-24', 2023: '2023-04-16', 2024: '2024-05-05',
  2025: '2025-04-20', 2026: '2026-04-12', 2027: '2027-05-02', 2028: '2028-04-16', 2029: '2029-04-08',
  2030: '2030-04-28', 2031: '2031-04-13', 2032: '2032-05-02', 2033: '2033-04-24', 2034: '2034-04-09',
  2035: '2035-04-29', 2100: '2100-05-02',
};

describe('Easter and Trinity (КЗпП ст. 73 ч. 2: Пасха, Трійця)', () => {
  it('the computus gives the published Orthodox Easter for 2000-2035 and 2100', () => {
    for (const [year, date] of Object.entries(EASTER)) expect(orthodoxEaster(Number(year)), year).to.equal(date);
  });

  it('Easter and Trinity are Sundays, 49 days apart, every year 2000-2100', () => {
    for (let y = 2000; y <= 2100; y++) {
      expect(isoWeekday(orthodoxEaster(y)), String(y)).to.equal(7);
      expect(isoWeekday(orthodoxTrinity(y)), String(y)).to.equal(7);
    }
    expect(orthodoxTrinity(2021)).to.equal('2021-06-20');
    expect(orthodoxTrinity(2024)).to.equal('2024-06-23');
    expect(orthodoxTrinity(2026)).to.equal('2026-05-31');
  });

  it('refuses years before the Gregorian calendar and non-integers', () => {
    expect(() => orthodoxEaster(1582)).to.throw(RangeError);
    expect(() => orthodoxEaster(2024.5)).to.throw(RangeError);
  });

  it('the shipped peacetime data has Easter and Trinity on these dates, by name', () => {
    for (const [year, date] of Object.entries(EASTER)) {
      const easter = PEACETIME_DATA.holidays.find((h) => h.date === date);
      const trinity = PEACETIME_DATA.holidays.find((h) => h.date === orthodoxTrinity(Number(year)));
      expect(easter?.name, year).to.contain('Пасха (Великдень)');
      expect(trinity?.name, year).to.contain('Трійця');
    }
  });
});
