import { addDays, fromParts, type IsoDate } from './dates';

/**
 * The Gregorian calendar starts on 15.10.1582; the Julian-to-Gregorian offset below holds from then.
 * 4099 is as far as the result was checked against an independent implementation (python-dateutil).
 */
const FIRST_YEAR = 1583;
const LAST_YEAR = 4099;

/**
 * Days the Julian calendar runs behind the Gregorian one on a date from 1 March of the year on:
 * 13 for 1900-2099, 14 in 2100 (the Julian calendar keeps 29.02.2100, the Gregorian one does not).
 * Easter falls between 22 March and 25 April (Julian), always after the Julian leap day, so the
 * offset of the year's March applies.
 */
function julianLag(year: number): number {
  return Math.floor(year / 100) - Math.floor(year / 400) - 2;
}

/**
 * Easter (Великдень) as art. 73 ч. 2 of the Labour Code counts it: by the Orthodox paschalion,
 * which the Orthodox Church of Ukraine kept when it moved its fixed feasts to the new calendar in
 * 2023. Meeus' Julian computus gives the Julian-calendar date, converted to the Gregorian one.
 */
export function orthodoxEaster(year: number): IsoDate {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`orthodoxEaster: year ${year} outside ${FIRST_YEAR}-${LAST_YEAR}`);
  }
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  // The Julian month and day, read as a Gregorian date, then moved on by the lag (25 April + 13 = 8 May).
  return addDays(fromParts(year, month, day), julianLag(year));
}

/** Трійця (Pentecost): the seventh Sunday after Easter, 49 days later. */
export function orthodoxTrinity(year: number): IsoDate {
  return addDays(orthodoxEaster(year), 49);
}
