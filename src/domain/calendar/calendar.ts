/**
 * A working-day calendar built from calendar data: Monday-Friday minus days off.
 *
 * Why a day is off, in the order it is decided:
 *  1. listed as an extra working day (a worked Saturday of a КМУ transfer) → working;
 *  2. listed as an extra day off (a council decision) → off;
 *  3. a weekend day (КЗпП ст. 67 ч. 1) → off;
 *  4. a holiday of КЗпП ст. 73, when the calendar makes holidays days off (peacetime) → off;
 *  5. the day off moved by КЗпП ст. 67 ч. 3 from a holiday that fell on a weekend → off.
 */
import { addDays, isoWeekday, type IsoDate, assertIsoDate, formatDateUk } from './dates';
import type { CalendarData, NamedDate } from './data';

export type DayOffKind = 'weekend' | 'holiday' | 'transfer' | 'extra';

export interface DayOff {
  date: IsoDate;
  kind: DayOffKind;
  /** For staff, in Ukrainian: "субота", "Різдво Христове", "перенесений вихідний …". */
  name: string;
}

export interface WorkingDayCalendar {
  readonly name: string;
  readonly version: string;
  readonly title: string;
  readonly basis: string;
  /** True for a working day; throws CalendarCoverageError outside the dates the data covers. */
  isWorkingDay(date: IsoDate): boolean;
  /** Why the date is not a working day, or null when it is one. */
  dayOff(date: IsoDate): DayOff | null;
  /** The name of the calendar that decides the date (itself, or a regime of the law in force). */
  regimeOn(date: IsoDate): string;
}

export class CalendarCoverageError extends Error {
  readonly messageUk: string;
  constructor(readonly calendar: string, readonly date: IsoDate, readonly covers: { from: IsoDate | null; to: IsoDate | null }) {
    super(`calendar ${calendar} has no holiday data for ${date} (covers ${covers.from ?? '…'} to ${covers.to ?? '…'})`);
    this.messageUk =
      `Календар «${calendar}» не містить даних про святкові дні на ${formatDateUk(date)} ` +
      `(дані є з ${covers.from ? formatDateUk(covers.from) : '…'} по ${covers.to ? formatDateUk(covers.to) : '…'}); ` +
      'для інших років додайте свята файлом змін ради (covers, addHolidays).';
    this.name = 'CalendarCoverageError';
  }
}

const WEEKDAY_NAMES_UK = ['понеділок', 'вівторок', 'середа', 'четвер', 'пʼятниця', 'субота', 'неділя'];

/**
 * КЗпП ст. 67 ч. 3: "у випадку, коли святковий або неробочий день збігається з вихідним днем,
 * вихідний день переноситься на наступний після святкового або неробочого". Each holiday on a
 * weekend gives one moved day off: the first day after it that is neither a weekend, a holiday
 * nor already a moved day off (1 and 2 May 2021, Saturday and Easter Sunday, gave 3 and 4 May).
 */
function weekendTransfers(data: CalendarData, isWeekend: (d: IsoDate) => boolean, holidays: Map<IsoDate, NamedDate>): Map<IsoDate, DayOff> {
  const moved = new Map<IsoDate, DayOff>();
  if (!data.holidaysAreDaysOff || !data.transferWeekendHolidays) return moved;
  for (const holiday of data.holidays) {
    if (!isWeekend(holiday.date)) continue;
    let d = addDays(holiday.date, 1);
    while (isWeekend(d) || holidays.has(d) || moved.has(d)) d = addDays(d, 1);
    moved.set(d, {
      date: d,
      kind: 'transfer',
      name: `вихідний перенесено з ${formatDateUk(holiday.date)} (${holiday.name}) за ч. 3 ст. 67 КЗпП`,
    });
  }
  return moved;
}

/** Builds the calendar a set of data describes. */
export function buildCalendar(data: CalendarData): WorkingDayCalendar {
  const weekend = new Set(data.weekend);
  const isWeekend = (d: IsoDate): boolean => weekend.has(isoWeekday(d));
  const holidays = new Map(data.holidays.map((h) => [h.date, h] as const));
  const transfers = weekendTransfers(data, isWeekend, holidays);
  const extraOff = new Map(data.extraDaysOff.map((h) => [h.date, h] as const));
  const extraWorked = new Set(data.extraWorkingDays.map((h) => h.date));

  function checkCovered(date: IsoDate): void {
    assertIsoDate(date);
    const { from, to } = data.covers;
    if ((from && date < from) || (to && date > to)) throw new CalendarCoverageError(data.name, date, data.covers);
  }

  function dayOff(date: IsoDate): DayOff | null {
    checkCovered(date);
    if (extraWorked.has(date)) return null;
    const extra = extraOff.get(date);
    if (extra) return { date, kind: 'extra', name: extra.name };
    const holiday = holidays.get(date);
    if (isWeekend(date)) {
      const weekday = WEEKDAY_NAMES_UK[isoWeekday(date) - 1] as string;
      return { date, kind: 'weekend', name: holiday && data.holidaysAreDaysOff ? `${weekday}; ${holiday.name}` : weekday };
    }
    if (holiday && data.holidaysAreDaysOff) return { date, kind: 'holiday', name: holiday.name };
    return transfers.get(date) ?? null;
  }

  return {
    name: data.name,
    version: data.version,
    title: data.title,
    basis: data.basis,
    isWorkingDay: (date) => dayOff(date) === null,
    dayOff,
    regimeOn: (date) => {
      assertIsoDate(date);
      return data.name;
    },
  };
}

/** Whether a regime's calendar applies on a date, by its appliesFrom/appliesUntil. */
function inForce(cal: { appliesFrom: IsoDate | null; appliesUntil: IsoDate | null }, date: IsoDate): boolean {
  return (!cal.appliesFrom || date >= cal.appliesFrom) && (!cal.appliesUntil || date <= cal.appliesUntil);
}

/**
 * The calendar of the law in force on each date: the martial-law calendar while its regime
 * applies (appliesFrom..appliesUntil of its data), the peacetime one otherwise. A term that
 * spans the start or the end of martial law is counted with each day's own rules.
 */
export function lawInForceCalendar(
  peacetime: { data: CalendarData; calendar: WorkingDayCalendar },
  martialLaw: { data: CalendarData; calendar: WorkingDayCalendar },
): WorkingDayCalendar {
  const pick = (date: IsoDate): WorkingDayCalendar => {
    assertIsoDate(date);
    return inForce(martialLaw.data, date) ? martialLaw.calendar : peacetime.calendar;
  };
  return {
    name: 'law-in-force',
    version: `${peacetime.calendar.name}@${peacetime.calendar.version},${martialLaw.calendar.name}@${martialLaw.calendar.version}`,
    title: 'За законом, чинним на кожну дату (мирний час або воєнний стан)',
    basis: `${peacetime.calendar.basis}; ${martialLaw.calendar.basis}`,
    isWorkingDay: (date) => pick(date).isWorkingDay(date),
    dayOff: (date) => pick(date).dayOff(date),
    regimeOn: (date) => pick(date).name,
  };
}
