import { expect } from 'chai';
import { verifyAuditLog } from '../../src/audit';
import { ManualClock } from '../support/clock';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { call } from '../support/http';
import { ensureStaff } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { downloadXlsx, expectDateCell, expectIntegerCell, expectLayout, expectTextCell, records, XLSX_TYPE } from '../support/xlsx';

type Json = any;


describe('control of execution over HTTP (real PostgreSQL, fixed dates)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  // Tuesday 10 March 2026, 11:00 Kyiv: martial law is in force (Law 2136-IX), holidays are working days.
  const clock = new ManualClock('2026-03-10T09:00:00Z');

  async function registered(over: Record<string, unknown> = {}): Promise<Json> {
    const res = await call(hub, 'POST', '/api/v1/documents', submission(over));
    expect(res.status).to.equal(201);
    return res.json;
  }

  before(async () => {
    testDb = await createTestDatabase('control');
    hub = await startTestHub({ databaseUrl: testDb.url }, { clock, scheduler: false });
    // The staff directory names everyone who acts; the first deputy stands in for the mayor (003 §118, §174).
    await ensureStaff(hub.db, ['clerk-1', 'mayor', 'deputy-mayor', 'education-dept', 'finance-dept', 'economy-dept', 'legal-dept', 'housing-dept',
      'social-dept', 'x', 'discipline-a', 'discipline-b']);
    await ensureStaff(hub.db, ['first-deputy'], [{ deputy: 'first-deputy', for: 'mayor', from: '2026-01-01' }]);
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });
  beforeEach(() => clock.set('2026-03-10T09:00:00Z'));

  it('003 §178: a letter with a task is due one month from registration; reminder 3 working days before (003 §117)', async () => {
    const doc = await registered();
    const res = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, {
      actor: 'clerk-1', author: 'mayor', executors: ['education-dept', 'finance-dept'], task: 'Розглянути та підготувати відповідь',
    });
    expect(res.status).to.equal(201);
    expect(res.json).to.include({ status: 'under-control', term: '2026-04-10', reminderOn: '2026-04-07', controller: 'mayor', rule: 'letter' });
    expect(res.json.basis).to.contain('178');
    // Co-executors hand their part to the responsible executor 3 working days before (003 §80).
    expect(res.json.coExecutorsDue).to.equal('2026-04-07');
    const card = await call(hub, 'GET', `/api/v1/documents/${doc.id}`);
    expect(card.json.status).to.equal('under-control');
  });

  it('a term written in the resolution wins over the default; one in the document too (003 §158, §166)', async () => {
    const doc = await registered({ kind: 'higher-authority-document', dueDate: '2026-03-20' });
    const fromDoc = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['economy-dept'], task: 'Виконати доручення' });
    expect(fromDoc.json).to.include({ term: '2026-03-20', rule: 'explicit' });
    const second = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['legal-dept'], task: 'Деталізація', term: '2026-03-16' });
    expect(second.json).to.include({ term: '2026-03-16', resolutionNo: 2 });
  });

  it('walks the lifecycle: interim answer, extension asked in time and granted, execution, release; each step in the log', async () => {
    const doc = await registered();
    const { json: card } = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'Вжити заходів' });
    const base = `/api/v1/documents/${doc.id}/control/${card.id}`;

    clock.set('2026-03-20T09:00:00Z');
    const interim = await call(hub, 'POST', `${base}/interim-answers`, { actor: 'housing-dept', text: 'Проводиться обстеження' });
    expect(interim.json.status).to.equal('under-control');

    clock.set('2026-04-03T09:00:00Z');
    const asked = await call(hub, 'POST', `${base}/extension-requests`, { actor: 'housing-dept', newTerm: '2026-04-30', reason: 'Очікуємо висновок експертизи' });
    expect(asked.status).to.equal(200);
    const byOther = await call(hub, 'POST', `${base}/extension-decision`, { actor: 'deputy-mayor', granted: true });
    expect(byOther.status).to.equal(409);
    expect(byOther.json).to.include({ code: 'EXTENSION_NOT_BY_TERM_SETTER' });
    expect(byOther.json.details.basis).to.equal('003 §158');
    const granted = await call(hub, 'POST', `${base}/extension-decision`, { actor: 'mayor', granted: true, reason: 'Погоджено' });
    expect(granted.json).to.include({ term: '2026-04-30', originalTerm: '2026-04-10' });

    clock.set('2026-04-28T09:00:00Z');
    const noAnswer = await call(hub, 'POST', `${base}/release`, { actor: 'mayor' });
    expect(noAnswer.json.code).to.equal('RELEASE_WITHOUT_ANSWER');
    const notOnMerits = await call(hub, 'POST', `${base}/execution`, { actor: 'housing-dept', onMerits: false, answer: { summary: 'Проміжна' } });
    expect(notOnMerits.json.code).to.equal('ANSWER_REQUIRED');
    const executed = await call(hub, 'POST', `${base}/execution`, { actor: 'housing-dept', onMerits: true, answer: { summary: 'Покрівлю відремонтовано', outgoingIndex: '05-12/301', result: 'resolved-positively' } });
    expect(executed.json.status).to.equal('executed');
    const notController = await call(hub, 'POST', `${base}/release`, { actor: 'housing-dept' });
    expect(notController.json.code).to.equal('RELEASE_NOT_BY_CONTROLLER');
    const released = await call(hub, 'POST', `${base}/release`, { actor: 'first-deputy', standingInFor: 'mayor', reason: 'Виконано' });
    expect(released.json).to.include({ status: 'released', releasedBy: 'first-deputy' });
    expect((await call(hub, 'GET', `/api/v1/documents/${doc.id}`)).json.status).to.equal('released');

    const log = await call(hub, 'GET', `/api/v1/audit/log?documentId=${doc.id}`);
    expect(log.json.items.map((e: Json) => e.action)).to.deep.equal([
      'control.assigned', 'control.interim', 'control.extension-requested', 'control.extension-decided', 'control.executed', 'control.released',
    ]);
    const extended = log.json.items[3];
    expect(extended).to.include({ actor: 'mayor', reason: 'Погоджено' });
    expect(extended.before.term).to.equal('2026-04-10');
    expect(extended.after.term).to.equal('2026-04-30');
    expect(await verifyAuditLog(hub.db)).to.include({ ok: true });
    const events = await hub.db.query<{ type: string }>('SELECT type FROM outbox WHERE document_id = $1 ORDER BY seq', [doc.id]);
    expect(events.map((e) => e.type)).to.deep.equal(['document.registered', 'control.assigned', 'control.interim', 'control.extension-requested', 'control.extended', 'control.executed', 'control.released']);

    // Each change of the card grows its version by one; refused actions change nothing. The card's ETag is its version.
    expect([card.version, interim.json.version, asked.json.version, granted.json.version, executed.json.version, released.json.version]).to.deep.equal([1, 2, 3, 4, 5, 6]);
    const one = await call(hub, 'GET', `/api/v1/control/${card.id}`);
    expect(one.headers.get('etag')).to.equal('"6"');
    expect(one.json).to.include({ id: card.id, version: 6, status: 'released' });
  });

  it('003 §158: an extension asked later than 3 working days before the term is refused', async () => {
    const doc = await registered();
    const { json: card } = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'Вжити заходів' });
    clock.set('2026-04-08T09:00:00Z'); // term 10 April (Fri): the last day to ask was Tue 7 April
    const late = await call(hub, 'POST', `/api/v1/documents/${doc.id}/control/${card.id}/extension-requests`, { actor: 'housing-dept', newTerm: '2026-04-20', reason: 'x' });
    expect(late.status).to.equal(409);
    expect(late.json).to.include({ code: 'EXTENSION_TOO_LATE' });
    expect(late.json.messageUk).to.contain('3 робочі дні');
  });

  it('Law on appeals art. 20: an appeal is due in one month from receipt and cannot be extended past 45 days', async () => {
    const doc = await registered({ kind: 'citizen-appeal', receivedAt: '2026-03-09T08:00:00Z', correspondent: { name: 'Ткачук Оксана Іванівна', address: 'вул. Садова, 3, м. Фастів' } });
    const { json: card } = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['social-dept'], task: 'Розглянути звернення' });
    expect(card).to.include({ term: '2026-04-09', rule: 'appeal', appealReceivedOn: '2026-03-09' });
    const tooFar = await call(hub, 'POST', `/api/v1/documents/${doc.id}/control/${card.id}/extension-requests`, { actor: 'social-dept', newTerm: '2026-04-24', reason: 'x' });
    expect(tooFar.json).to.include({ code: 'EXTENSION_BEYOND_CAP' });
    expect(tooFar.json.details.cap).to.equal('2026-04-23');
    const ok = await call(hub, 'POST', `/api/v1/documents/${doc.id}/control/${card.id}/extension-requests`, { actor: 'social-dept', newTerm: '2026-04-23', reason: 'Потрібне додаткове вивчення' });
    expect(ok.status).to.equal(200);
  });

  it('Law on appeals art. 20: a resolution cannot give an appeal more than 45 days in total; a term within it cites the appeals rule, not «document»', async () => {
    const doc = await registered({ kind: 'citizen-appeal', receivedAt: '2026-03-09T08:00:00Z', correspondent: { name: 'Ткачук Оксана Іванівна', address: 'вул. Садова, 3, м. Фастів' } });
    // 90 days from receipt (Sun 7 June, so Mon 8 June): beyond the 45 days of art. 20 (Thu 23 April 2026).
    const tooFar = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['social-dept'], task: 'Розглянути звернення', term: '2026-06-07' });
    expect(tooFar.status).to.equal(422);
    expect(tooFar.json).to.include({ code: 'APPEAL_TERM_BEYOND_CAP' });
    expect(tooFar.json.messageUk).to.contain('45 днів').and.contain('ст. 20');
    expect(tooFar.json.details).to.include({ term: '2026-06-08', cap: '2026-04-23', receivedOn: '2026-03-09' });
    expect(tooFar.json.details.basis).to.contain('Про звернення громадян').and.contain('ст. 20');
    expect((await call(hub, 'GET', `/api/v1/documents/${doc.id}/control`)).json.items).to.have.length(0);

    const within = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['social-dept'], task: 'Розглянути звернення', term: '2026-04-23' });
    expect(within.status, JSON.stringify(within.json)).to.equal(201);
    expect(within.json).to.include({ term: '2026-04-23', rule: 'explicit', appealReceivedOn: '2026-03-09' });
    expect(within.json.basis).to.contain('Про звернення громадян').and.contain('ст. 20').and.not.contain('«document»');
  });

  it('ЦК ст. 254 ч. 5: a term that falls on a day off ends on the next working day — in a resolution and in a granted extension', async () => {
    const doc = await registered();
    // Saturday 14 March 2026 → Monday 16 March.
    const { json: card } = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'Вжити заходів', term: '2026-03-28' });
    expect(card.term).to.equal('2026-03-30');
    const base = `/api/v1/documents/${doc.id}/control/${card.id}`;
    clock.set('2026-03-20T09:00:00Z');
    // Asked for Saturday 18 April; granted as asked: the term is Monday 20 April.
    const asked = await call(hub, 'POST', `${base}/extension-requests`, { actor: 'housing-dept', newTerm: '2026-04-18', reason: 'Очікуємо висновок експертизи' });
    expect(asked.status, JSON.stringify(asked.json)).to.equal(200);
    const granted = await call(hub, 'POST', `${base}/extension-decision`, { actor: 'mayor', granted: true });
    expect(granted.status, JSON.stringify(granted.json)).to.equal(200);
    expect(granted.json.term).to.equal('2026-04-20');
    expect(granted.json.extensions[0]).to.include({ newTerm: '2026-04-18', term: '2026-04-20' });
    // Derived dates follow the moved term: 3 working days before Mon 20 April is Wed 15 April (003 §117).
    expect(granted.json.reminderOn).to.equal('2026-04-15');

    // A grant that names its own date (Sunday 26 April) is moved too: Monday 27 April.
    clock.set('2026-04-10T09:00:00Z');
    await call(hub, 'POST', `${base}/extension-requests`, { actor: 'housing-dept', newTerm: '2026-04-30', reason: 'Ще не надійшов висновок' });
    const own = await call(hub, 'POST', `${base}/extension-decision`, { actor: 'mayor', granted: true, term: '2026-04-26' });
    expect(own.status, JSON.stringify(own.json)).to.equal(200);
    expect(own.json.term).to.equal('2026-04-27');
  });

  it('003 §80, §159: only the responsible executor (first in the resolution) executes; a co-executor hands over their part', async () => {
    const doc = await registered();
    const { json: card } = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, {
      actor: 'mayor', executors: ['education-dept', 'finance-dept'], task: 'Розглянути та підготувати відповідь',
    });
    const base = `/api/v1/documents/${doc.id}/control/${card.id}`;
    clock.set('2026-04-01T09:00:00Z');
    const byCoExecutor = await call(hub, 'POST', `${base}/execution`, { actor: 'finance-dept', onMerits: true, answer: { summary: 'Кошторис погоджено' } });
    expect(byCoExecutor.status).to.equal(409);
    expect(byCoExecutor.json).to.include({ code: 'NOT_RESPONSIBLE_EXECUTOR' });
    expect(byCoExecutor.json.messageUk).to.contain('першим');
    expect(byCoExecutor.json.details.basis).to.contain('§80').and.contain('§159');
    expect(byCoExecutor.json.details).to.include({ by: 'finance-dept', responsible: 'education-dept' });
    // The co-executor's part goes to the card as an interim answer; the card stays under control (003 §119).
    const part = await call(hub, 'POST', `${base}/interim-answers`, { actor: 'finance-dept', text: 'Фінансове управління: кошторис погоджено' });
    expect([part.status, part.json.status]).to.deep.equal([200, 'under-control']);
    const done = await call(hub, 'POST', `${base}/execution`, { actor: 'education-dept', onMerits: true, answer: { summary: 'Надано відповідь по суті' } });
    expect([done.status, done.json.status, done.json.execution.by]).to.deep.equal([200, 'executed', 'education-dept']);
  });

  it('003 §157: a resolution dated before the document was registered is refused', async () => {
    const doc = await registered({ receivedAt: '2026-03-06T08:00:00Z' });
    expect(doc.registration.date).to.equal('2026-03-10');
    const early = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['legal-dept'], task: 'Опрацювати', date: '2026-03-06' });
    expect(early.status).to.equal(422);
    expect(early.json).to.include({ code: 'RESOLUTION_BEFORE_REGISTRATION' });
    expect(early.json.messageUk).to.contain('реєстрац');
    expect(early.json.details).to.include({ resolutionDate: '2026-03-06', registrationDate: '2026-03-10' });
    expect(early.json.details.basis).to.contain('003 §157');
    const onTheDay = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['legal-dept'], task: 'Опрацювати', date: '2026-03-10' });
    expect(onTheDay.status, JSON.stringify(onTheDay.json)).to.equal(201);
  });

  it('refuses control on an unregistered document and invalid bodies with structured errors', async () => {
    const greeting = await registered({ subtype: 'greeting' });
    const res = await call(hub, 'POST', `/api/v1/documents/${greeting.id}/resolutions`, { actor: 'mayor', executors: ['x'], task: 't' });
    expect(res.json.code).to.equal('NOT_REGISTERED');
    const bad = await call(hub, 'POST', `/api/v1/documents/${greeting.id}/resolutions`, { actor: 'mayor', executors: [], task: 't' });
    expect(bad.status).to.equal(400);
    expect(bad.json.code).to.equal('VALIDATION_FAILED');
  });

  it('lists the overdue items (003 §165) and reports executive discipline per executor (003 §117), JSON and CSV', async () => {
    clock.set('2026-06-01T09:00:00Z');
    const make = async (executor: string) => {
      const doc = await registered({ receivedAt: '2026-05-29T08:00:00Z' });
      return (await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: [executor], task: 'Т', term: '2026-06-10' })).json;
    };
    const onTime = await make('discipline-a');
    const late = await make('discipline-a');
    await make('discipline-b');
    clock.set('2026-06-09T09:00:00Z');
    await call(hub, 'POST', `/api/v1/documents/${onTime.documentId}/control/${onTime.id}/execution`, { actor: 'discipline-a', onMerits: true, answer: { summary: 'Виконано' } });
    clock.set('2026-06-12T09:00:00Z');
    await call(hub, 'POST', `/api/v1/documents/${late.documentId}/control/${late.id}/execution`, { actor: 'discipline-a', onMerits: true, answer: { summary: 'Виконано' } });
    const overdue = await call(hub, 'GET', '/api/v1/control?overdue=true&executor=discipline-b');
    expect(overdue.json.items).to.have.length(1);
    expect(overdue.json.items[0]).to.include({ overdue: true, term: '2026-06-10' });
    const report = await call(hub, 'GET', '/api/v1/reports/discipline?from=2026-06-01&to=2026-06-30');
    const a = report.json.executors.find((r: Json) => r.executor === 'discipline-a');
    const b = report.json.executors.find((r: Json) => r.executor === 'discipline-b');
    expect(a).to.deep.equal({ executor: 'discipline-a', total: 2, onTime: 1, late: 1, overdue: 0, open: 0, shareOnTime: 0.5 });
    expect(b).to.deep.include({ total: 1, overdue: 1, shareOnTime: 0 });
    const csv = await call(hub, 'GET', '/api/v1/reports/discipline?from=2026-06-01&to=2026-06-30&format=csv');
    // For a Ukrainian Excel: `;`, a decimal comma, dates as дд.мм.рррр, statuses in words.
    expect(csv.json).to.contain('Виконавець;Усього на контролі;Виконано вчасно');
    expect(csv.json).to.contain('discipline-a;2;1;1;0;0;50,0');
    const listCsv = await call(hub, 'GET', '/api/v1/control?overdue=true&format=csv');
    expect(listCsv.json).to.contain('Прострочено');
    expect(listCsv.json).to.match(/;\d{2}\.\d{2}\.2026;на контролі;так/);
  });

  it('XLSX of the control list and of executive discipline (format=xlsx or Accept): title, period, frozen header, real dates and counts, as the JSON', async () => {
    await ensureStaff(hub.db, ['xlsx-a', 'xlsx-b']);
    clock.set('2026-08-03T09:00:00Z');
    const make = async (executor: string, summary: string) => {
      const doc = await registered({ receivedAt: '2026-08-03T07:00:00Z', summary });
      return (await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: [executor], task: 'Підготувати довідку', term: '2026-08-14' })).json;
    };
    const done = await make('xlsx-a', 'Щодо графіка прийому громадян');
    await make('xlsx-a', 'Щодо ремонту; покрівлі школи № 3');
    await make('xlsx-b', 'Щодо благоустрою скверу');
    clock.set('2026-08-12T09:00:00Z');
    await call(hub, 'POST', `/api/v1/documents/${done.documentId}/control/${done.id}/execution`, { actor: 'xlsx-a', onMerits: true, answer: { summary: 'Виконано' } });
    clock.set('2026-08-17T09:00:00Z'); // Monday after the term: the open card is overdue

    const report = await call(hub, 'GET', '/api/v1/reports/discipline?from=2026-08-01&to=2026-08-31');
    const disciplineXlsx = await downloadXlsx(hub, '/api/v1/reports/discipline?from=2026-08-01&to=2026-08-31&format=xlsx');
    expect(disciplineXlsx.headers.get('content-disposition')).to.equal('attachment; filename="discipline_2026-08-01_2026-08-31.xlsx"');
    expectLayout(disciplineXlsx.sheet, {
      title: 'Стан виконавської дисципліни',
      caption: 'Строки виконання: з 01.08.2026 по 31.08.2026; станом на 17.08.2026',
      headers: ['Виконавець', 'Усього на контролі', 'Виконано вчасно', 'Виконано із запізненням', 'Прострочено', 'На виконанні', 'Частка вчасно, %'],
    });
    const disciplineRows = records(disciplineXlsx.sheet);
    expect(disciplineRows.map((r) => r['Виконавець']!.value)).to.deep.equal(report.json.executors.map((e: Json) => e.executor));
    report.json.executors.forEach((e: Json, i: number) => {
      const row = disciplineRows[i]!;
      expectIntegerCell(row['Усього на контролі'], e.total);
      expectIntegerCell(row['Виконано вчасно'], e.onTime);
      expectIntegerCell(row['Виконано із запізненням'], e.late);
      expectIntegerCell(row['Прострочено'], e.overdue);
      expectIntegerCell(row['На виконанні'], e.open);
      expect(row['Частка вчасно, %']!.value ?? null).to.equal(e.shareOnTime);
    });
    const a = disciplineRows.find((r) => r['Виконавець']!.value === 'xlsx-a')!;
    expect([a['Усього на контролі']!.value, a['Виконано вчасно']!.value, a['Прострочено']!.value]).to.deep.equal([2, 1, 1]);
    expect([a['Частка вчасно, %']!.value, a['Частка вчасно, %']!.numFmt]).to.deep.equal([0.5, '0.0%']);

    // The list by Accept, with its filters in the caption; the same cards, in the same order, as the JSON.
    const list = await call(hub, 'GET', '/api/v1/control?executor=xlsx-a&dueBefore=2026-08-31');
    expect(list.json.items).to.have.length(2);
    const listXlsx = await downloadXlsx(hub, '/api/v1/control?executor=xlsx-a&dueBefore=2026-08-31', { accept: XLSX_TYPE });
    expect(listXlsx.headers.get('content-disposition')).to.equal('attachment; filename="control-list_2026-08-17.xlsx"');
    expectLayout(listXlsx.sheet, {
      title: 'Перелік документів і завдань на контролі',
      caption: 'Станом на 17.08.2026; виконавець: xlsx-a; строк не пізніше: 31.08.2026',
      headers: ['Реєстраційний індекс', 'Короткий зміст', 'Завдання', 'Виконавці', 'Строк', 'Стан', 'Прострочено'],
    });
    const listRows = records(listXlsx.sheet);
    expect(listRows).to.have.length(2);
    list.json.items.forEach((c: Json, i: number) => {
      const row = listRows[i]!;
      expectTextCell(row['Реєстраційний індекс'], c.documentIndex);
      expectTextCell(row['Короткий зміст'], c.documentSummary);
      expectTextCell(row['Завдання'], c.task);
      expectTextCell(row['Виконавці'], c.executors.join(', '));
      expectDateCell(row['Строк'], c.term);
      expectTextCell(row['Стан'], { 'under-control': 'на контролі', executed: 'виконано' }[c.status as string]);
      expectTextCell(row['Прострочено'], c.overdue ? 'так' : 'ні');
    });
    expect(listRows.map((r) => [r['Стан']!.value, r['Прострочено']!.value]).sort()).to.deep.equal([['виконано', 'ні'], ['на контролі', 'так']]);

    // A page of a longer list says so, in the headers and in the file.
    const firstPage = await call(hub, 'GET', '/api/v1/control?executor=xlsx-a&limit=1');
    const pageXlsx = await downloadXlsx(hub, '/api/v1/control?executor=xlsx-a&limit=1&format=xlsx');
    expect(pageXlsx.headers.get('x-next-cursor')).to.be.a('string').and.equal(firstPage.json.nextCursor);
    expect(pageXlsx.sheet.getCell('A2').value).to.equal('Станом на 17.08.2026; виконавець: xlsx-a; неповний перелік: 1 запис на цій сторінці, наступна — за курсором X-Next-Cursor');
    expect(records(pageXlsx.sheet)).to.have.length(1);

    const unknown = await call(hub, 'GET', '/api/v1/control?format=pdf');
    expect([unknown.status, unknown.json.code]).to.deep.equal([400, 'INVALID_QUERY']);
  });
});
