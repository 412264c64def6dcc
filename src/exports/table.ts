/**
 * A list or report as a table, defined once and rendered to CSV or XLSX from that one definition
 * (issue 12): each column has its Ukrainian header, how to get its value from a row, and what kind
 * of value it is — the kind decides how CSV writes it (дд.мм.рррр, a decimal comma) and what cell
 * XLSX makes of it (a real date with its format, a number).
 */

/**
 * text: as is; date: 'YYYY-MM-DD' (a longer ISO string is cut to its first 10 characters, as
 * dateUk does); datetime: an ISO instant, shown as Kyiv wall time; integer: a count; decimal: a
 * number with `digits` after the comma (all it has when absent); percent: a share 0…1, shown ×100.
 */
export type ColumnKind = 'text' | 'date' | 'datetime' | 'integer' | 'decimal' | 'percent';

type Getter<R, V> = (row: R) => V | null | undefined;

export type Column<R> =
  | { kind: 'text' | 'date' | 'datetime'; header: string; value: Getter<R, string> }
  | { kind: 'integer'; header: string; value: Getter<R, number> }
  | { kind: 'decimal' | 'percent'; header: string; value: Getter<R, number>; digits?: number };

export interface Table<R> {
  /** The title row of the workbook, in Ukrainian: «Стан виконавської дисципліни». */
  title: string;
  /** The file name's stem, Latin letters so every mail client and browser keeps it: 'discipline'. */
  fileName: string;
  columns: ReadonlyArray<Column<R>>;
}

export const text = <R>(header: string, value: Getter<R, string>): Column<R> => ({ kind: 'text', header, value });
export const date = <R>(header: string, value: Getter<R, string>): Column<R> => ({ kind: 'date', header, value });
export const dateTime = <R>(header: string, value: Getter<R, string>): Column<R> => ({ kind: 'datetime', header, value });
export const integer = <R>(header: string, value: Getter<R, number>): Column<R> => ({ kind: 'integer', header, value });
export const decimal = <R>(header: string, value: Getter<R, number>, digits?: number): Column<R> =>
  digits === undefined ? { kind: 'decimal', header, value } : { kind: 'decimal', header, value, digits };
/** A share 0…1: «50,0» in CSV (the header says %), 50.0 % in XLSX. */
export const percent = <R>(header: string, value: Getter<R, number>, digits = 1): Column<R> => ({ kind: 'percent', header, value, digits });

export const headersOf = <R>(t: Table<R>): string[] => t.columns.map((c) => c.header);

/** 'так' / 'ні' as the CSV has always written a flag; nothing for an unknown. */
export const yesNoUk = (v: boolean | null | undefined): string => (v === null || v === undefined ? '' : v ? 'так' : 'ні');
