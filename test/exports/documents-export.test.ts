/**
 * The documents list as a file (issue 12: it had no export at all): GET /api/v1/documents as CSV
 * for a Ukrainian Excel and as XLSX, the same page of the same cards as the JSON of the same
 * request — a citizen's name masked for a caller without the personal-data role, shown (and the
 * read recorded) for one with it. Real PostgreSQL, fixed dates.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { fakePerson, officialAddress, officialName, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { appealSubmission, call, cardFor, headersFor, type Json } from '../appeals/support';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { downloadXlsx, expectDateCell, expectIntegerCell, expectLayout, expectTextCell, records, XLSX_TYPE } from '../support/xlsx';

const HEADERS = [
  'Реєстраційний індекс', 'Дата реєстрації', 'Надійшло (Київ)', 'Вид документа', 'Кореспондент', 'Вихідний номер', 'Вихідна дата',
  'Короткий зміст', 'Терміновість', 'Строк, зазначений у документі', 'Стан', 'Справа', 'Сторінок', 'Додатків', 'Позначки',
  'Причина, з якої не зареєстровано', 'Джерело', 'Ідентифікатор документа',
];
const KINDS: Record<string, string> = { 'official-letter': 'службовий лист', 'citizen-appeal': 'звернення громадян' };
const STATUSES: Record<string, string> = { registered: 'зареєстровано', 'not-registered': 'не підлягає реєстрації' };

describe('the documents list as CSV and XLSX (real PostgreSQL, fixed dates)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const citizen = fakePerson(seededRng(1212), { email: 'o.kovalenko.5150@example.com' });
  let letterId: string;
  let appealId: string;
  const PERIOD = 'from=2026-03-09&to=2026-03-09';

  before(async () => {
    testDb = await createTestDatabase('documents_export');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
    const content = Buffer.from('Лист', 'utf8');
    const letter = await call(hub, 'POST', '/api/v1/documents', submission({
      externalId: 'export-letter', pages: 3, dueDate: '2026-03-20', urgency: 'urgent', summary: 'Щодо графіка; вивезення побутових відходів',
      attachments: [{ name: 'lyst.pdf', mediaType: 'application/pdf', contentBase64: content.toString('base64'), sha256: createHash('sha256').update(content).digest('hex') }],
    }));
    expect(letter.status, JSON.stringify(letter.json)).to.equal(201);
    letterId = letter.json.id;
    const appeal = await call(hub, 'POST', '/api/v1/documents', appealSubmission(cardFor([citizen]), {
      externalId: 'export-appeal', receivedAt: '2026-03-09T21:40:00Z', // 23:40 in Kyiv, still 9 March
      correspondent: { name: officialName(citizen), address: officialAddress(citizen), email: citizen.email },
    }));
    expect(appeal.status, JSON.stringify(appeal.json)).to.equal(201);
    appealId = appeal.json.id;
    // Outside the period: not in any of the files below.
    expect((await call(hub, 'POST', '/api/v1/documents', submission({ externalId: 'export-later', receivedAt: '2026-03-10T08:00:00Z' }))).status).to.equal(201);
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('CSV for a Ukrainian Excel (format=csv): `;`, BOM, Ukrainian columns and values, дд.мм.рррр, Kyiv time; the citizen masked as in the JSON', async () => {
    const json = (await call(hub, 'GET', `/api/v1/documents?${PERIOD}`)).json;
    expect(json.items.map((d: Json) => d.id).sort()).to.deep.equal([letterId, appealId].sort());
    const res = await fetch(`${hub.url}/api/v1/documents?${PERIOD}&format=csv`, { headers: await headersFor(hub) });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('text/csv');
    expect(res.headers.get('content-disposition')).to.equal('attachment; filename="documents_2026-03-09_2026-03-09.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const rows = parse(text.slice(1), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).to.deep.equal(HEADERS);
    expect(rows.map((r) => r['Ідентифікатор документа'])).to.deep.equal(json.items.map((d: Json) => d.id));
    const letter = rows.find((r) => r['Ідентифікатор документа'] === letterId)!;
    const card = json.items.find((d: Json) => d.id === letterId);
    expect(letter).to.include({
      'Реєстраційний індекс': card.registration.index, 'Дата реєстрації': '10.03.2026', 'Надійшло (Київ)': '09.03.2026 10:15:00',
      'Вид документа': 'службовий лист', 'Кореспондент': 'ТОВ «Будсервіс-Поділля»', 'Вихідна дата': '05.03.2026',
      'Короткий зміст': 'Щодо графіка; вивезення побутових відходів', 'Терміновість': 'терміново', 'Строк, зазначений у документі': '20.03.2026',
      'Стан': 'зареєстровано', 'Справа': '01-07', 'Сторінок': '3', 'Додатків': '1', 'Джерело': 'edms',
    });
    const appeal = rows.find((r) => r['Ідентифікатор документа'] === appealId)!;
    expect(appeal).to.include({ 'Надійшло (Київ)': '09.03.2026 23:40:00', 'Вид документа': 'звернення громадян', 'Сторінок': '', 'Додатків': '0' });
    expect(appeal['Кореспондент']).to.equal(json.items.find((d: Json) => d.id === appealId).correspondent.name);
    expect(text).to.not.contain(citizen.surname).and.not.contain(citizen.email);
  });

  it('XLSX (format=xlsx or Accept): title, period and filters, frozen header, real dates and counts, each cell as the JSON; masked by role', async () => {
    for (const job of ['clerk', 'general-department']) {
      const auth = await headersFor(hub, job);
      const json = (await call(hub, 'GET', `/api/v1/documents?${PERIOD}&source=edms`, undefined, { 'x-test-role': job })).json;
      for (const [path, extra] of [[`/api/v1/documents?${PERIOD}&source=edms&format=xlsx`, {}], [`/api/v1/documents?${PERIOD}&source=edms`, { accept: XLSX_TYPE }]] as const) {
        const { sheet, headers } = await downloadXlsx(hub, path, { ...auth, ...extra });
        expect(headers.get('content-disposition')).to.equal('attachment; filename="documents_2026-03-09_2026-03-09.xlsx"');
        const masked = job === 'clerk' ? '; персональні дані громадян приховано' : '';
        expectLayout(sheet, { title: 'Реєстр документів', caption: `Період надходження: з 09.03.2026 по 09.03.2026; джерело: edms${masked}`, headers: HEADERS });
        const rows = records(sheet);
        expect(rows).to.have.length(2);
        json.items.forEach((d: Json, i: number) => {
          const row = rows[i]!;
          expectTextCell(row['Ідентифікатор документа'], d.id);
          expectTextCell(row['Реєстраційний індекс'], d.registration?.index);
          expectDateCell(row['Дата реєстрації'], d.registration?.date);
          expect(row['Надійшло (Київ)']!.numFmt).to.equal('dd.mm.yyyy hh:mm:ss');
          expectTextCell(row['Вид документа'], KINDS[d.kind]);
          expectTextCell(row['Кореспондент'], d.correspondent.name);
          expectTextCell(row['Вихідний номер'], d.outgoing?.number);
          expectDateCell(row['Вихідна дата'], d.outgoing?.date);
          expectTextCell(row['Короткий зміст'], d.summary);
          expectDateCell(row['Строк, зазначений у документі'], d.dueDate);
          expectTextCell(row['Стан'], STATUSES[d.status]);
          expectTextCell(row['Справа'], d.registration?.case);
          expectIntegerCell(row['Сторінок'], d.pages);
          expectIntegerCell(row['Додатків'], d.attachments.length);
          expectTextCell(row['Джерело'], d.source);
        });
        const letter = rows.find((r) => r['Ідентифікатор документа']!.value === letterId)!;
        // 08:15 UTC on 9 March is 10:15 in Kyiv: the cell holds the Kyiv wall clock.
        expect(letter['Надійшло (Київ)']!.value).to.deep.equal(new Date(Date.UTC(2026, 2, 9, 10, 15, 0)));
        expect([letter['Сторінок']!.value, letter['Додатків']!.value]).to.deep.equal([3, 1]);
        const appeal = rows.find((r) => r['Ідентифікатор документа']!.value === appealId)!;
        expect(appeal['Надійшло (Київ)']!.value).to.deep.equal(new Date(Date.UTC(2026, 2, 9, 23, 40, 0)));
        expect(appeal['Кореспондент']!.value === officialName(citizen)).to.equal(job === 'general-department');
      }
    }
  });

  it('a reader with the personal-data role is recorded for the file as for the JSON; a page says so; a bad format is a 400', async () => {
    const reads = async () => (await call(hub, 'GET', `/api/v1/audit/personal-data-reads?recordId=${appealId}&limit=1000`)).json.items.length;
    const before = await reads();
    await downloadXlsx(hub, `/api/v1/documents?${PERIOD}&format=xlsx`, await headersFor(hub, 'general-department'));
    expect(await reads()).to.equal(before + 1);
    await downloadXlsx(hub, `/api/v1/documents?${PERIOD}&format=xlsx`, await headersFor(hub, 'clerk'));
    expect(await reads()).to.equal(before + 1);

    const page = (await call(hub, 'GET', `/api/v1/documents?${PERIOD}&limit=1`)).json;
    const { sheet, headers } = await downloadXlsx(hub, `/api/v1/documents?${PERIOD}&limit=1&format=xlsx`, await headersFor(hub));
    expect(headers.get('x-next-cursor')).to.be.a('string').and.equal(page.nextCursor);
    // Newest first: the page holds the citizen's appeal, masked for the clerk, and says both.
    expect(sheet.getCell('A2').value).to.equal(
      'Період надходження: з 09.03.2026 по 09.03.2026; персональні дані громадян приховано; неповний перелік: 1 запис на цій сторінці, наступна — за курсором X-Next-Cursor',
    );
    expect(records(sheet).map((r) => r['Ідентифікатор документа']!.value)).to.deep.equal([page.items[0].id]);

    const bad = await call(hub, 'GET', `/api/v1/documents?${PERIOD}&format=pdf`);
    expect([bad.status, bad.json.code]).to.deep.equal([400, 'INVALID_QUERY']);
  });
});
