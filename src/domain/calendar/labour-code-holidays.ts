/**
 * The holidays of art. 73 of the Labour Code (КЗпП) for any year from 2000 to 2100, each by the
 * wording in force on its date (the acts are in labour-code-amendments.ts). Pure: the year is an
 * argument. Weekend transfers (ч. 3 ст. 67) are not listed here: the calendar derives them from
 * these dates (calendar.ts), and martial law is the 'martial-law' calendar's business.
 *
 * 8 March stays: no act removing it was found (bill № 9009 of 2023 proposed it and was not adopted).
 * The Cabinet's recommended bridge days are not law (Civil Code art. 254 ч. 5 speaks of days off set by
 * law): they are left out and a council adds them with an override file.
 */
import { fromParts, type IsoDate } from './dates';
import type { NamedDate } from './data';
import { orthodoxEaster, orthodoxTrinity } from './easter';
import { amendment, type AmendmentId } from './labour-code-amendments';

export const FIRST_DERIVED_YEAR = 2000;
export const LAST_DERIVED_YEAR = 2100;

type When = { month: number; day: number } | 'easter' | 'trinity';

export interface HolidayRule {
  on: When;
  nameUk: string;
  /** The act that put this holiday, under this name, on this date. */
  since: AmendmentId;
  /** The act that removed, moved or renamed it; the rule applies on dates before its inForce. */
  until?: AmendmentId;
  /** Listed only in ч. 2 (religious feasts on which work stops), not in ч. 1 (holidays). */
  part2Only?: true;
}

const on = (month: number, day: number): When => ({ month, day });

export const HOLIDAY_RULES: readonly HolidayRule[] = [
  { on: on(1, 1), nameUk: 'Новий рік', since: 'kzpp-2000' },
  { on: on(1, 7), nameUk: 'Різдво Христове (7 січня)', since: 'kzpp-2000', until: 'bill-9431' },
  { on: on(3, 8), nameUk: 'Міжнародний жіночий день', since: 'kzpp-2000' },
  { on: 'easter', nameUk: 'Пасха (Великдень)', since: 'kzpp-2000', part2Only: true },
  { on: on(5, 1), nameUk: 'День міжнародної солідарності трудящих', since: 'kzpp-2000', until: 'law-2211-VIII' },
  { on: on(5, 2), nameUk: 'День міжнародної солідарності трудящих', since: 'kzpp-2000', until: 'law-2211-VIII' },
  { on: on(5, 1), nameUk: 'День праці', since: 'law-2211-VIII' },
  { on: on(5, 9), nameUk: 'День Перемоги', since: 'kzpp-2000', until: 'law-315-VIII' },
  { on: on(5, 9), nameUk: 'День перемоги над нацизмом у Другій світовій війні (День перемоги)', since: 'law-315-VIII', until: 'law-3107-IX' },
  { on: on(5, 8), nameUk: 'День пам’яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років', since: 'law-3107-IX' },
  { on: 'trinity', nameUk: 'Трійця', since: 'kzpp-2000', part2Only: true },
  { on: on(6, 28), nameUk: 'День Конституції України', since: 'kzpp-2000' },
  { on: on(7, 28), nameUk: 'День Української Державності', since: 'bill-5864', until: 'bill-9431' },
  { on: on(7, 15), nameUk: 'День Української Державності', since: 'bill-9431' },
  { on: on(8, 24), nameUk: 'День незалежності України', since: 'kzpp-2000' },
  { on: on(10, 14), nameUk: 'День захисника України', since: 'law-238-VIII', until: 'law-1643-IX' },
  { on: on(10, 14), nameUk: 'День захисників і захисниць України', since: 'law-1643-IX', until: 'bill-9431' },
  { on: on(10, 1), nameUk: 'День захисників і захисниць України', since: 'bill-9431' },
  { on: on(12, 25), nameUk: 'Різдво Христове', since: 'law-2211-VIII' },
];

function dateIn(year: number, when: When): IsoDate {
  if (when === 'easter') return orthodoxEaster(year);
  if (when === 'trinity') return orthodoxTrinity(year);
  return fromParts(year, when.month, when.day);
}

/**
 * «ст. 73 КЗпП» for the 2000 wording, «ст. 73 КЗпП у ред. Закону № … від …» after an amendment;
 * an act whose part in the change was not verified (law-315-VIII) is not named to staff.
 */
function citeOf(rule: HolidayRule): string {
  const article = rule.part2Only ? 'ч. 2 ст. 73 КЗпП' : 'ст. 73 КЗпП';
  const act = amendment(rule.since);
  return act.inForceKnown === 'as-of' || act.inForceKnown === 'assumed' ? article : `${article} у ред. ${act.citeUk}`;
}

/** Whether the rule's wording was in force on the date. */
export function ruleApplies(rule: HolidayRule, date: IsoDate): boolean {
  return date >= amendment(rule.since).inForce && (!rule.until || date < amendment(rule.until).inForce);
}

/**
 * The art. 73 holidays of a year, by date, each named for staff with the rule it comes from
 * («Трійця, ч. 2 ст. 73 КЗпП»). Two holidays on one date (Easter on 1 May in 2005 and 2016) are
 * one date with both names: it moves one day off, as the day-off calendars of those years did.
 */
export function labourCodeHolidays(year: number): NamedDate[] {
  if (!Number.isInteger(year) || year < FIRST_DERIVED_YEAR || year > LAST_DERIVED_YEAR) {
    throw new RangeError(`labourCodeHolidays: year ${year} outside ${FIRST_DERIVED_YEAR}-${LAST_DERIVED_YEAR}`);
  }
  const byDate = new Map<IsoDate, string[]>();
  for (const rule of HOLIDAY_RULES) {
    const date = dateIn(year, rule.on);
    if (!ruleApplies(rule, date)) continue;
    byDate.set(date, [...(byDate.get(date) ?? []), `${rule.nameUk}, ${citeOf(rule)}`]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, names]) => ({ date, name: names.join('; ') }));
}
