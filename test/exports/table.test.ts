/**
 * The table renderer (src/exports), pure: one definition to CSV for a Ukrainian Excel, to CSV as
 * open data, and to an XLSX workbook read back with exceljs — the cells' types and formats, the
 * frozen header, the widths; the captions' Ukrainian plural forms.
 */
import { expect } from 'chai';
import { Workbook, type Worksheet } from 'exceljs';
import {
  captionUk, columnWidths, date, dateTime, decimal, exportFileName, integer, MAX_CELL_TEXT, pageNoteUk, percent, periodUk, sheetName, text,
  toCsv, toXlsx, type Table,
} from '../../src/exports';

interface Item {
  index: string;
  note: string | null;
  on: string | null;
  at: string;
  count: number;
  share: number | null;
  mean: number;
}

const TABLE: Table<Item> = {
  title: 'Перевірний перелік',
  fileName: 'check',
  columns: [
    text('Індекс', (r) => r.index),
    text('Примітка', (r) => r.note),
    date('Дата', (r) => r.on),
    dateTime('Час (Київ)', (r) => r.at),
    integer('Кількість', (r) => r.count),
    percent('Частка, %', (r) => r.share),
    decimal('Середнє', (r) => r.mean, 2),
  ],
};

const ROWS: Item[] = [
  { index: '01-07/1', note: 'Щодо ремонту; покрівлі', on: '2026-03-09', at: '2026-03-09T08:15:00Z', count: 12, share: 0.5, mean: 83.333 },
  // Summer time: 21:30 UTC is already the next Kyiv day.
  { index: '01-07/2', note: null, on: null, at: '2026-07-01T21:30:00Z', count: 0, share: null, mean: 2 },
];

async function sheetOf(buffer: Buffer): Promise<Worksheet> {
  const wb = new Workbook();
  await wb.xlsx.load(buffer as never);
  return wb.worksheets[0]!;
}

