import { expect } from 'chai';
import { ManualClock } from '../support/clock';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { call } from '../support/http';
import { ensureStaff } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';

/**
 * Issue 13: documents the council issues itself arrive with their own number («233-р»); the hub
 * gave them a second one («01-05/326»). They keep it as their registration, and are put under
 * control as 003 §195 says: a month from the general department's dissemination (their receipt
 * here), unless the document sets a term.
 */
describe('the council\'s own decisions and orders keep their number (003 §195; real PostgreSQL)', function () {
  this.timeout(30_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const clock = new ManualClock('2026-03-10T09:00:00Z');

  before(async () => {
    testDb = await createTestDatabase('own');
    hub = await startTestHub({ databaseUrl: testDb.url }, { clock, scheduler: false });
    await ensureStaff(hub.db, ['clerk-1', 'mayor', 'housing-dept']);
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  const order = (externalId: string, outgoing?: { number: string; date: string }) =>
    submission({ externalId, kind: 'mayor-order', correspondent: { name: 'Міський голова' }, summary: 'Про заходи з підготовки до опалювального сезону', receivedAt: '2026-03-09T08:00:00Z', ...(outgoing ? { outgoing } : { outgoing: undefined }) });

  it('a mayor\'s order «233-р» of 02.03.2026 is registered as 233-р of that day, in the orders journal; an order without a number continues after it', async () => {
    const res = await call(hub, 'POST', '/api/v1/documents', order('ord-233', { number: '233-р', date: '2026-03-02' }));
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    expect(res.json.registration).to.deep.include({ index: '233-р', number: 233, date: '2026-03-02', journal: 'mayor-orders', year: 2026 });

    const next = await call(hub, 'POST', '/api/v1/documents', order('ord-no-number'));
    expect(next.status, JSON.stringify(next.json)).to.equal(201);
    expect(next.json.registration.number).to.equal(234);
  });

  it('the same number again (another document) is refused 409 REGISTRATION_NUMBER_TAKEN and kept in quarantine; an official letter\'s outgoing number is never its registration', async () => {
    const again = await call(hub, 'POST', '/api/v1/documents', order('ord-233-bis', { number: '233-р', date: '2026-03-02' }));
    expect(again.status).to.equal(409);
    expect(again.json.code).to.equal('REGISTRATION_NUMBER_TAKEN');
    expect(again.json.details).to.include({ heldBy: '233-р' });
    expect(again.json.quarantineId).to.be.a('string');

    const letter = await call(hub, 'POST', '/api/v1/documents', submission({ outgoing: { number: '233-р', date: '2026-03-02' } }));
    expect(letter.status).to.equal(201);
    expect(letter.json.registration.index).not.to.equal('233-р');
  });

  it('under control by 003 §195: a month from its receipt (dissemination), not from the day it was signed', async () => {
    const res = await call(hub, 'POST', '/api/v1/documents', order('ord-240', { number: '240-р', date: '2026-03-03' }));
    expect(res.status).to.equal(201);
    const card = await call(hub, 'POST', `/api/v1/documents/${res.json.id}/resolutions`, { actor: 'clerk-1', author: 'mayor', executors: ['housing-dept'], task: 'Забезпечити виконання розпорядження' });
    expect(card.status, JSON.stringify(card.json)).to.equal(201);
    expect(card.json).to.include({ rule: 'mayor-order', term: '2026-04-09' });
    expect(card.json.basis).to.contain('195');
  });
});
