/**
 * One value of one column, as each output needs it. Pure: the CSV text (for Excel: дд.мм.рррр and
 * a decimal comma; for open data: ISO dates and a decimal point), the XLSX cell (a real date or
 * number with its number format, so Excel sorts, filters and sums it) and the width it takes.
 */
import { dateTimeUk, dateUk, decimalUk, kyivWallClock } from '../domain/csv';
import type { Column } from './table';

/** excel: a Ukrainian Excel opens it (src/domain/csv.ts); open-data: machines read it (portals, 001 §2.2.11). */
export type CsvDialect = 'excel' | 'open-data';

export const DATE_FORMAT = 'dd.mm.yyyy';
export const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm:ss';
/** Excel refuses a longer cell text (and "repairs" the whole file). */
export const MAX_CELL_TEXT = 32_767;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

const fixed = (n: number, digits: number | undefined): string => (digits === undefined ? String(n) : n.toFixed(digits));

/**
 * Text a citizen or a correspondent wrote reaches the council's Excel: one that starts with
 * = + - @ (or a tab or carriage return) would be taken for a formula (CSV injection, OWASP), so it
 * gets a leading apostrophe, which Excel shows as text. XLSX needs none: its cells are typed strings.
 */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvText<R>(c: Column<R>, row: R, dialect: CsvDialect): string {
  const v = c.value(row);
  if (v === null || v === undefined) return '';
  const excel = dialect === 'excel';
  switch (c.kind) {
    case 'text':
      return excel ? inert(v as string) : v as string;
    case 'date':
      return excel ? dateUk(v as string) : v as string;
    case 'datetime':
      return excel ? dateTimeUk(v as string) : v as string;
    case 'integer':
      return String(v);
    case 'decimal':
      return excel ? decimalUk(v as number, c.digits) : fixed(v as number, c.digits);
    case 'percent':
      return excel ? decimalUk((v as number) * 100, c.digits) : fixed((v as number) * 100, c.digits);
  }
}

export interface XlsxCell {
  value: string | number | Date | null;
  numFmt?: string;
}

/** '0', '0.0', '0.00' … for the digits after the decimal mark (Excel shows the locale's comma). */
const digitsFormat = (digits: number): string => (digits > 0 ? `0.${'0'.repeat(digits)}` : '0');

/**
 * A date as Excel keeps it: a day number with no time zone. exceljs counts it from the Date's UTC
 * fields, so the Date carries the calendar date (or the Kyiv wall clock) in them.
 */
function excelDate(isoDate: string): Date | undefined {
  const m = ISO_DATE.exec(isoDate);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
}

function excelKyivDateTime(iso: string): Date | undefined {
  if (Number.isNaN(Date.parse(iso))) return undefined;
  const t = kyivWallClock(iso);
  return new Date(Date.UTC(Number(t.year), Number(t.month) - 1, Number(t.day), Number(t.hour), Number(t.minute), Number(t.second)));
}

export function xlsxCell<R>(c: Column<R>, row: R): XlsxCell {
  const v = c.value(row);
  if (v === null || v === undefined || v === '') return { value: null };
  switch (c.kind) {
    case 'text': {
      const s = v as string;
      return { value: s.length > MAX_CELL_TEXT ? `${s.slice(0, MAX_CELL_TEXT - 1)}…` : s };
    }
    case 'date': {
      const d = excelDate(v as string);
      return d ? { value: d, numFmt: DATE_FORMAT } : { value: v as string };
    }
    case 'datetime': {
      const d = excelKyivDateTime(v as string);
      return d ? { value: d, numFmt: DATE_TIME_FORMAT } : { value: v as string };
    }
    case 'integer':
      return { value: v as number, numFmt: '0' };
    case 'decimal':
      return { value: v as number, numFmt: digitsFormat(c.digits ?? 1) };
    case 'percent':
      return { value: v as number, numFmt: `${digitsFormat(c.digits ?? 1)}%` };
  }
}

/** How many characters the cell shows: the longest line of a text, the formatted number or date. */
export function shownWidth<R>(c: Column<R>, row: R): number {
  const v = c.value(row);
  if (v === null || v === undefined) return 0;
  switch (c.kind) {
    case 'text':
      return Math.max(0, ...(v as string).split('\n').map((l) => l.length));
    case 'date':
      return DATE_FORMAT.length;
    case 'datetime':
      return DATE_TIME_FORMAT.length;
    case 'integer':
      return String(v).length;
    case 'decimal':
      return (v as number).toFixed(c.digits ?? 1).length;
    case 'percent':
      return ((v as number) * 100).toFixed(c.digits ?? 1).length + 2;
  }
}
