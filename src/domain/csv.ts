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

const kyivWallClockFormat = new Intl.DateTimeFormat('uk-UA', {
  timeZone: COUNCIL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** An instant's Kyiv wall-clock fields, two digits each (four for the year): what a clerk's clock showed. */
export function kyivWallClock(iso: string): { year: string; month: string; day: string; hour: string; minute: string; second: string } {
  const p = Object.fromEntries(kyivWallClockFormat.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** An instant as a Kyiv clerk reads it: '09.03.2026 10:15:00'. */
export function dateTimeUk(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = kyivWallClock(iso);
  return `${t.day}.${t.month}.${t.year} ${t.hour}:${t.minute}:${t.second}`;
}

/** 83.3 → '83,3'. */
export const decimalUk = (n: number | null | undefined, digits?: number): string =>
  n === null || n === undefined ? '' : (digits === undefined ? String(n) : n.toFixed(digits)).replace('.', ',');
