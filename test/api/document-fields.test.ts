/**
 * «Документи»'s separate fields through the API (issue 15): GET /api/v1/documents?index=,
 * outgoingNumber=, correspondent=, journal= — each looks in its own field, together with the text,
 * dates, kind and status; a citizen's name is found by correspondent= only for a caller granted
 * personal data (as by q=); the file of the same request names the filters. Real PostgreSQL.
 */
import { expect } from 'chai';
import { fakePerson, officialName, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { appealSubmission, call, cardFor, headersFor, type Json } from '../appeals/support';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { downloadXlsx } from '../support/xlsx';

describe('HTTP: the documents list by index, outgoing number, correspondent and journal (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const citizen = fakePerson(seededRng(1515));
  const ids: Record<string, string> = {};
  const index: Record<string, string> = {};

  const found = async (query: string, job?: string): Promise<string[]> => {
    const res = await call(hub, 'GET', `/api/v1/documents?${query}`, undefined, job ? { 'x-test-role': job } : {});
    expect(res.status, res.text).to.equal(200);
    const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return (res.json.items as Json[]).map((d) => byId[d.id] ?? d.id);
  };

  before(async () => {
    testDb = await createTestDatabase('document_fields');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
    const add = async (key: string, body: Record<string, unknown>) => {
      const res = await call(hub, 'POST', '/api/v1/documents', body);
      expect(res.status, res.text).to.equal(201);
      ids[key] = res.json.id;
      index[key] = res.json.registration.index;
    };
    await add('roof', submission({ summary: 'Щодо ремонту покрівлі школи № 3', outgoing: { number: '12/3-45', date: '2026-03-02' }, receivedAt: '2026-03-02T08:00:00Z' }));
    await add('flood', submission({
      summary: 'Про стан підготовки до паводку', correspondent: { name: 'Обласна військова адміністрація', edrpou: '00022489' },
      outgoing: { number: '345', date: '2026-03-03' }, receivedAt: '2026-03-03T08:00:00Z',
    }));
    await add('appeal', appealSubmission(cardFor([citizen]), {
      correspondent: { name: officialName(citizen) }, summary: 'Щодо ремонту під’їзду', receivedAt: '2026-03-04T08:00:00Z',
    }));
    // More letters of the same journal: the roof's 01-07/1 is then a part of 01-07/10's index; the first cites it.
    // Their outgoing numbers are set here: submission()'s own count runs across test files and once
    // made one of them 12/3-45, the roof's.
    for (let i = 0; i < 9; i++) {
      await add(`letter-${i}`, submission({ summary: `Про графік прийому${i ? '' : ' (до листа 01-07/1)'}`, outgoing: { number: `7/${i}`, date: '2026-03-04' }, receivedAt: `2026-03-05T0${i}:00:00Z` }));
    }
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('index=: the document with that index (a number whole), not one that cites it or has a longer number', async () => {
    expect(index.roof).to.equal('01-07/1');
    expect(index['letter-7']).to.equal('01-07/10');
    expect(await found(`q=${encodeURIComponent('01-07/1')}`)).to.include.members(['roof', 'letter-0', 'letter-7']); // the text search: any part
    expect(await found(`index=${encodeURIComponent('01-07/1')}`)).to.deep.equal(['roof']);
    expect(await found(`index=${encodeURIComponent(index.appeal!)}`)).to.deep.equal(['appeal']);
    expect(await found(`index=${encodeURIComponent('01-07/1')}&kind=citizen-appeal`)).to.deep.equal([]);
  });

  it('outgoingNumber=: the correspondent\'s number, a number whole; with the text and dates', async () => {
    expect(await found('outgoingNumber=45')).to.deep.equal(['roof']); // 12/3-45, not 345
    expect(await found('outgoingNumber=345')).to.deep.equal(['flood']);
    expect(await found(`outgoingNumber=345&q=${encodeURIComponent('покрівлі')}`)).to.deep.equal([]);
    expect(await found('outgoingNumber=45&from=2026-03-03')).to.deep.equal([]);
  });

  it('correspondent=: an organisation for everybody, a citizen for a caller granted personal data only', async () => {
    expect(await found(`correspondent=${encodeURIComponent('військової адміністрації')}`)).to.deep.equal(['flood']);
    expect(await found(`correspondent=${encodeURIComponent('покрівлі')}`)).to.deep.equal([]); // a summary is no correspondent
    const surname = encodeURIComponent(citizen.surname);
    expect(await found(`correspondent=${surname}`)).to.deep.equal([]); // a clerk without personal data
    expect(await found(`correspondent=${surname}`, 'general-department')).to.deep.equal(['appeal']);
    expect(await found(`correspondent=${surname}`, 'appeals-officer')).to.deep.equal(['appeal']);
  });

  it('journal=: the registration journal', async () => {
    expect(await found('journal=appeals')).to.deep.equal(['appeal']);
    expect((await found('journal=incoming&limit=200')).sort()).to.deep.equal(Object.keys(ids).filter((k) => k !== 'appeal').sort());
    expect(await found('journal=mayor-orders')).to.deep.equal([]);
  });

  it('the file of the same request names the filters; bad values are 400 INVALID_QUERY', async () => {
    const { sheet } = await downloadXlsx(hub, `/api/v1/documents?journal=incoming&index=${encodeURIComponent('01-07/1')}&outgoingNumber=45&correspondent=${encodeURIComponent('Будсервіс')}&format=xlsx`, await headersFor(hub));
    expect(sheet.getCell('A2').value).to.equal('Журнал: Вхідна кореспонденція; індекс: «01-07/1»; вихідний номер: «45»; кореспондент: «Будсервіс»');
    expect(sheet.rowCount - 3).to.equal(1);
    for (const bad of ['journal=Bad%20Journal', `index=${'1'.repeat(61)}`, 'correspondent=a&correspondent=b', `outgoingNumber=${'9'.repeat(61)}`]) {
      const res = await call(hub, 'GET', `/api/v1/documents?${bad}`);
      expect([res.status, res.json.code], bad).to.deep.equal([400, 'INVALID_QUERY']);
    }
  });
});
