/**
 * An appeal from a past year (a council's archive) gets its terms on the calendar of its year,
 * over HTTP on a real PostgreSQL with the hub's clock at 10 March 2026 and the law-in-force
 * calendar. Until the peacetime calendar covered 2000-2100 such an appeal was refused with
 * APPEAL_CALENDAR_NOT_COVERED (the shipped data started on 01.01.2020).
 */
import { expect } from 'chai';
import { fakePerson, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { LAW_IN_FORCE } from '../../src/domain/calendar';
import { computeTerm } from '../../src/domain/terms';
import { startTestHub, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { appealSubmission, call, cardFor, decision, OFFICER } from './support';

describe('appeals: an appeal received in 2018 is counted on the 2018 calendar (КЗпП ст. 73, ст. 67 ч. 3)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const rng = seededRng(2018);

  before(async () => {
    testDb = await createTestDatabase('appeals_2018');
    hub = await startTestHub({ databaseUrl: testDb.url }, { scheduler: false });
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('received Friday 27.04.2018: registered, and passed on for review by Thursday 03.05.2018', async () => {
    const card = cardFor([fakePerson(rng)], { writtenOn: '2018-04-25', summary: 'Щодо ремонту покрівлі багатоквартирного будинку' });
    const res = await call(hub, 'POST', '/api/v1/documents', appealSubmission(card, { receivedAt: '2018-04-27T07:30:00Z' }));
    expect(res.status, JSON.stringify(res.json)).to.equal(201);
    const appeal = (await call(hub, 'GET', `/api/v1/documents/${res.json.id}/appeal`, undefined, OFFICER)).json;
    expect(appeal.card.receivedOn).to.equal('2018-04-27');
    // 003 §108: passed on by the 3rd working day. By hand, from the 2018 wording of art. 73:
    // 30.04 (1); 1.05 a holiday; 2.05 a working day since Law 2211-VIII (2); 3.05 (3).
    // (The 2017 wording would give 04.05, martial-law rules 02.05.)
    expect(decision(appeal, 'routing').details.reviewBy).to.equal('2018-05-03');
  });

  it('its answer term: 30 days to Sunday 27.05.2018, Trinity, whose day off moved to Monday 28.05, so Tuesday 29.05.2018', () => {
    // Law «Про звернення громадян» art. 20; Civil Code art. 253, 254 ч. 5; КЗпП ст. 67 ч. 3.
    // Through the domain: over HTTP a resolution dated in 2026 cannot set a 2018 term (003 §157).
    const r = computeTerm({ rule: 'appeal', from: '2018-04-27', calendar: LAW_IN_FORCE });
    expect(r).to.include({ unadjustedTerm: '2018-05-27', term: '2018-05-29', adjustment: 'next-working-day' });
    expect(r.notes.join(' ')).to.contain('Трійця');
    expect(LAW_IN_FORCE.dayOff('2018-05-28')?.kind).to.equal('transfer');
  });
});
