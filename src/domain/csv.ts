/**
 * CSV as a Ukrainian Excel opens it (issue 12): `;` between fields (the list separator of the
 * Ukrainian locale, where `,` is the decimal mark), a UTF-8 BOM so the letters come out right,
 * Ukrainian column names, dates as дд.мм.рррр and decimals with a comma. Open data keeps its own
 * machine format (src/domain/appeals/open-data.ts): it is for portals, not for Excel.
 */
import { stringify } from 'csv-stringify/sync';
import { COUNCIL_TIME_ZONE } from './clock';

export function excelCsv(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return stringify(rows.map((r) => [...r]), { header: true, bom: true, columns: [...columns], delimiter: ';' });
}

/** '2026-03-09' → '09.03.2026'; empty stays empty. */
export function dateUk(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** An instant as a Kyiv clerk reads it: '09.03.2026 10:15:00'. */
export function dateTimeUk(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('uk-UA', {
    timeZone: COUNCIL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** 83.3 → '83,3'. */
export const decimalUk = (n: number | null | undefined, digits?: number): string =>
  n === null || n === undefined ? '' : (digits === undefined ? String(n) : n.toFixed(digits)).replace('.', ',');
