/**
 * The control log as the auditor filters it (issue 15): by document — its id, or the registration
 * index the auditor reads on paper — by who acted, by action and by dates, each alone and together,
 * and the file of the same filters; and every action the hub's operations log has a Ukrainian name
 * for the page's filter (src/domain/audit/labels-uk.ts). Real PostgreSQL, the test hub's clock.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { AUDIT_ACTION_UK } from '../../src/domain/audit';
import { SAMPLE_NOMENCLATURE_FILE } from '../../src/nomenclature';
import { call } from '../support/http';
import { ManualClock } from '../support/clock';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, ensureStaff, personToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { downloadXlsx } from '../support/xlsx';

type Json = any;

describe('the control log filtered by document, person, action and dates (real PostgreSQL)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  let admin: Record<string, string>;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const docs: Json[] = [];

  const log = async (query: string): Promise<Json[]> => {
    const res = await call(hub, 'GET', `/api/v1/audit/log?limit=1000&${query}`);
    expect(res.status, JSON.stringify(res.json)).to.equal(200);
    return res.json.items;
  };
  const seqs = (entries: Json[]) => entries.map((e) => e.seq);

  before(async () => {
    testDb = await createTestDatabase('audit_filters');
    hub = await startTestHub({ databaseUrl: testDb.url }, { clock, scheduler: false });
    admin = bearer(await personToken(hub.db, 'admin-1', ['admin']));
    await ensureStaff(hub.db, ['mayor', 'deputy', 'housing-dept']);
    for (const summary of ['Щодо ремонту покрівлі школи № 3', 'Про стан підготовки до паводку']) {
      const res = await call(hub, 'POST', '/api/v1/documents', submission({ summary, receivedAt: clock.now().toISOString() }));
      expect(res.status).to.equal(201);
      docs.push(res.json);
    }
    // 2 March: the mayor puts the first under control, the deputy the second; 5 March: an interim answer; 6 March: executed and released.
    const [roof, flood] = docs as [Json, Json];
    const roofCard = (await call(hub, 'POST', `/api/v1/documents/${roof.id}/resolutions`, { actor: 'mayor', executors: ['housing-dept'], task: 'Обстежити покрівлю' })).json;
    await call(hub, 'POST', `/api/v1/documents/${flood.id}/resolutions`, { actor: 'deputy', executors: ['housing-dept'], task: 'Підготувати інформацію' });
    clock.set('2026-03-05T09:00:00Z');
    expect((await call(hub, 'POST', `/api/v1/documents/${roof.id}/control/${roofCard.id}/interim-answers`, { actor: 'housing-dept', text: 'Обстеження триває' })).status).to.equal(200);
    clock.set('2026-03-06T09:00:00Z');
    expect((await call(hub, 'POST', `/api/v1/documents/${roof.id}/control/${roofCard.id}/execution`, { actor: 'housing-dept', onMerits: true, answer: { summary: 'Покрівлю відремонтовано', outgoingIndex: '05-12/7' } })).status).to.equal(200);
    expect((await call(hub, 'POST', `/api/v1/documents/${roof.id}/control/${roofCard.id}/release`, { actor: 'mayor' })).status).to.equal(200);
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('by document: its index gives what its id gives, and only its entries', async () => {
    const [roof, flood] = docs as [Json, Json];
    const byId = await log(`documentId=${roof.id}`);
    expect(byId.map((e) => e.action)).to.deep.equal(['control.assigned', 'control.interim', 'control.executed', 'control.released']);
    expect(seqs(await log(`documentIndex=${encodeURIComponent(roof.registration.index)}`))).to.deep.equal(seqs(byId));
    expect(seqs(await log(`documentIndex=${encodeURIComponent(` ${flood.registration.index} `)}`))).to.deep.equal(seqs(await log(`documentId=${flood.id}`)));
    expect(await log('documentIndex=99-99%2F1')).to.deep.equal([]);
    // A part of an index is not the document: the auditor names one.
    expect(await log(`documentIndex=${encodeURIComponent(roof.registration.index.slice(0, -1))}`)).to.deep.equal([]);
  });

  it('by person, action and dates, alone and together', async () => {
    const [roof] = docs as [Json];
    expect((await log('actor=mayor')).map((e) => e.action)).to.deep.equal(['control.assigned', 'control.released']);
    expect((await log('actor=housing-dept')).map((e) => e.action)).to.deep.equal(['control.interim', 'control.executed']);
    expect((await log('action=control.assigned')).map((e) => e.actor)).to.deep.equal(['mayor', 'deputy']);
    expect((await log('from=2026-03-05&to=2026-03-05')).map((e) => e.action)).to.deep.equal(['control.interim']);
    expect((await log('from=2026-03-06')).map((e) => e.action)).to.deep.equal(['control.executed', 'control.released']);
    expect((await log(`actor=mayor&action=control.released&from=2026-03-06&to=2026-03-06&documentIndex=${encodeURIComponent(roof.registration.index)}`)).map((e) => e.documentId)).to.deep.equal([roof.id]);
    expect(await log('actor=mayor&to=2026-03-01')).to.deep.equal([]);
  });

  it('the file of the same filters names them, the action in Ukrainian; a bad index is 400', async () => {
    const [roof] = docs as [Json];
    const { sheet } = await downloadXlsx(hub, `/api/v1/audit/log?documentIndex=${encodeURIComponent(roof.registration.index)}&action=control.interim&format=xlsx`);
    expect(sheet.getCell('A2').value).to.equal(`Дія: проміжна відповідь (control.interim); документ: ${roof.registration.index}`);
    expect(sheet.rowCount - 3).to.equal(1);
    for (const bad of [`documentIndex=${'1'.repeat(61)}`, 'documentIndex=%20%20', 'documentIndex=a&documentIndex=b']) {
      const res = await call(hub, 'GET', `/api/v1/audit/log?${bad}`);
      expect([res.status, res.json.code], bad).to.deep.equal([400, 'INVALID_QUERY']);
    }
  });

  it('every action the hub\'s operations log has a Ukrainian name to filter by', async () => {
    const { cases } = JSON.parse(readFileSync(SAMPLE_NOMENCLATURE_FILE, 'utf8')) as { cases: Json[] };
    expect((await call(hub, 'PUT', '/api/v1/nomenclature/2027', { cases }, admin)).status).to.equal(200);
    expect((await call(hub, 'PUT', '/api/v1/staff', { staff: [{ id: 'archivist', fullName: 'Коваль Ірина', position: 'архіваріус' }] }, admin)).status).to.equal(200);
    const token = (await call(hub, 'POST', '/api/v1/tokens', { name: 'СЕД', roles: ['integrator'], sources: ['edms'] }, admin)).json;
    expect((await call(hub, 'DELETE', `/api/v1/tokens/${token.id}`, undefined, admin)).status).to.equal(200);
    const sub = (await call(hub, 'POST', '/api/v1/subscriptions', { url: 'http://127.0.0.1:9/hook', events: ['*'] }, admin)).json;
    for (const step of ['pause', 'resume', 'rotate-secret']) expect((await call(hub, 'POST', `/api/v1/subscriptions/${sub.id}/${step}`, undefined, admin)).status).to.equal(200);
    expect((await call(hub, 'DELETE', `/api/v1/subscriptions/${sub.id}`, undefined, admin)).status).to.equal(204);
    const { summary: _none, ...invalid } = submission();
    const refused = await call(hub, 'POST', '/api/v1/documents', invalid);
    expect((await call(hub, 'POST', `/api/v1/quarantine/${refused.json.quarantineId}/dismiss`, { reason: 'Надіслано повторно' })).status).to.equal(200);

    const actions = [...new Set((await log('')).map((e) => e.action as string))];
    expect(actions).to.include.members(['nomenclature.imported', 'staff.imported', 'token.revoked', 'subscription.paused', 'subscription.deleted', 'quarantine.dismissed', 'control.released']);
    expect(actions.filter((a) => !AUDIT_ACTION_UK[a])).to.deep.equal([]);
  });
});
