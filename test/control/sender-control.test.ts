/**
 * Control set by the sender (issue 18): a document whose sender put its task under control is under
 * control from registration with the sender's term (003 пп. 165, 166), on one card that the head's
 * resolution later gives executors (003 п. 157), never past the sender's term (003 пп. 158, 172).
 * Real PostgreSQL, the test's own clock.
 */
import { expect } from 'chai';
import { verifyAuditLog } from '../../src/audit';
import { ControlScheduler } from '../../src/control';
import { ManualClock } from '../support/clock';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { call } from '../support/http';
import { ensureStaff } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

type Json = any;

const SENDER = { name: 'Обласна військова адміністрація', edrpou: '00022473' };

/** A higher authority's document whose sender put its task for the council under control. */
function controlled(term: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return submission({
    source: 'oblast', kind: 'higher-authority-document', dueDate: term, summary: 'Про стан готовності захисних споруд',
    senderControl: { term, task: 'Надати інформацію про стан укриттів', taskId: 'Z1', taskNumber: '14-З/77', taskDate: '2026-03-05', sender: SENDER },
    ...over,
  });
}

describe('control set by the sender (real PostgreSQL, fixed dates)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  // Tuesday 10 March 2026, 11:00 Kyiv (martial law: holidays are working days, weekends are not).
  const clock = new ManualClock('2026-03-10T09:00:00Z');

  async function register(body: Record<string, unknown>): Promise<Json> {
    const res = await call(hub, 'POST', '/api/v1/documents', body);
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    return res.json;
  }
  const cardsOf = async (id: string): Promise<Json[]> => (await call(hub, 'GET', `/api/v1/documents/${id}/control`)).json.items;
  const eventsOf = (id: string) => hub.db.query<{ type: string; payload: Json }>('SELECT type, payload FROM outbox WHERE document_id = $1 ORDER BY seq', [id]);
  const logOf = async (id: string): Promise<Json[]> => (await call(hub, 'GET', `/api/v1/audit/log?documentId=${id}`)).json.items;
  const resolve = (id: string, body: Record<string, unknown>) => call(hub, 'POST', `/api/v1/documents/${id}/resolutions`, { actor: 'mayor', ...body });

  before(async () => {
    testDb = await createTestDatabase('sender_control');
    hub = await startTestHub({ databaseUrl: testDb.url }, { clock, scheduler: false });
    await ensureStaff(hub.db, ['mayor', 'deputy-mayor', 'housing-dept', 'finance-dept', 'legal-dept']);
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });
  beforeEach(() => clock.set('2026-03-10T09:00:00Z'));

  it('003 п. 165, 166: registered under control with the sender\'s term, no executors, one control.assigned and its control-log entry by the intake', async () => {
    const doc = await register(controlled('2026-03-20'));
    expect(doc.registration.date).to.equal('2026-03-10');
    const cards = await cardsOf(doc.id);
    expect(cards).to.have.length(1);
    const [card] = cards;
    expect(card).to.include({
      documentId: doc.id, resolutionNo: 1, version: 1, status: 'under-control', term: '2026-03-20', originalTerm: '2026-03-20',
      reminderOn: '2026-03-17', rule: 'sender-control', author: 'sender:00022473', controller: 'sender:00022473', termSetBy: 'sender:00022473',
      resolutionDate: '2026-03-10', task: 'Надати інформацію про стан укриттів',
    });
    expect(card.executors).to.deep.equal([]);
    expect(card.senderControl).to.deep.include({ term: '2026-03-20', taskNumber: '14-З/77', sender: SENDER });
    expect(card.basis).to.contain('Обласна військова адміністрація').and.contain('165').and.contain('172');
    expect((await call(hub, 'GET', `/api/v1/documents/${doc.id}`)).json.status).to.equal('under-control');

    const events = await eventsOf(doc.id);
    expect(events.map((e) => e.type).sort()).to.deep.equal(['control.assigned', 'document.registered']);
    const assigned = events.find((e) => e.type === 'control.assigned')!.payload;
    expect(assigned).to.include({ documentId: doc.id, status: 'under-control', source: 'oblast' });
    expect(assigned.data).to.deep.include({ cardId: card.id, term: '2026-03-20', controlStatus: 'under-control', executors: [], version: 1 });

    const log = await logOf(doc.id);
    expect(log).to.have.length(1);
    expect(log[0]).to.deep.include({ action: 'control.assigned', actor: 'dilovod-sender-control', via: { method: 'system', principalKind: 'system' }, before: null });
    expect(log[0].after).to.deep.include({ status: 'under-control', term: '2026-03-20', executors: [], controller: 'sender:00022473' });
    expect(log[0].reason).to.contain('Контроль відправника').and.contain('№ 14-З/77 від 05.03.2026').and.contain('20.03.2026');
    expect(await verifyAuditLog(hub.db)).to.include({ ok: true });
  });

  it('shows in the weekly plan, the overdue list and its export, the morning figures, the discipline report and the scheduler\'s notice, with no executor', async () => {
    clock.set('2026-05-04T09:00:00Z');
    const doc = await register(controlled('2026-05-15'));
    const [card] = await cardsOf(doc.id);
    // The week of 11-17 May, as the plan-schedule asks it (003 п. 165).
    const week = await call(hub, 'GET', '/api/v1/control?status=under-control&dueFrom=2026-05-11&dueBefore=2026-05-17&limit=1000');
    expect(week.json.items.map((c: Json) => c.id)).to.include(card.id);

    clock.set('2026-05-18T09:00:00Z'); // Monday after the term
    const overdue = await call(hub, 'GET', '/api/v1/control?overdue=true&limit=1000');
    const listed = overdue.json.items.find((c: Json) => c.id === card.id);
    expect(listed).to.deep.include({ overdue: true, term: '2026-05-15', executors: [], documentIndex: doc.registration.index });
    const csv = await call(hub, 'GET', '/api/v1/control?overdue=true&format=csv');
    const row = (csv.json as string).split('\n').find((line) => line.startsWith(`${doc.registration.index};`));
    expect(row).to.contain(';виконавця не призначено;15.05.2026;');
    const today = await call(hub, 'GET', '/api/v1/dashboard/today');
    expect(today.json.overdue).to.equal(overdue.json.items.length).and.to.be.greaterThan(0);

    const report = await call(hub, 'GET', '/api/v1/reports/discipline?from=2026-05-01&to=2026-05-31');
    expect(report.json.executors).to.deep.equal([{ executor: null, total: 1, onTime: 0, late: 0, overdue: 1, open: 0, shareOnTime: 0 }]);
    const behind = await call(hub, 'GET', '/api/v1/reports/discipline/cards?unassigned=true&from=2026-05-01&to=2026-05-31&outcome=overdue');
    expect(behind.json.items.map((c: Json) => c.id)).to.deep.equal([card.id]);
    const reportCsv = await call(hub, 'GET', '/api/v1/reports/discipline?from=2026-05-01&to=2026-05-31&format=csv');
    expect(reportCsv.json).to.contain('виконавця не призначено;1;0;0;1;0;0,0');
    expect((await call(hub, 'GET', '/api/v1/reports/discipline/cards?from=2026-05-01&to=2026-05-31&outcome=overdue')).status).to.equal(400);

    const scheduler = new ControlScheduler(hub.db, clock, hub.log, 3_600_000);
    expect((await scheduler.tick()).overdue).to.be.greaterThan(0);
    const notice = (await eventsOf(doc.id)).find((e) => e.type === 'control.overdue');
    expect(notice?.payload.data).to.deep.include({ cardId: card.id, responsible: null, executors: [] });
  });

  it('003 п. 157: the head\'s resolution names the executors on that same card; the term stays the sender\'s; then the card runs its course', async () => {
    const doc = await register(controlled('2026-03-20'));
    const [opened] = await cardsOf(doc.id);
    clock.set('2026-03-11T09:00:00Z');
    const res = await resolve(doc.id, { executors: ['housing-dept', 'finance-dept'], task: 'Підготувати інформацію', controller: 'deputy-mayor' });
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    expect(res.json).to.include({
      id: opened.id, resolutionNo: 1, version: 2, author: 'mayor', controller: 'deputy-mayor', termSetBy: 'sender:00022473',
      term: '2026-03-20', originalTerm: '2026-03-20', resolutionDate: '2026-03-11', rule: 'sender-control',
      task: 'Надати інформацію про стан укриттів; резолюція: Підготувати інформацію',
    });
    expect(res.json.executors).to.deep.equal(['housing-dept', 'finance-dept']);
    const cards = await cardsOf(doc.id);
    expect(cards.map((c) => c.id)).to.deep.equal([opened.id]);

    const assigned = (await eventsOf(doc.id)).filter((e) => e.type.startsWith('control.'));
    expect(assigned.map((e) => [e.type, e.payload.data.version, e.payload.data.executors])).to.deep.equal([
      ['control.assigned', 1, []],
      ['control.assigned', 2, ['housing-dept', 'finance-dept']],
    ]);
    const log = await logOf(doc.id);
    expect(log.map((e) => [e.action, e.actor])).to.deep.equal([['control.assigned', 'dilovod-sender-control'], ['control.executors-assigned', 'mayor']]);
    expect(log[1].before).to.deep.include({ executors: [], controller: 'sender:00022473', term: '2026-03-20' });
    expect(log[1].after).to.deep.include({ executors: ['housing-dept', 'finance-dept'], controller: 'deputy-mayor', term: '2026-03-20' });

    clock.set('2026-03-18T09:00:00Z');
    const base = `/api/v1/documents/${doc.id}/control/${opened.id}`;
    const executed = await call(hub, 'POST', `${base}/execution`, { actor: 'housing-dept', onMerits: true, answer: { summary: 'Інформацію надано', outgoingIndex: '02-15/44' } });
    expect(executed.json).to.include({ status: 'executed', version: 3 });
    expect((await call(hub, 'POST', `${base}/release`, { actor: 'deputy-mayor' })).json).to.include({ status: 'released' });
    expect(await verifyAuditLog(hub.db)).to.include({ ok: true });
  });

  it('003 п. 158, 172: an earlier term in the resolution is accepted and is the head\'s to extend, within the sender\'s', async () => {
    const doc = await register(controlled('2026-03-20'));
    clock.set('2026-03-11T09:00:00Z');
    const res = await resolve(doc.id, { executors: ['housing-dept'], task: 'Підготувати інформацію', term: '2026-03-17' });
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    expect(res.json).to.include({ term: '2026-03-17', originalTerm: '2026-03-20', termSetBy: 'mayor', rule: 'explicit', version: 2 });
    expect(res.json.basis).to.contain('20.03.2026');
    const base = `/api/v1/documents/${doc.id}/control/${res.json.id}`;
    expect((await call(hub, 'POST', `${base}/extension-requests`, { actor: 'housing-dept', newTerm: '2026-03-19', reason: 'Очікуємо дані від шкіл' })).status).to.equal(200);
    expect((await call(hub, 'POST', `${base}/extension-decision`, { actor: 'mayor', granted: true })).json).to.include({ term: '2026-03-19' });
    const past = await call(hub, 'POST', `${base}/extension-requests`, { actor: 'housing-dept', newTerm: '2026-03-24', reason: 'Ще не всі дані' });
    expect(past.status).to.equal(409);
    expect(past.json).to.include({ code: 'EXTENSION_BEYOND_SENDER_TERM' });
    expect(past.json.details).to.include({ newTerm: '2026-03-24', senderTerm: '2026-03-20' });
    expect(await cardsOf(doc.id)).to.have.length(1);
  });

  it('003 п. 158, 172: a later term in the resolution would extend the sender\'s: refused with the rule, the card as it was', async () => {
    const doc = await register(controlled('2026-03-20'));
    const later = await resolve(doc.id, { executors: ['housing-dept'], task: 'Підготувати інформацію', term: '2026-03-27' });
    expect(later.status).to.equal(422);
    expect(later.json).to.include({ code: 'RESOLUTION_BEYOND_SENDER_TERM' });
    expect(later.json.messageUk).to.contain('відправник');
    expect(later.json.details).to.include({ term: '2026-03-27', senderTerm: '2026-03-20' });
    expect(later.json.details.basis).to.contain('§158').and.contain('§172');
    const [card] = await cardsOf(doc.id);
    expect(card).to.include({ version: 1, term: '2026-03-20' });
    expect(card.executors).to.deep.equal([]);
    expect(await logOf(doc.id)).to.have.length(1);
  });

  it('a further resolution on the filled card details it in a card of its own, within the sender\'s term', async () => {
    const doc = await register(controlled('2026-03-20'));
    expect((await resolve(doc.id, { executors: ['housing-dept'], task: 'Підготувати інформацію' })).status).to.equal(201);
    const beyond = await resolve(doc.id, { executors: ['legal-dept'], task: 'Перевірити договори', term: '2026-03-27' });
    expect(beyond.status).to.equal(422);
    expect(beyond.json.code).to.equal('RESOLUTION_BEYOND_SENDER_TERM');
    const detail = await resolve(doc.id, { executors: ['legal-dept'], task: 'Перевірити договори' });
    expect(detail.status).to.equal(201);
    expect(detail.json).to.include({ resolutionNo: 2, term: '2026-03-20', termSetBy: 'mayor' });
    expect(detail.json.senderControl).to.equal(undefined);
    expect((await cardsOf(doc.id)).map((c) => c.resolutionNo)).to.deep.equal([1, 2]);
  });

  it('ЦК ст. 254 ч. 5: a sender\'s term on a Saturday ends on Monday; the sender\'s date is kept as sent', async () => {
    const doc = await register(controlled('2026-03-21'));
    const [card] = await cardsOf(doc.id);
    expect(card).to.include({ term: '2026-03-23', originalTerm: '2026-03-23' });
    expect(card.senderControl.term).to.equal('2026-03-21');
  });

  it('a repeat registers nothing again: one card, one control.assigned', async () => {
    const body = controlled('2026-03-20');
    const first = await register(body);
    const again = await call(hub, 'POST', '/api/v1/documents', body);
    expect(again.status).to.equal(200);
    expect(again.json.id).to.equal(first.id);
    expect(await cardsOf(first.id)).to.have.length(1);
    expect((await eventsOf(first.id)).filter((e) => e.type === 'control.assigned')).to.have.length(1);
  });

  it('003 п. 157: a document not registered (a copy for information) is not put under control', async () => {
    const doc = await register(controlled('2026-03-20', { subtype: 'copy-for-information' }));
    expect(doc.registration).to.equal(null);
    expect(await cardsOf(doc.id)).to.deep.equal([]);
    expect((await eventsOf(doc.id)).map((e) => e.type)).to.deep.equal(['document.not-registered']);
  });

  it('without senderControl nothing changes: a term alone puts nothing under control; a resolution opens its card as before', async () => {
    const letter = await register(submission());
    const withTerm = await register(submission({ kind: 'higher-authority-document', dueDate: '2026-03-20' }));
    for (const doc of [letter, withTerm]) {
      expect(await cardsOf(doc.id)).to.deep.equal([]);
      expect((await call(hub, 'GET', `/api/v1/documents/${doc.id}`)).json.status).to.equal('registered');
      expect((await eventsOf(doc.id)).map((e) => e.type)).to.deep.equal(['document.registered']);
      expect(await logOf(doc.id)).to.deep.equal([]);
    }
    const res = await resolve(letter.id, { executors: ['housing-dept'], task: 'Розглянути' });
    expect(res.status).to.equal(201);
    expect(res.json).to.include({ resolutionNo: 1, version: 1, rule: 'letter', term: '2026-04-10', author: 'mayor', termSetBy: 'mayor' });
    expect(res.json.senderControl).to.equal(undefined);
    const fromDoc = await resolve(withTerm.id, { executors: ['housing-dept'], task: 'Виконати', term: '2026-03-27' });
    expect(fromDoc.json).to.include({ term: '2026-03-27', rule: 'explicit' });
  });
});
