/**
 * Counting a term per Civil Code art. 253-254 (applied to office terms by the Типова інструкція
 * з діловодства № 1242, п. 190):
 *  - art. 253: the term starts on the day after the event, so n days end on event + n;
 *  - art. 254 ч. 2: n months end on the same day of the month reached, or its last day;
 *  - working days skip every non-working day of the calendar;
 *  - art. 254 ч. 5: a last day that is not a working day moves to the next working day
 *    (a council may choose the previous one instead: `roll: 'previous'`).
 */
import {
  addDays, addMonths, addWorkingDays, isWorkingDay, nextWorkingDay, previousWorkingDay, type IsoDate, type WorkingDayCalendar,
} from '../calendar';
import type { TermUnit } from './rules';

export type RollPolicy = 'next' | 'previous';

/** The last day of a term before any move off a non-working day. */
export function rawTermEnd(cal: WorkingDayCalendar, from: IsoDate, amount: number, unit: TermUnit): IsoDate {
  switch (unit) {
    case 'calendar-days':
      return addDays(from, amount);
    case 'months':
      return addMonths(from, amount);
    case 'working-days':
      return addWorkingDays(cal, from, amount);
    case 'hours':
      // 48 hours from a moment on day D end at the same time on D + 2: the date is D + hours/24.
      return addDays(from, amount / 24);
  }
}

export interface RolledEnd {
  term: IsoDate;
  adjustment: 'none' | 'next-working-day' | 'previous-working-day';
}

/**
 * ЦК ст. 254 ч. 5. With 'previous', a move that would land on or before the event itself
 * falls back to the next working day: a term never ends before it started.
 */
export function rollToWorkingDay(cal: WorkingDayCalendar, end: IsoDate, from: IsoDate, policy: RollPolicy): RolledEnd {
  if (isWorkingDay(cal, end)) return { term: end, adjustment: 'none' };
  if (policy === 'previous') {
    const before = previousWorkingDay(cal, end);
    if (before > from) return { term: before, adjustment: 'previous-working-day' };
  }
  return { term: nextWorkingDay(cal, end), adjustment: 'next-working-day' };
}

/** Hours terms run round the clock (urgent information requests): their end is never moved. */
export function isRolled(unit: TermUnit): boolean {
  return unit !== 'hours';
}
