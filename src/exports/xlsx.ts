/**
 * A table as an Excel workbook (exceljs): the title in the first row, the period or the filters in
 * the second, the header frozen in the third with a filter on it, then one row per item; dates
 * are real dates (дд.мм.рррр), counts whole numbers, shares percents; the columns as wide as what
 * they hold. exceljs is loaded on the first workbook asked for, not at the hub's start (it costs
 * ~150 ms and ~30 MB, and most hubs never export).
 */
import type { Worksheet } from 'exceljs';
import { shownWidth, xlsxCell } from './cells';
import type { Table } from './table';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows above the data: the title, the period or filters, the header. */
export const HEADER_ROW = 3;

export interface SheetCaption {
  /** The row under the title: the period or the filters the list was taken with. */
  subtitle: string;
  /** When the workbook was made (the file's properties); now when absent. */
  createdAt?: Date;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** A header longer than this wraps onto a second line rather than widening a column of short values. */
const HEADER_FIT = 24;

/** What Excel allows in a sheet's name: 31 characters, none of []:*?/\ (a run of them, or of spaces, becomes one space). */
export const sheetName = (title: string): string => title.replace(/[[\]:*?/\\\s]+/g, ' ').trim().slice(0, 31).trim() || 'Аркуш1';

/** Each column as wide as its widest value (or its header, up to HEADER_FIT), within MIN…MAX_WIDTH. */
export function columnWidths<R>(table: Table<R>, rows: readonly R[]): number[] {
  return table.columns.map((c) => {
    let widest = Math.min(c.header.length, HEADER_FIT);
    for (const row of rows) widest = Math.max(widest, shownWidth(c, row));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}

function layOut<R>(ws: Worksheet, table: Table<R>, rows: readonly R[], caption: SheetCaption): void {
  const n = table.columns.length;
  ws.getCell(1, 1).value = table.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = caption.subtitle;
  ws.getCell(2, 1).font = { italic: true };
  const header = ws.getRow(HEADER_ROW);
  table.columns.forEach((c, j) => {
    const cell = header.getCell(j + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  const widths = columnWidths(table, rows);
  rows.forEach((item, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    table.columns.forEach((c, j) => {
      const { value, numFmt } = xlsxCell(c, item);
      if (value === null) return;
      const cell = row.getCell(j + 1);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      // Longer than the column may be: wrapped within it, not cut off at the next cell.
      if (typeof value === 'string' && shownWidth(c, item) > (widths[j] ?? MAX_WIDTH) - 2) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  widths.forEach((w, j) => { ws.getColumn(j + 1).width = w; });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }];
  if (n) ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: n } };
  // Printed, it fits the page's width and repeats the header on every page.
  ws.pageSetup = { orientation: n > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` };
}

export async function toXlsx<R>(table: Table<R>, rows: readonly R[], caption: SheetCaption): Promise<Buffer> {
  // require, not import(): loaded on first use, and the same module under tsx and compiled code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const wb = new Workbook();
  wb.creator = 'dilovod';
  wb.created = caption.createdAt ?? new Date();
  wb.modified = wb.created;
  layOut(wb.addWorksheet(sheetName(table.title)), table, rows, caption);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
