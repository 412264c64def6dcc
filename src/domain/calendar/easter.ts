import { addDays, fromParts, type IsoDate } from './dates';

/**
 * Easter (Великдень) as art. 73 of the Labour Code counts it: by the Orthodox paschalion, which
 * the Orthodox Church of Ukraine kept when it moved its fixed feasts to the new calendar in 2023.
 * Meeus' Julian computus gives the Julian-calendar date; the Julian calendar runs 13 days behind
 * the Gregorian one from 1900-03-01 to 2100-02-28, so this is valid for 1900-2099 only.
 *
 * The calendar data in reference-data/calendars lists the dates; this function is the check on
 * that list (and the generator when the list is extended).
 */
export function orthodoxEaster(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1900 || year > 2099) {
    throw new RangeError(`orthodoxEaster: year ${year} outside 1900-2099`);
  }
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  // A Julian date plus 13 days is the Gregorian date (the month may roll over: 25 April + 13).
  const julian = fromParts(year, month, day);
  return addDays(julian, 13);
}

/** Трійця (Pentecost): the seventh Sunday after Easter, 49 days later. */
export function orthodoxTrinity(year: number): IsoDate {
  return addDays(orthodoxEaster(year), 49);
}