describe('exports: one table definition, CSV and XLSX', () => {
  it('CSV for a Ukrainian Excel: BOM, `;`, дд.мм.рррр, Kyiv time, a decimal comma, a share ×100, empty for nothing', () => {
    expect(toCsv(TABLE, ROWS)).to.equal(
      '\uFEFFІндекс;Примітка;Дата;Час (Київ);Кількість;Частка, %;Середнє\n' +
      '01-07/1;"Щодо ремонту; покрівлі";09.03.2026;09.03.2026 10:15:00;12;50,0;83,33\n' +
      '01-07/2;;;02.07.2026 00:30:00;0;;2,00\n',
    );
  });

  it('CSV for Excel: a text that Excel would run as a formula (= + - @) is kept as text with a leading apostrophe (CSV injection)', () => {
    const hostile = ['=HYPERLINK("http://x","клік")', '+380441234567', '-2+3', '@SUM(A1)', 'звичайний текст'];
    const lines = toCsv(TABLE, hostile.map((note, i) => ({ ...ROWS[1]!, index: `01-07/${i}`, note }))).split('\n').slice(1, -1);
    expect(lines.map((l) => l.split(';')[1])).to.deep.equal([`"'=HYPERLINK(""http://x"",""клік"")"`, "'+380441234567", "'-2+3", "'@SUM(A1)", 'звичайний текст']);
    // Numbers and dates are the hub's own and stay as they are; open data keeps the text as written.
    expect(toCsv(TABLE, [{ ...ROWS[1]!, note: '=1+1' }], 'open-data')).to.contain(',=1+1,');
  });

  it('CSV as open data: `,`, ISO dates and instants, a decimal point', () => {
    expect(toCsv(TABLE, ROWS, 'open-data')).to.equal(
      '\uFEFFІндекс,Примітка,Дата,Час (Київ),Кількість,"Частка, %",Середнє\n' +
      '01-07/1,Щодо ремонту; покрівлі,2026-03-09,2026-03-09T08:15:00Z,12,50.0,83.33\n' +
      '01-07/2,,,2026-07-01T21:30:00Z,0,,2.00\n',
    );
  });

  it('XLSX: the title, the caption, the header frozen and filtered, printed on every page', async () => {
    const sheet = await sheetOf(await toXlsx(TABLE, ROWS, { subtitle: 'Період: з 01.03.2026 по 31.03.2026' }));
    expect(sheet.name).to.equal('Перевірний перелік');
    expect(sheet.getCell('A1').value).to.equal('Перевірний перелік');
    expect(sheet.getCell('A1').font?.bold).to.equal(true);
    expect(sheet.getCell('A2').value).to.equal('Період: з 01.03.2026 по 31.03.2026');
    expect(sheet.views[0]).to.include({ state: 'frozen', xSplit: 0, ySplit: 3, topLeftCell: 'A4' });
    expect((sheet.getRow(3).values as unknown[]).slice(1)).to.deep.equal(['Індекс', 'Примітка', 'Дата', 'Час (Київ)', 'Кількість', 'Частка, %', 'Середнє']);
    expect(sheet.getCell('A3').font?.bold).to.equal(true);
    expect(sheet.autoFilter).to.equal('A3:G3');
    expect(sheet.pageSetup.printTitlesRow).to.equal('3:3');
    expect(sheet.rowCount).to.equal(5);
  });

  it('XLSX cells: real dates (дд.мм.рррр), Kyiv wall time, whole counts, percents, fixed decimals, nothing as an empty cell', async () => {
    const sheet = await sheetOf(await toXlsx(TABLE, ROWS, { subtitle: '—' }));
    const [first, second] = [sheet.getRow(4), sheet.getRow(5)];
    expect(first.getCell(1).value).to.equal('01-07/1');
    expect(first.getCell(2).value).to.equal('Щодо ремонту; покрівлі');
    expect(first.getCell(3).value).to.deep.equal(new Date(Date.UTC(2026, 2, 9)));
    expect(first.getCell(3).numFmt).to.equal('dd.mm.yyyy');
    // Excel keeps no time zone: the cell holds the Kyiv wall clock (10:15 in winter, UTC+2).
    expect(first.getCell(4).value).to.deep.equal(new Date(Date.UTC(2026, 2, 9, 10, 15, 0)));
    expect(first.getCell(4).numFmt).to.equal('dd.mm.yyyy hh:mm:ss');
    expect(second.getCell(4).value).to.deep.equal(new Date(Date.UTC(2026, 6, 2, 0, 30, 0)));
    expect([first.getCell(5).value, first.getCell(5).numFmt]).to.deep.equal([12, '0']);
    expect([second.getCell(5).value, second.getCell(5).numFmt]).to.deep.equal([0, '0']);
    expect([first.getCell(6).value, first.getCell(6).numFmt]).to.deep.equal([0.5, '0.0%']);
    expect([first.getCell(7).value, first.getCell(7).numFmt]).to.deep.equal([83.333, '0.00']);
    for (const j of [2, 3, 6]) expect(second.getCell(j).value, `column ${j}`).to.equal(null);
  });

  it('XLSX widths follow the content: the header up to a point, the widest value, within 8…60; longer text wraps', async () => {
    const long = 'Д'.repeat(150);
    const rows: Item[] = [{ ...ROWS[0]!, note: long }];
    const widths = columnWidths(TABLE, rows);
    expect(widths[0]).to.equal('01-07/1'.length + 2); // 'Індекс' is shorter, and 9 is above the minimum of 8
    expect(widths[1]).to.equal(60);
    expect(widths[2]).to.equal(12); // дд.мм.рррр
    expect(widths[3]).to.equal(21); // дд.мм.рррр гг:хх:сс
    const sheet = await sheetOf(await toXlsx(TABLE, rows, { subtitle: '—' }));
    expect(sheet.getColumn(2).width).to.equal(60);
    expect(sheet.getColumn(3).width).to.equal(12);
    expect(sheet.getCell('B4').alignment?.wrapText).to.equal(true);
    expect(sheet.getCell('A4').alignment?.wrapText).to.equal(undefined);
  });

  it('XLSX: a text Excel would refuse (over 32 767 characters) is cut with an ellipsis; a sheet name loses what Excel forbids', async () => {
    const huge = 'x'.repeat(MAX_CELL_TEXT + 10);
    const sheet = await sheetOf(await toXlsx(TABLE, [{ ...ROWS[0]!, note: huge }], { subtitle: '—' }));
    const v = sheet.getCell('B4').value as string;
    expect(v).to.have.length(MAX_CELL_TEXT);
    expect(v.endsWith('…')).to.equal(true);
    expect(sheetName('Звіт: І/ІІ квартал [чернетка] * дуже довга назва')).to.equal('Звіт І ІІ квартал чернетка дуже');
    expect(sheetName('?*')).to.equal('Аркуш1');
  });

  it('an empty list is still a workbook with its title, caption and header', async () => {
    const sheet = await sheetOf(await toXlsx(TABLE, [], { subtitle: 'Усі записи, без відбору' }));
    expect(sheet.getCell('A1').value).to.equal('Перевірний перелік');
    expect(sheet.getRow(3).getCell(1).value).to.equal('Індекс');
    expect(sheet.rowCount).to.equal(3);
  });

  it('captions: the period, Ukrainian plural forms, the first letter capital, file names safe in a header', () => {
    expect(periodUk('2026-06-01', '2026-06-30')).to.equal('Період: з 01.06.2026 по 30.06.2026');
    expect(periodUk(undefined, '2026-06-30', 'Період надходження')).to.equal('Період надходження: по 30.06.2026');
    expect(periodUk(undefined, undefined)).to.equal(undefined);
    expect([1, 2, 4, 5, 11, 21, 22, 25, 101, 112].map((n) => pageNoteUk(n).split(' на цій')[0])).to.deep.equal([
      '1 запис', '2 записи', '4 записи', '5 записів', '11 записів', '21 запис', '22 записи', '25 записів', '101 запис', '112 записів',
    ].map((c) => `неповний перелік: ${c}`));
    expect(captionUk(['станом на 10.03.2026', undefined, false, 'виконавець: x'])).to.equal('Станом на 10.03.2026; виконавець: x');
    expect(captionUk([undefined])).to.equal('Усі записи, без відбору');
    expect(pageNoteUk(21)).to.equal('неповний перелік: 21 запис на цій сторінці, наступна — за курсором X-Next-Cursor');
    expect(exportFileName('discipline', 'xlsx', '2026-06-01', '2026-06-30')).to.equal('discipline_2026-06-01_2026-06-30.xlsx');
    expect(exportFileName('audit-log', 'csv', undefined, undefined)).to.equal('audit-log.csv');
    expect(exportFileName('x', 'csv', 'a"b; c')).to.equal('x_a-b-c.csv');
  });
});
