/**
 * The calendars shipped with the hub, from the versioned data in reference-data/calendars.
 * The JSON is part of the build (imported as a module, like a constant table), so the domain
 * still does no I/O; a council's override file is read by the caller and passed in.
 * peacetime.json (2000-2100) is generated from the rules of art. 73 КЗпП (peacetime-derivation.ts).
 */
import peacetimeJson from '../../../reference-data/calendars/peacetime.json';
import martialLawJson from '../../../reference-data/calendars/martial-law.json';
import { buildCalendar, lawInForceCalendar, type WorkingDayCalendar } from './calendar';
import { applyCalendarOverride, parseCalendarData, type CalendarData, type CalendarOverride } from './data';

export const CALENDAR_NAMES = ['law-in-force', 'peacetime', 'martial-law'] as const;
export type CalendarName = (typeof CALENDAR_NAMES)[number];

/** The hub follows the law in force on each date unless configured otherwise. */
export const DEFAULT_CALENDAR: CalendarName = 'law-in-force';

export function isCalendarName(value: string): value is CalendarName {
  return (CALENDAR_NAMES as readonly string[]).includes(value);
}

export const PEACETIME_DATA: CalendarData = parseCalendarData(peacetimeJson, 'reference-data/calendars/peacetime.json');
export const MARTIAL_LAW_DATA: CalendarData = parseCalendarData(martialLawJson, 'reference-data/calendars/martial-law.json');

export interface CalendarSet {
  peacetime: WorkingDayCalendar;
  martialLaw: WorkingDayCalendar;
  lawInForce: WorkingDayCalendar;
  /** 'auto' is the configuration's word for the law in force. */
  byName(name: CalendarName | 'auto'): WorkingDayCalendar;
}

/**
 * The three calendars, with a council's overrides applied to the calendar each names
 * (e.g. the date martial law ends goes into an override of 'martial-law' as appliesUntil).
 */
export function createCalendars(overrides: CalendarOverride[] = []): CalendarSet {
  let peace = PEACETIME_DATA;
  let martial = MARTIAL_LAW_DATA;
  for (const o of overrides) {
    if (o.calendar === peace.name) peace = applyCalendarOverride(peace, o);
    else if (o.calendar === martial.name) martial = applyCalendarOverride(martial, o);
    else throw new Error(`calendar override ${o.version} names an unknown calendar "${o.calendar}" (known: ${peace.name}, ${martial.name})`);
  }
  const peacetime = buildCalendar(peace);
  const martialLaw = buildCalendar(martial);
  const lawInForce = lawInForceCalendar({ data: peace, calendar: peacetime }, { data: martial, calendar: martialLaw });
  const byName = (name: CalendarName | 'auto'): WorkingDayCalendar => {
    if (name === 'peacetime') return peacetime;
    if (name === 'martial-law') return martialLaw;
    if (name === 'law-in-force' || name === 'auto') return lawInForce;
    throw new Error(`unknown calendar "${String(name)}" (known: ${CALENDAR_NAMES.join(', ')}, auto)`);
  };
  return { peacetime, martialLaw, lawInForce, byName };
}

const shipped = createCalendars();

/** Peacetime: holidays of КЗпП ст. 73 are days off, with transfers of ст. 67 ч. 3. */
export const PEACETIME: WorkingDayCalendar = shipped.peacetime;
/** Martial law: holidays are ordinary working days (Закон № 2136-IX, ст. 6). */
export const MARTIAL_LAW: WorkingDayCalendar = shipped.martialLaw;
/** Each date by the law in force on it: martial law since 24.03.2022, peacetime before. */
export const LAW_IN_FORCE: WorkingDayCalendar = shipped.lawInForce;

export function calendarByName(name: CalendarName | 'auto'): WorkingDayCalendar {
  return shipped.byName(name);
}
