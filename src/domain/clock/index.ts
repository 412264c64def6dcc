/** The hub's notion of "now", passed in so domain code is tested with fixed dates. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at.getTime()) };
}

/** Councils work in Kyiv time: a document received at 23:30 UTC on 31 Dec is registered on 1 Jan. */
export const COUNCIL_TIME_ZONE = 'Europe/Kyiv';

const kyivDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: COUNCIL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Kyiv at the given instant. */
export function kyivDate(at: Date): string {
  return kyivDateFormat.format(at);
}

/** The instant a Kyiv calendar day starts, for date-range queries. */
export function kyivDayStart(date: string): Date {
  // Kyiv is UTC+2 or UTC+3; find the offset that maps back to the same local midnight.
  for (const offset of [2, 3]) {
    const guess = new Date(`${date}T00:00:00+0${offset}:00`);
    if (kyivDate(guess) === date && kyivDate(new Date(guess.getTime() - 1)) !== date) return guess;
  }
  throw new Error(`cannot place ${date} in ${COUNCIL_TIME_ZONE}`);
}

/** A calendar date plus n days (n may be negative), as YYYY-MM-DD; no time zone involved. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
