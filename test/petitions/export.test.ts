/**
 * The petitions list as a file (issue 15: it had none): GET /api/v1/petitions as CSV for a
 * Ukrainian Excel and as XLSX, the same petitions as the JSON of the same request — states and
 * results in Ukrainian, the author's name masked for a caller without the personal-data grant and
 * shown (the read recorded) for one with it, no author's contacts in the file. Real PostgreSQL,
 * the test hub's fixed clock (10 March 2026).
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, headersFor, OFFICER, type Json } from '../appeals/support';
import { startTestHub, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { downloadXlsx, expectDateCell, expectIntegerCell, expectLayout, expectTextCell, records } from '../support/xlsx';

const SAMPLES = join(__dirname, '..', '..', 'connectors', 'e-petitions', 'samples');
const sample = (name: string): Json => JSON.parse(readFileSync(join(SAMPLES, name), 'utf8'));

const HEADERS = [
  'Номер петиції', 'Назва', 'Стан', 'Розглядається як', 'Підписів', 'Необхідно підписів', 'Оприлюднено', 'Збір підписів до', 'Збір завершено',
  'Автор', 'Реєстраційний індекс', 'Зареєстровано (Київ)', 'Початок розгляду', 'Строк розгляду', 'Дата відповіді', 'Результат розгляду',
  'Вихідний індекс відповіді', 'Ідентифікатор на платформі',
];

describe('the petitions list as CSV and XLSX (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;

  before(async () => {
    testDb = await createTestDatabase('petitions_export');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
    // 118 reached its threshold and is registered; 207 closed below it (a collective appeal); 119 still collects.
    for (const body of [{ ...sample('collecting.json'), votes: 251 }, sample('closed-below-threshold.json'), { ...sample('collecting.json'), id: 119, number: 'ЕП-119', title: 'Встановити лавки в сквері' }]) {
      const res = await call(hub, 'POST', '/api/v1/petitions', body);
      expect(res.status, res.text).to.equal(201);
    }
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('CSV (format=csv): `;`, BOM, Ukrainian columns and values, дд.мм.рррр; the JSON\'s petitions; the author masked without the grant', async () => {
    const json = (await call(hub, 'GET', '/api/v1/petitions')).json;
    expect(json.items).to.have.length(3);
    const res = await fetch(`${hub.url}/api/v1/petitions?format=csv`, { headers: await headersFor(hub) });
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(res.status, text).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('text/csv');
    expect(res.headers.get('content-disposition')).to.equal('attachment; filename="petitions_2026-03-10.csv"');
    expect(text.charCodeAt(0)).to.equal(0xfeff);
    const rows = parse(text.slice(1), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).to.deep.equal(HEADERS);
    expect(rows.map((r) => r['Ідентифікатор на платформі'])).to.deep.equal(json.items.map((p: Json) => p.platformId));
    const reached = json.items.find((p: Json) => p.platformId === 'kamianska-mtg/118');
    expect(reached.registrationIndex).to.be.a('string');
    expect(rows.find((r) => r['Ідентифікатор на платформі'] === 'kamianska-mtg/118')).to.include({
      'Номер петиції': 'ЕП-118', 'Стан': 'набрала необхідну кількість підписів', 'Розглядається як': 'електронна петиція (10 робочих днів)',
      'Підписів': '251', 'Необхідно підписів': '250', 'Оприлюднено': '12.01.2026', 'Збір підписів до': '12.03.2026',
      'Автор': reached.author.fullName, 'Реєстраційний індекс': reached.registrationIndex,
    });
    expect(rows.find((r) => r['Ідентифікатор на платформі'] === 'kamianska-mtg/207')).to.include({
      'Стан': 'не набрала підписів (розглядається як колективне звернення)', 'Розглядається як': 'колективне звернення (1 місяць)',
    });
    expect(reached.personalData).to.equal('masked');
    expect(text).not.to.contain('Гребенюк').and.not.to.contain('Шевчишин').and.not.to.contain('grebeniuk').and.not.to.contain('+380');
  });

  it('XLSX (format=xlsx): the author shown to the officer and the read recorded; masked for the clerk, and the caption says so', async () => {
    const reads = async () => (await call(hub, 'GET', '/api/v1/audit/personal-data-reads?recordId=kamianska-mtg/118&limit=1000')).json.items.length;
    const before = await reads();
    const json = (await call(hub, 'GET', '/api/v1/petitions', undefined, OFFICER)).json;
    expect(await reads()).to.equal(before + 1);
    const officer = await downloadXlsx(hub, '/api/v1/petitions?format=xlsx', await headersFor(hub, 'appeals-officer'));
    expect(await reads()).to.equal(before + 2);
    expect(officer.headers.get('content-disposition')).to.equal('attachment; filename="petitions_2026-03-10.xlsx"');
    expectLayout(officer.sheet, { title: 'Електронні петиції', caption: 'Станом на 10.03.2026', headers: HEADERS });
    const rows = records(officer.sheet);
    json.items.forEach((p: Json, i: number) => {
      const row = rows[i]!;
      expectTextCell(row['Ідентифікатор на платформі'], p.platformId);
      expectTextCell(row['Автор'], p.author.fullName);
      expectIntegerCell(row['Підписів'], p.votes);
      expectDateCell(row['Збір підписів до'], p.collectionEndsOn);
      expectDateCell(row['Збір завершено'], p.collectionEndedOn);
      expectTextCell(row['Реєстраційний індекс'], p.registrationIndex);
    });
    expect(rows.map((r) => r['Автор']!.value)).to.include('Гребенюк Оксана Василівна');

    const clerk = await downloadXlsx(hub, '/api/v1/petitions?state=collecting&format=xlsx', await headersFor(hub));
    expectLayout(clerk.sheet, { title: 'Електронні петиції', caption: 'Станом на 10.03.2026; стан: збір підписів; персональні дані авторів приховано', headers: HEADERS });
    const collecting = records(clerk.sheet);
    expect(collecting.map((r) => r['Ідентифікатор на платформі']!.value)).to.deep.equal(['kamianska-mtg/119']);
    expect(String(collecting[0]!['Автор']!.value)).to.match(/^Г\*+ О\*+ В\*+$/);
    expect(await reads()).to.equal(before + 2);
  });

  it('a list cut by limit says so; a bad format is a 400', async () => {
    const { sheet } = await downloadXlsx(hub, '/api/v1/petitions?limit=1&format=xlsx', await headersFor(hub, 'appeals-officer'));
    expect(sheet.getCell('A2').value).to.equal('Станом на 10.03.2026; перелік обмежено: 1 петиція (limit)');
    expect(records(sheet)).to.have.length(1);
    const bad = await call(hub, 'GET', '/api/v1/petitions?format=docx');
    expect([bad.status, bad.json.code]).to.deep.equal([400, 'INVALID_QUERY']);
  });
});
