/**
 * A list or report sent as a file (issue 12): CSV or XLSX from the table's one definition
 * (src/exports), as an attachment with a file name that says what and when. The rows are what the
 * JSON of the same request holds — the route reads them with the same service, scope and masking.
 * A page of a longer list says so: X-Next-Cursor in the headers, a note in the workbook.
 */
import type { Response } from 'express';
import { captionUk, exportFileName, pageNoteUk, toCsv, toXlsx, XLSX_MEDIA_TYPE, type CsvDialect, type Table } from '../exports';

export interface ExportOptions {
  /** What the caption row says: the period, filters, the date it stands at (captionUk joins them). */
  caption: ReadonlyArray<string | false | null | undefined>;
  /** After the table's file-name stem: the period or date, e.g. ['2026-06-01', '2026-06-30']. */
  fileQualifiers?: ReadonlyArray<string | undefined>;
  nextCursor?: string | null;
  dialect?: CsvDialect;
  createdAt?: Date;
}

export async function sendExport<R>(res: Response, format: 'csv' | 'xlsx', table: Table<R>, rows: readonly R[], o: ExportOptions): Promise<void> {
  if (o.nextCursor) res.setHeader('X-Next-Cursor', o.nextCursor);
  res.setHeader('Content-Disposition', `attachment; filename="${exportFileName(table.fileName, format, ...(o.fileQualifiers ?? []))}"`);
  if (format === 'csv') {
    res.type('text/csv; charset=utf-8').send(toCsv(table, rows, o.dialect));
    return;
  }
  const subtitle = captionUk([...o.caption, o.nextCursor && pageNoteUk(rows.length)]);
  res.type(XLSX_MEDIA_TYPE).send(await toXlsx(table, rows, { subtitle, createdAt: o.createdAt }));
}
