/**
 * The quarantine list as a file (issue 15: it had none): GET /api/v1/quarantine as CSV for a
 * Ukrainian Excel and as XLSX, the same page of the same items as the JSON of the same request —
 * reasons and the schema's violations in Ukrainian, a formula typed by a sender kept inert, no
 * payload in the file (a citizen's letter is read one item at a time, by permission), an
 * integrator's file of its own sources only. Real PostgreSQL, the test hub's fixed clock.
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { call } from '../support/http';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, personToken, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { downloadXlsx, expectIntegerCell, expectLayout, expectTextCell, records } from '../support/xlsx';

type Json = any;

const HEADERS = [
  'Надійшло (Київ)', 'Код причини', 'Причина', 'Порушення', 'Канал', 'Джерело', 'Ідентифікатор відправника', 'Формат', 'Спроб',
  'Востаннє (Київ)', 'Стан', 'Хто вирішив', 'Коли вирішено (Київ)', 'Причина відхилення', 'Зареєстрований документ', 'SHA-256 вмісту',
  'Ідентифікатор запису',
];

describe('the quarantine list as CSV and XLSX (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let clerk: Record<string, string>;
  const ids: Record<string, string> = {};
  const citizenName = 'Гнатюк Оксана Петрівна';

  const csvOf = async (query: string, headers = clerk) => {
    const res = await fetch(`${hub.url}/api/v1/quarantine?${query}`, { headers });
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(res.status, text).to.equal(200);
    return { res, text, rows: parse(text.slice(1), { columns: true, delimiter: ';' }) as Array<Record<string, string>> };
  };

  before(async () => {
    testDb = await createTestDatabase('quarantine_export');
    // No nomenclature: every letter is refused NO_NOMENCLATURE and waits in quarantine.
    hub = await startTestHub({ databaseUrl: testDb.url, sampleNomenclature: false }, { scheduler: false });
    clerk = bearer(await personToken(hub.db, 'clerk.qx', ['registrar']));
    const refuse = async (key: string, body: unknown, expected: string) => {
      const res = await call(hub, 'POST', '/api/v1/documents', body, clerk);
      expect(res.json.code, JSON.stringify(res.json)).to.equal(expected);
      ids[key] = res.json.quarantineId;
    };
    await refuse('letter', submission({ externalId: '=HYPERLINK("http://example.com")' }), 'NO_NOMENCLATURE');
    await refuse('appeal', submission({
      kind: 'citizen-appeal', outgoing: undefined, correspondent: { name: citizenName, address: 'м. Кам’янське, вул. Соборна, 12' }, summary: 'Про ремонт під’їзду',
    }), 'NO_NOMENCLATURE');
    const { summary: _dropped, ...noSummary } = submission({ source: 'crm' });
    const invalid = await call(hub, 'POST', '/api/v1/documents', noSummary, clerk);
    expect(invalid.status).to.equal(400);
    ids.invalid = invalid.json.quarantineId;
    const dismissed = await call(hub, 'POST', `/api/v1/quarantine/${ids.invalid}/dismiss`, { reason: 'Надіслано повторно з коротким змістом' }, clerk);
    expect(dismissed.status).to.equal(200);
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('CSV (format=csv): `;`, BOM, Ukrainian columns and values, Kyiv time; the JSON\'s items; a typed formula inert; no payload', async () => {
    const json = (await call(hub, 'GET', '/api/v1/quarantine', undefined, clerk)).json;
    expect(json.items.map((i: Json) => i.id).sort()).to.deep.equal([ids.letter, ids.appeal].sort());
    const { res, text, rows } = await csvOf('format=csv');
    expect(res.headers.get('content-type')).to.contain('text/csv');
    expect(res.headers.get('content-disposition')).to.equal('attachment; filename="quarantine_2026-03-10.csv"');
    expect(text.charCodeAt(0)).to.equal(0xfeff);
    expect(Object.keys(rows[0]!)).to.deep.equal(HEADERS);
    expect(rows.map((r) => r['Ідентифікатор запису'])).to.deep.equal(json.items.map((i: Json) => i.id));
    const letter = rows.find((r) => r['Ідентифікатор запису'] === ids.letter)!;
    const item = json.items.find((i: Json) => i.id === ids.letter);
    expect(letter).to.include({
      'Надійшло (Київ)': '10.03.2026 11:00:00', 'Код причини': 'NO_NOMENCLATURE', 'Причина': item.reasonUk, 'Канал': 'HTTP API', 'Джерело': 'edms',
      'Ідентифікатор відправника': '\'=HYPERLINK("http://example.com")', 'Спроб': '1', 'Стан': 'чекає', 'SHA-256 вмісту': item.payloadSha256,
    });
    expect(item.reasonUk).to.match(/номенклатур/i);
    // The appeal's bytes name the citizen: not in the JSON list, not in the file.
    expect(text).not.to.contain('Гнатюк').and.not.to.contain('Соборна');
  });

  it('XLSX (format=xlsx): title, «as of» and the filters, frozen header, the violations and the dismissal in Ukrainian', async () => {
    const json = (await call(hub, 'GET', '/api/v1/quarantine?status=all', undefined, clerk)).json;
    expect(json.items).to.have.length(3);
    const { sheet, headers } = await downloadXlsx(hub, '/api/v1/quarantine?status=all&format=xlsx', clerk);
    expect(headers.get('content-disposition')).to.equal('attachment; filename="quarantine_2026-03-10.xlsx"');
    expectLayout(sheet, { title: 'Карантин: вхідні повідомлення, які не прийнято', caption: 'Станом на 10.03.2026; стан: усі', headers: HEADERS });
    const rows = records(sheet);
    expect(rows.map((r) => r['Ідентифікатор запису']!.value)).to.deep.equal(json.items.map((i: Json) => i.id));
    const invalid = rows.find((r) => r['Ідентифікатор запису']!.value === ids.invalid)!;
    const item = json.items.find((i: Json) => i.id === ids.invalid);
    expect(item.details.violations.length).to.be.greaterThan(0);
    expectTextCell(invalid['Порушення'], item.details.violations.map((v: Json) => `${v.path || '/'}: ${v.messageUk}`).join('; '));
    expect(String(invalid['Порушення']!.value)).to.match(/summary/);
    expectTextCell(invalid['Стан'], 'відхилено');
    expectTextCell(invalid['Хто вирішив'], 'clerk.qx');
    expectTextCell(invalid['Причина відхилення'], 'Надіслано повторно з коротким змістом');
    expect(invalid['Коли вирішено (Київ)']!.numFmt).to.equal('dd.mm.yyyy hh:mm:ss');
    expectIntegerCell(invalid['Спроб'], item.attempts);
    expectTextCell(invalid['Джерело'], 'crm');
  });

  it('a page says so (X-Next-Cursor, the caption); an integrator\'s file holds its own sources only; a bad format is a 400', async () => {
    const page = (await call(hub, 'GET', '/api/v1/quarantine?limit=1', undefined, clerk)).json;
    const { sheet, headers } = await downloadXlsx(hub, '/api/v1/quarantine?limit=1&format=xlsx', clerk);
    expect(headers.get('x-next-cursor')).to.be.a('string').and.equal(page.nextCursor);
    expect(sheet.getCell('A2').value).to.equal('Станом на 10.03.2026; стан: чекає; неповний перелік: 1 запис на цій сторінці, наступна — за курсором X-Next-Cursor');
    expect(records(sheet).map((r) => r['Ідентифікатор запису']!.value)).to.deep.equal([page.items[0].id]);

    const crm = bearer(await systemToken(hub.db, ['integrator'], { sources: ['crm'] }));
    const own = await csvOf('status=all&format=csv', crm);
    expect(own.rows.map((r) => r['Ідентифікатор запису'])).to.deep.equal([ids.invalid]);

    const bad = await call(hub, 'GET', '/api/v1/quarantine?format=pdf', undefined, clerk);
    expect([bad.status, bad.json.code]).to.deep.equal([400, 'INVALID_QUERY']);
  });
});
