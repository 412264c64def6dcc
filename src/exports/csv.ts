/** A table as CSV: for a Ukrainian Excel (`;`, BOM, дд.мм.рррр, decimal comma) or as open data (`,`, ISO). */
import { stringify } from 'csv-stringify/sync';
import { excelCsv } from '../domain/csv';
import { csvText, type CsvDialect } from './cells';
import { headersOf, type Table } from './table';

export function toCsv<R>(table: Table<R>, rows: readonly R[], dialect: CsvDialect = 'excel'): string {
  const body = rows.map((row) => table.columns.map((c) => csvText(c, row, dialect)));
  return dialect === 'excel'
    ? excelCsv(headersOf(table), body)
    : stringify(body, { header: true, bom: true, columns: headersOf(table) });
}
