/**
 * Reading the hub's XLSX exports in tests: download over HTTP (binary, so not through call()),
 * open with exceljs, and read the layout every export has — the title in row 1, the period or
 * filters in row 2, the frozen header in row 3, one row per item below.
 */
import { expect } from 'chai';
import { Workbook, type Cell, type Worksheet } from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Download {
  status: number;
  headers: Headers;
  sheet: Worksheet;
}

/** GET an export as the hub's test operator (or whoever `headers` authorizes); 200 and the XLSX type expected. */
export async function downloadXlsx(hub: { url?: string; auth: Record<string, string> }, path: string, headers: Record<string, string> = {}): Promise<Download> {
  const res = await fetch(`${hub.url}${path}`, { headers: { ...hub.auth, ...headers } });
  const body = Buffer.from(await res.arrayBuffer());
  expect(res.status, body.toString('utf8').slice(0, 500)).to.equal(200);
  expect(res.headers.get('content-type')).to.contain(XLSX_TYPE);
  expect(res.headers.get('content-disposition')).to.match(/^attachment; filename="[\w.-]+\.xlsx"$/);
  const wb = new Workbook();
  await wb.xlsx.load(body as never);
  expect(wb.worksheets).to.have.length(1);
  return { status: res.status, headers: res.headers, sheet: wb.worksheets[0]! };
}

/** The title, the caption, the header frozen under them (row 3) with these names. */
export function expectLayout(sheet: Worksheet, o: { title: string; caption: string | RegExp; headers: string[] }): void {
  expect(sheet.getCell('A1').value).to.equal(o.title);
  if (typeof o.caption === 'string') expect(sheet.getCell('A2').value).to.equal(o.caption);
  else expect(String(sheet.getCell('A2').value)).to.match(o.caption);
  expect(sheet.views[0]).to.include({ state: 'frozen', ySplit: 3, topLeftCell: 'A4' });
  expect(headerNames(sheet)).to.deep.equal(o.headers);
}

export function headerNames(sheet: Worksheet): string[] {
  const row = sheet.getRow(3);
  return Array.from({ length: row.cellCount }, (_, j) => String(row.getCell(j + 1).value));
}

/** Every data row (below the header) as cells by header name. */
export function records(sheet: Worksheet): Array<Record<string, Cell>> {
  const names = headerNames(sheet);
  const out: Array<Record<string, Cell>> = [];
  for (let i = 4; i <= sheet.rowCount; i++) {
    const row = sheet.getRow(i);
    out.push(Object.fromEntries(names.map((n, j) => [n, row.getCell(j + 1)])));
  }
  return out;
}

/** A calendar date cell: a real Date for that day, shown дд.мм.рррр. */
export function expectDateCell(cell: Cell | undefined, isoDate: string | null | undefined): void {
  if (!isoDate) {
    expect(cell?.value ?? null).to.equal(null);
    return;
  }
  expect(cell?.value).to.be.instanceOf(Date);
  expect((cell!.value as Date).toISOString().slice(0, 10)).to.equal(isoDate.slice(0, 10));
  expect(cell!.numFmt).to.equal('dd.mm.yyyy');
}

/** A count: a number, shown whole. */
export function expectIntegerCell(cell: Cell | undefined, n: number | null | undefined): void {
  if (n === null || n === undefined) {
    expect(cell?.value ?? null).to.equal(null);
    return;
  }
  expect(cell?.value).to.be.a('number').and.equal(n);
  expect(cell!.numFmt).to.equal('0');
}

/** A text cell ('' is an empty cell). */
export function expectTextCell(cell: Cell | undefined, s: string | null | undefined): void {
  expect(cell?.value ?? null).to.equal(s ? s : null);
}
