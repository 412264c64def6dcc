import { expect } from 'chai';
import {
  CalendarCoverageError, createCalendars, LAW_IN_FORCE, MARTIAL_LAW, MARTIAL_LAW_DATA, orthodoxEaster, orthodoxTrinity,
  parseCalendarOverride, PEACETIME, PEACETIME_DATA,
} from './index';
import exampleOverride from '../../../reference-data/calendars/council-override.example.json';

const off = (cal: typeof PEACETIME, dates: string[]): string[] => dates.filter((d) => !cal.isWorkingDay(d));

describe('working-day calendars', () => {
  describe('peacetime data (КЗпП ст. 73 as in force each year)', () => {
    it('lists every year 2000-2100: New Year, Easter, Trinity, Constitution and Independence Day in each', () => {
      const dates = new Set(PEACETIME_DATA.holidays.map((h) => h.date));
      for (let y = 2000; y <= 2100; y++) {
        for (const d of [`${y}-01-01`, orthodoxEaster(y), orthodoxTrinity(y), `${y}-06-28`, `${y}-08-24`]) expect(dates.has(d), d).to.equal(true);
      }
    });

    it('11 dates a year in 2018-2021 and from 2024; 12 in 2017 (two Christmases, 1 and 2 May) and 2022-2023 (28 July)', () => {
      const count = (y: number): number => PEACETIME_DATA.holidays.filter((h) => h.date.startsWith(`${y}-`)).length;
      for (const y of [2018, 2019, 2020, 2021, 2024, 2025, 2030, 2035]) expect(count(y), String(y)).to.equal(11);
      for (const y of [2017, 2022, 2023]) expect(count(y), String(y)).to.equal(12);
    });

    it('before the 2023 changes: 7 January, 9 May, 14 October are holidays', () => {
      const dates = new Set(PEACETIME_DATA.holidays.map((h) => h.date));
      for (const d of ['2021-01-07', '2023-01-07', '2021-05-09', '2023-05-09', '2021-10-14', '2022-10-14']) expect(dates.has(d), d).to.equal(true);
    });

    it('after the 2023 changes: 25 December only, 15 July, 1 October, 8 May', () => {
      const dates = new Set(PEACETIME_DATA.holidays.map((h) => h.date));
      for (const d of ['2024-07-15', '2023-10-01', '2024-10-01', '2024-05-08', '2030-12-25']) expect(dates.has(d), d).to.equal(true);
      for (const d of ['2024-01-07', '2023-10-14', '2024-10-14', '2024-05-09', '2023-07-15']) expect(dates.has(d), d).to.equal(false);
    });
  });

  describe('peacetime', () => {
    it('КЗпП ст. 67 ч. 3: 1 May (Sat) and Easter 2 May (Sun) 2021 move the days off to 3 and 4 May', () => {
      expect(off(PEACETIME, ['2021-04-30', '2021-05-03', '2021-05-04', '2021-05-05'])).to.deep.equal(['2021-05-03', '2021-05-04']);
      expect(PEACETIME.dayOff('2021-05-03')?.kind).to.equal('transfer');
      expect(PEACETIME.dayOff('2021-05-01')).to.deep.include({ kind: 'weekend' });
      expect(PEACETIME.dayOff('2021-05-01')?.name).to.contain('День праці');
    });

    it('2021: 8 March, moved 10 May, moved 21 June (Trinity), 28 June, 24 August, 14 October, moved 27 December', () => {
      const days = ['2021-03-08', '2021-05-10', '2021-06-21', '2021-06-28', '2021-08-24', '2021-10-14', '2021-12-27'];
      expect(off(PEACETIME, days)).to.deep.equal(days);
      expect(off(PEACETIME, ['2021-03-09', '2021-05-11', '2021-06-22', '2021-06-29', '2021-08-23', '2021-10-15', '2021-12-28'])).to.deep.equal([]);
    });

    it('2023: 1 Jan (Sun) → 2 Jan, 7 Jan (Sat) → 9 Jan, 1 Oct (Sun) → 2 Oct; 16 Oct works', () => {
      expect(off(PEACETIME, ['2023-01-02', '2023-01-09', '2023-10-02', '2023-10-16'])).to.deep.equal(['2023-01-02', '2023-01-09', '2023-10-02']);
    });

    it('2024: Easter 5 May → 6 May; 8 May holiday, 9 May works; Trinity 23 June → 24 June; 15 July, 1 October', () => {
      expect(off(PEACETIME, ['2024-05-06', '2024-05-08', '2024-05-09', '2024-06-24', '2024-07-15', '2024-10-01', '2024-10-14', '2024-01-08']))
        .to.deep.equal(['2024-05-06', '2024-05-08', '2024-06-24', '2024-07-15', '2024-10-01']);
    });

    it('refuses dates its holiday data does not cover, with a message for staff', () => {
      expect(() => PEACETIME.isWorkingDay('1999-12-31')).to.throw(CalendarCoverageError);
      expect(PEACETIME.isWorkingDay('2000-01-04')).to.equal(true);
      expect(PEACETIME.isWorkingDay('2100-12-31')).to.equal(true);
      try {
        PEACETIME.isWorkingDay('2101-01-03');
        expect.fail('no error');
      } catch (err) {
        expect((err as CalendarCoverageError).messageUk).to.contain('03.01.2101').and.contain('01.01.2000').and.contain('31.12.2100');
      }
    });
  });

  describe('martial law (Закон № 2136-IX ст. 6)', () => {
    it('holidays are ordinary working days and nothing is moved', () => {
      const days = ['2021-05-03', '2021-05-04', '2022-04-25', '2024-05-08', '2024-07-15', '2025-12-25', '2026-01-01'];
      expect(off(MARTIAL_LAW, days)).to.deep.equal([]);
    });

    it('weekends stay days off; the calendar covers any date', () => {
      expect(off(MARTIAL_LAW, ['2025-08-24', '2025-08-23', '2040-01-07'])).to.deep.equal(['2025-08-24', '2025-08-23', '2040-01-07']);
    });

    it('applies from 24.03.2022, when Law 2136-IX took effect', () => {
      expect(MARTIAL_LAW_DATA.appliesFrom).to.equal('2022-03-24');
      expect(MARTIAL_LAW_DATA.appliesUntil).to.equal(null);
    });
  });

  describe('law in force', () => {
    it('peacetime up to 23.03.2022, martial law from 24.03.2022', () => {
      expect(LAW_IN_FORCE.regimeOn('2022-03-23')).to.equal('peacetime');
      expect(LAW_IN_FORCE.regimeOn('2022-03-24')).to.equal('martial-law');
      expect(LAW_IN_FORCE.isWorkingDay('2022-03-08')).to.equal(false); // 8 March 2022, before the Law
      expect(LAW_IN_FORCE.isWorkingDay('2022-04-25')).to.equal(true); // Monday after Easter 2022
      expect(LAW_IN_FORCE.isWorkingDay('2021-05-03')).to.equal(false);
      expect(LAW_IN_FORCE.isWorkingDay('2026-01-01')).to.equal(true);
    });

    it('switches back to peacetime the day after martial law ends (a council override)', () => {
      const ending = parseCalendarOverride({ calendar: 'martial-law', version: 'ends-2026-06', appliesUntil: '2026-06-30' });
      const { lawInForce } = createCalendars([ending]);
      expect(lawInForce.regimeOn('2026-06-30')).to.equal('martial-law');
      expect(lawInForce.regimeOn('2026-07-01')).to.equal('peacetime');
      expect(lawInForce.isWorkingDay('2026-06-29')).to.equal(true); // Monday after Constitution Day (Sunday) still works
      expect(lawInForce.isWorkingDay('2026-08-24')).to.equal(false); // Independence Day in peace
      expect(lawInForce.version).to.contain('martial-law@2026.1+ends-2026-06');
    });
  });

  describe('council overrides', () => {
    it('the example file adds a day off and a worked Saturday', () => {
      const { peacetime } = createCalendars([parseCalendarOverride(exampleOverride)]);
      expect(peacetime.isWorkingDay('2027-08-21')).to.equal(true); // Saturday worked
      expect(peacetime.isWorkingDay('2027-08-23')).to.equal(false); // Monday off
      expect(peacetime.dayOff('2027-08-23')?.kind).to.equal('extra');
      expect(PEACETIME.isWorkingDay('2027-08-23')).to.equal(true); // the shipped calendar is untouched
    });

    it('can remove and add holidays, and the transfers follow', () => {
      const { peacetime } = createCalendars([
        parseCalendarOverride({
          calendar: 'peacetime', version: 'c1',
          removeHolidays: ['2021-05-09'],
          addHolidays: [{ date: '2021-09-18', name: 'День міста' }],
        }),
      ]);
      expect(peacetime.isWorkingDay('2021-05-10')).to.equal(true); // 9 May removed: nothing moved to Monday
      expect(peacetime.isWorkingDay('2021-09-20')).to.equal(false); // city day on Saturday moves to Monday
    });
  });
});
