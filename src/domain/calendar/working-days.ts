/**
 * Counting on a working-day calendar. A term "in working days" skips every non-working day
 * (Типова інструкція з діловодства, затв. постановою КМУ № 1242, п. 190; ЦК ст. 253: counting
 * starts on the day after the event, so the start date itself is never counted).
 */
import type { WorkingDayCalendar } from './calendar';
import { addDays, assertIsoDate, type IsoDate } from './dates';

/** No real calendar has a year without working days; a longer walk means broken data. */
const MAX_WALK_DAYS = 3660;

function walk(cal: WorkingDayCalendar, start: IsoDate, step: 1 | -1): IsoDate {
  let d = start;
  for (let i = 0; i < MAX_WALK_DAYS; i++) {
    d = addDays(d, step);
    if (cal.isWorkingDay(d)) return d;
  }
  throw new Error(`calendar ${cal.name}: no working day within ${MAX_WALK_DAYS} days of ${start}`);
}

export function isWorkingDay(cal: WorkingDayCalendar, date: IsoDate): boolean {
  assertIsoDate(date);
  return cal.isWorkingDay(date);
}

/** The first working day strictly after the date. */
export function nextWorkingDay(cal: WorkingDayCalendar, date: IsoDate): IsoDate {
  assertIsoDate(date);
  return walk(cal, date, 1);
}

/** The last working day strictly before the date. */
export function previousWorkingDay(cal: WorkingDayCalendar, date: IsoDate): IsoDate {
  assertIsoDate(date);
  return walk(cal, date, -1);
}

/** The date itself when it is a working day, else the next one (ЦК ст. 254 ч. 5). */
export function workingDayOnOrAfter(cal: WorkingDayCalendar, date: IsoDate): IsoDate {
  return isWorkingDay(cal, date) ? date : nextWorkingDay(cal, date);
}

/** The date itself when it is a working day, else the previous one. */
export function workingDayOnOrBefore(cal: WorkingDayCalendar, date: IsoDate): IsoDate {
  return isWorkingDay(cal, date) ? date : previousWorkingDay(cal, date);
}

/**
 * n > 0: the n-th working day after the date (the date itself is not counted, ЦК ст. 253);
 * n < 0: the |n|-th working day before it; n = 0: the date unchanged.
 */
export function addWorkingDays(cal: WorkingDayCalendar, date: IsoDate, n: number): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
  let d = date;
  const step = n > 0 ? 1 : -1;
  for (let i = 0; i < Math.abs(n); i++) d = walk(cal, d, step);
  return d;
}

/**
 * Working days d with from < d <= to (negative, counted the other way, when to is before from).
 * For a working day `from`, workingDaysBetween(from, addWorkingDays(from, n)) === n.
 */
export function workingDaysBetween(cal: WorkingDayCalendar, from: IsoDate, to: IsoDate): number {
  assertIsoDate(from);
  assertIsoDate(to);
  if (to < from) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) count++;
  return count;
}
