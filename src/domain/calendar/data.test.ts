import { expect } from 'chai';
import {
  applyCalendarOverride, CalendarDataError, MARTIAL_LAW_DATA, parseCalendarData, parseCalendarOverride, PEACETIME_DATA,
} from './index';

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(CalendarDataError);
    return (err as CalendarDataError).problems;
  }
  return expect.fail('no error') as never;
}

describe('calendar data and council overrides', () => {
  it('the shipped data is valid and versioned', () => {
    expect(PEACETIME_DATA.version).to.match(/\S/);
    expect(PEACETIME_DATA.covers).to.deep.equal({ from: '2000-01-01', to: '2100-12-31' });
    expect(MARTIAL_LAW_DATA.holidaysAreDaysOff).to.equal(false);
    expect(MARTIAL_LAW_DATA.transferWeekendHolidays).to.equal(false);
  });

  it('lists every problem of a broken data file', () => {
    const found = problems(() =>
      parseCalendarData({ ...PEACETIME_DATA, version: '', holidays: [{ date: '2026-02-30', name: 'x' }, { date: '2026-01-01' }], weekend: [0] }),
    );
    expect(found.join('\n')).to.contain('version').and.to.contain('2026-02-30').and.to.contain('holidays[1]').and.to.contain('weekend');
  });

  it('says each problem in Ukrainian too, in the same order, for the IT person who edits the file', () => {
    let err: CalendarDataError | undefined;
    try {
      parseCalendarOverride({ calendar: 'peacetime', version: 'council-1', covers: { from: '2026-13-01', to: null }, colour: 'red' }, 'council.json');
    } catch (e) {
      err = e as CalendarDataError;
    }
    expect(err?.problemsUk).to.deep.equal(['covers.from має бути датою РРРР-ММ-ДД або null, отримано "2026-13-01"', 'невідоме поле colour']);
    expect(err?.problems).to.have.length(2);
    expect(err?.messageUk).to.equal('дані календаря council.json: covers.from має бути датою РРРР-ММ-ДД або null, отримано "2026-13-01"; невідоме поле colour');
  });

  it('refuses the same date twice, and a day both off and worked', () => {
    expect(problems(() => parseCalendarData({ ...PEACETIME_DATA, holidays: [...PEACETIME_DATA.holidays, { date: '2026-01-01', name: 'again' }] })).join())
      .to.contain('2026-01-01 twice');
    expect(problems(() => parseCalendarData({
      ...PEACETIME_DATA,
      extraDaysOff: [{ date: '2026-05-04', name: 'a' }],
      extraWorkingDays: [{ date: '2026-05-04', name: 'b' }],
    })).join()).to.contain('both');
  });

  it('an override must name fields it knows and the calendar it changes', () => {
    expect(problems(() => parseCalendarOverride({ calendar: 'peacetime', version: 'v', holidayz: [] })).join()).to.contain('unknown field holidayz');
    const o = parseCalendarOverride({ calendar: 'martial-law', version: 'v' });
    expect(problems(() => applyCalendarOverride(PEACETIME_DATA, o)).join()).to.contain('not "peacetime"');
  });

  it('merges: scalars replace, holidays removed then added, extra days appended, version chained', () => {
    const merged = applyCalendarOverride(PEACETIME_DATA, parseCalendarOverride({
      calendar: 'peacetime',
      version: 'kryvyi-rih-1',
      covers: { from: '2020-01-01', to: '2030-12-31' },
      removeHolidays: ['2026-03-08'],
      addHolidays: [{ date: '2026-09-18', name: 'День міста' }, { date: '2026-12-25', name: 'Різдво Христове (рішення ради)' }],
      extraDaysOff: [{ date: '2026-12-31', name: 'Неробочий день' }],
    }));
    expect(merged.version).to.equal(`${PEACETIME_DATA.version}+kryvyi-rih-1`);
    expect(merged.covers.to).to.equal('2030-12-31');
    const dates = merged.holidays.map((h) => h.date);
    expect(dates).to.include('2026-09-18').and.not.include('2026-03-08');
    expect(merged.holidays.filter((h) => h.date === '2026-12-25').map((h) => h.name)).to.deep.equal(['Різдво Христове (рішення ради)']);
    expect(dates).to.deep.equal([...dates].sort());
    expect(merged.extraDaysOff).to.have.length(1);
    expect(PEACETIME_DATA.holidays.map((h) => h.date)).to.include('2026-03-08'); // the base is not mutated
  });
});
