/**
 * Working-day calendar: Monday-Friday minus days off, as versioned data a council can override.
 * Two named regimes, `peacetime` (КЗпП ст. 67, 73) and `martial-law` (Закон № 2136-IX ст. 6),
 * and `law-in-force`, which picks the regime in force on each date (the hub's default).
 */
export {
  addDays, addMonths, daysBetween, daysInMonth, formatDateUk, isIsoDate, assertIsoDate, isLeapYear, isoWeekday,
  weekdayShortUk, InvalidDateError, maxDate, minDate,
} from './dates';
export type { IsoDate } from './dates';
export { orthodoxEaster, orthodoxTrinity } from './easter';
export { labourCodeHolidays, FIRST_DERIVED_YEAR, LAST_DERIVED_YEAR, HOLIDAY_RULES } from './labour-code-holidays';
export type { HolidayRule } from './labour-code-holidays';
export { AMENDMENTS, inForceUk } from './labour-code-amendments';
export type { Amendment, AmendmentId } from './labour-code-amendments';
export {
  parseCalendarData, parseCalendarOverride, applyCalendarOverride, CalendarDataError,
} from './data';
export type { CalendarData, CalendarOverride, NamedDate } from './data';
export { buildCalendar, lawInForceCalendar, CalendarCoverageError } from './calendar';
export type { WorkingDayCalendar, DayOff, DayOffKind } from './calendar';
export {
  isWorkingDay, nextWorkingDay, previousWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore, addWorkingDays,
  workingDaysBetween,
} from './working-days';
export {
  CALENDAR_NAMES, DEFAULT_CALENDAR, isCalendarName, createCalendars, calendarByName, PEACETIME, MARTIAL_LAW,
  LAW_IN_FORCE, PEACETIME_DATA, MARTIAL_LAW_DATA,
} from './builtin';
export type { CalendarName, CalendarSet } from './builtin';
