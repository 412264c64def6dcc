/**
 * Every holiday and every moved day off of the peacetime calendar for the years below, against a
 * list written by hand from the laws (not from the code): art. 73 КЗпП as amended (the acts are
 * cited per line), Orthodox Easter from church calendars, the weekday of each date from a wall
 * calendar, and ч. 3 ст. 67 КЗпП: a holiday on a Saturday or Sunday moves the day off to the next
 * day that is neither a weekend, a holiday nor already a moved day off.
 */
import { expect } from 'chai';
import { addDays, isoWeekday, LAW_IN_FORCE, PEACETIME, type IsoDate } from './index';
import { labourCodeHolidays } from './labour-code-holidays';

interface Year {
  /** MM-DD of every art. 73 day in force that year. */
  holidays: string;
  /** MM-DD of every day off moved by ч. 3 ст. 67. */
  moved: string;
}

const BY_HAND: Record<number, Year> = {
  // Art. 73 as of 2000: 1.01, 7.01, 8.03, 1-2.05, 9.05, 28.06, 24.08; Easter 30.04, Trinity 18.06.
  // 1.01 Sat → 3.01; Easter Sun 30.04 → 1-2.05 are holidays → 3.05; Trinity → 19.06.
  2000: { holidays: '01-01 01-07 03-08 04-30 05-01 05-02 05-09 06-18 06-28 08-24', moved: '01-03 05-03 06-19' },
  // Easter falls on 1 May: one date, one moved day (→ 3.05, 2.05 being a holiday).
  2005: { holidays: '01-01 01-07 03-08 05-01 05-02 05-09 06-19 06-28 08-24', moved: '01-03 05-03 06-20' },
  // 1.05 Sat, 2.05 Sun → 3.05, 4.05; 9.05 Sun → 10.05.
  2010: { holidays: '01-01 01-07 03-08 04-04 05-01 05-02 05-09 05-23 06-28 08-24', moved: '04-05 05-03 05-04 05-10 05-24' },
  // 14.10 added by Law 238-VIII of 05.03.2015. 8.03 Sun, 2.05 Sat, 9.05 Sat, 28.06 Sun.
  2015: { holidays: '01-01 01-07 03-08 04-12 05-01 05-02 05-09 05-31 06-28 08-24 10-14', moved: '03-09 04-13 05-04 05-11 06-01 06-29' },
  2016: { holidays: '01-01 01-07 03-08 05-01 05-02 05-09 06-19 06-28 08-24 10-14', moved: '05-03 06-20' },
  // 25.12 added by Law 2211-VIII of 16.11.2017 (in force 02.12.2017). 1.01 Sun, 7.01 Sat, 14.10 Sat.
  2017: { holidays: '01-01 01-07 03-08 04-16 05-01 05-02 05-09 06-04 06-28 08-24 10-14 12-25', moved: '01-02 01-09 04-17 06-05 10-16' },
  // 2.05 no longer a holiday (Law 2211-VIII). 7.01 Sun, 14.10 Sun.
  2018: { holidays: '01-01 01-07 03-08 04-08 05-01 05-09 05-27 06-28 08-24 10-14 12-25', moved: '01-08 04-09 05-28 10-15' },
  2020: { holidays: '01-01 01-07 03-08 04-19 05-01 05-09 06-07 06-28 08-24 10-14 12-25', moved: '03-09 04-20 05-11 06-08 06-29' },
  // 1.05 Sat and Easter 2.05 Sun → 3.05 and 4.05; 9.05 Sun → 10.05; 25.12 Sat → 27.12.
  2021: { holidays: '01-01 01-07 03-08 05-01 05-02 05-09 06-20 06-28 08-24 10-14 12-25', moved: '05-03 05-04 05-10 06-21 12-27' },
  // 28.07 added by the law of 31.05.2022 (bill 5864).
  2022: { holidays: '01-01 01-07 03-08 04-24 05-01 05-09 06-12 06-28 07-28 08-24 10-14 12-25', moved: '01-03 04-25 05-02 06-13 12-26' },
  // 9.05 still (Law 3107-IX in force 15.06.2023); 28.07 still (the law of 14.07.2023 signed 28.07.2023);
  // 1.10 instead of 14.10 from that law. 1.01 Sun, 7.01 Sat, 1.10 Sun.
  2023: { holidays: '01-01 01-07 03-08 04-16 05-01 05-09 06-04 06-28 07-28 08-24 10-01 12-25', moved: '01-02 01-09 04-17 06-05 10-02' },
  // No 7.01; 8.05 instead of 9.05; 15.07 instead of 28.07. 24.08 Sat → 26.08.
  2024: { holidays: '01-01 03-08 05-01 05-05 05-08 06-23 06-28 07-15 08-24 10-01 12-25', moved: '05-06 06-24 08-26' },
  2025: { holidays: '01-01 03-08 04-20 05-01 05-08 06-08 06-28 07-15 08-24 10-01 12-25', moved: '03-10 04-21 06-09 06-30 08-25' },
  2026: { holidays: '01-01 03-08 04-12 05-01 05-08 05-31 06-28 07-15 08-24 10-01 12-25', moved: '03-09 04-13 06-01 06-29' },
  // 1.05 Sat, Easter 2.05 Sun, 8.05 Sat → 3.05, 4.05, 10.05; 25.12 Sat → 27.12.
  2027: { holidays: '01-01 03-08 05-01 05-02 05-08 06-20 06-28 07-15 08-24 10-01 12-25', moved: '05-03 05-04 05-10 06-21 12-27' },
  // Easter 2.05 (Julian 19.04 + 14 days).
  2100: { holidays: '01-01 03-08 05-01 05-02 05-08 06-20 06-28 07-15 08-24 10-01 12-25', moved: '05-03 05-04 05-10 06-21 12-27' },
};

