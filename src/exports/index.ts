/**
 * Exports people open (issue 12): every list and report is a Table defined once (src/exports/table.ts)
 * and rendered from it to CSV for a Ukrainian Excel or open data, or to an XLSX workbook. Pure but
 * for toXlsx, which is asynchronous (exceljs writes the zip). HTTP glue: src/api/export-response.ts.
 */
export { text, date, dateTime, integer, decimal, percent, headersOf, yesNoUk } from './table';
export type { Column, ColumnKind, Table } from './table';
export { csvText, xlsxCell, DATE_FORMAT, DATE_TIME_FORMAT, MAX_CELL_TEXT } from './cells';
export type { CsvDialect, XlsxCell } from './cells';
export { toCsv } from './csv';
export { toXlsx, columnWidths, sheetName, HEADER_ROW, XLSX_MEDIA_TYPE } from './xlsx';
export type { SheetCaption } from './xlsx';
export { asOfUk, captionUk, exportFileName, filterUk, pageNoteUk, periodUk } from './captions';
