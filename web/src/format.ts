/** What staff read: dates дд.мм.рррр, instants in Kyiv time, Ukrainian plurals (the hub's own helper). */
import { plural, pluralForm, type UkForms } from '../../src/domain/plural-uk';

export { plural, pluralForm };
export { PETITIONS_UK as PETITIONS } from '../../src/domain/petitions/labels-uk';
export type { UkForms };

/** 2026-03-10 → 10.03.2026; empty for nothing. */
export function dateUk(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

const kyiv = new Intl.DateTimeFormat('uk-UA', {
  timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** An instant as Kyiv wall time: 10.03.2026 11:00. */
export function instantUk(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = Object.fromEntries(kyiv.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

/** The Kyiv calendar date of an instant (the browser's clock): for default periods only. */
export function kyivToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the ISO week a date falls in. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** The quarter a date is in: its first and last day. */
export function quarterOf(year: number, quarter: 1 | 2 | 3 | 4): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(first).padStart(2, '0')}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(first + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

const percentFormat = new Intl.NumberFormat('uk-UA', { maximumFractionDigits: 1 });
/** 0.8571 → «85,7 %». */
export function shareUk(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${percentFormat.format(share * 100)} %`;
}

export const numberUk = (n: number): string => new Intl.NumberFormat('uk-UA').format(n);

export const DOCUMENTS: UkForms = { one: 'документ', few: 'документи', many: 'документів' };
export const CARDS: UkForms = { one: 'картка', few: 'картки', many: 'карток' };
export const ITEMS: UkForms = { one: 'запис', few: 'записи', many: 'записів' };
export const APPEALS: UkForms = { one: 'звернення', few: 'звернення', many: 'звернень' };
export const INPUTS: UkForms = { one: 'вхідне повідомлення', few: 'вхідні повідомлення', many: 'вхідних повідомлень' };
export const WORKING_DAYS: UkForms = { one: 'робочий день', few: 'робочі дні', many: 'робочих днів' };