const dates = (year: number, list: string): IsoDate[] => list.split(' ').map((md) => `${year}-${md}`);

function daysOfYear(year: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('public holidays and moved days off, 2000-2100 (КЗпП ст. 73, ст. 67 ч. 3), against a list by hand', () => {
  for (const [y, expected] of Object.entries(BY_HAND)) {
    const year = Number(y);
    it(`${year}: every art. 73 day, every moved day off, and no other weekday off`, () => {
      expect(labourCodeHolidays(year).map((h) => h.date)).to.deep.equal(dates(year, expected.holidays));
      const days = daysOfYear(year);
      expect(days.filter((d) => PEACETIME.dayOff(d)?.kind === 'transfer')).to.deep.equal(dates(year, expected.moved));
      const weekdaysOff = days.filter((d) => isoWeekday(d) <= 5 && !PEACETIME.isWorkingDay(d));
      const listed = [...dates(year, expected.holidays).filter((d) => isoWeekday(d) <= 5), ...dates(year, expected.moved)].sort();
      expect(weekdaysOff).to.deep.equal(listed);
    });
  }

  it('names each day with its rule, and the act that set it where one did', () => {
    const name = (date: IsoDate): string => labourCodeHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)?.name ?? '';
    for (const y of Object.keys(BY_HAND)) for (const h of labourCodeHolidays(Number(y))) expect(h.name).to.match(/ст\. 73 КЗпП/);
    expect(name('2000-06-18')).to.equal('Трійця, ч. 2 ст. 73 КЗпП');
    expect(name('2015-10-14')).to.contain('День захисника України').and.contain('Закону № 238-VIII від 05.03.2015');
    expect(name('2021-10-14')).to.contain('День захисників і захисниць України').and.contain('№ 1643-IX');
    expect(name('2017-12-25')).to.contain('Різдво Христове').and.contain('№ 2211-VIII від 16.11.2017');
    expect(name('2018-05-01')).to.contain('День праці');
    expect(name('2017-05-01')).to.contain('День міжнародної солідарності трудящих');
    expect(name('2024-05-08')).to.contain('№ 3107-IX від 29.05.2023');
    expect(name('2024-07-15')).to.contain('законопроєкт № 9431');
    expect(name('2005-05-01')).to.contain('Пасха (Великдень)').and.contain('День міжнародної солідарності трудящих');
  });

  it('says where a moved day off comes from', () => {
    expect(PEACETIME.dayOff('2018-05-28')?.name).to.equal('вихідний перенесено з 27.05.2018 (Трійця, ч. 2 ст. 73 КЗпП) за ч. 3 ст. 67 КЗпП');
  });

  it('refuses years it has no rules for', () => {
    expect(() => labourCodeHolidays(1999)).to.throw(RangeError);
    expect(() => labourCodeHolidays(2101)).to.throw(RangeError);
  });

  it('law in force: 2022 keeps peacetime days off until 23.03.2022, then none (Закон № 2136-IX, ст. 6)', () => {
    const offIn = (year: number): IsoDate[] => daysOfYear(year).filter((d) => isoWeekday(d) <= 5 && !LAW_IN_FORCE.isWorkingDay(d));
    expect(offIn(2022)).to.deep.equal(['2022-01-03', '2022-01-07', '2022-03-08']);
    for (const year of [2023, 2024, 2025, 2026, 2027]) expect(offIn(year), String(year)).to.deep.equal([]);
    for (const year of [2000, 2010, 2018, 2021]) {
      expect(offIn(year), String(year)).to.deep.equal(daysOfYear(year).filter((d) => isoWeekday(d) <= 5 && !PEACETIME.isWorkingDay(d)));
    }
  });
});
