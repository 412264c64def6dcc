/**
 * Issue 13: the council's TERM_ROLL reaches the appeals intake. The forwarding term (Law «Про
 * звернення громадян» art. 7 ч. 3: 5 days from receipt) that ends on a day off moves to the next
 * working day by default (Civil Code art. 254 ч. 5), or to the previous one when the council set
 * TERM_ROLL=previous — the same date `dilovod term --rule forwarding --roll previous` and control
 * give. Over HTTP on a real PostgreSQL with the hub's clock fixed at Tuesday 10 March 2026.
 */
import { expect } from 'chai';
import { fakePerson, seededRng } from '../../src/domain/appeals/testing/fake-people';
import { createCalendars } from '../../src/domain/calendar';
import { computeTerm } from '../../src/domain/terms';
import { startTestHub, type TestHub } from '../support/hub';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { appealSubmission, cardFor, decision, registerAppeal } from './support';

const competence = { withinCompetence: false, competentBody: { code: 'gas-operator', name: 'Оператор газорозподільної системи' } };

/** Received Monday 2 March 2026: + 5 days = Saturday 7 March, a day off. */
async function forwardBy(hub: TestHub, seed: number): Promise<{ forwardBy: string; basis: string; reasonUk: string }> {
  const card = cardFor([fakePerson(seededRng(seed))], { writtenOn: '2026-02-27', summary: 'Щодо перерахунку плати за газопостачання' });
  const { appeal } = await registerAppeal(hub, appealSubmission(card, { receivedAt: '2026-03-02T09:00:00Z' }, { appealCompetence: competence }));
  expect(appeal.intake.status).to.equal('forwarded');
  const d = decision(appeal, 'competence');
  expect(d.decision).to.equal('forward');
  return { forwardBy: d.details.forwardBy, basis: d.basis, reasonUk: d.reasonUk };
}

describe('appeals: the council\'s TERM_ROLL reaches intake (forwarding, art. 7 ч. 3; Civil Code art. 254 ч. 5)', function () {
  this.timeout(60_000);
  let testDb: TestDatabase;

  before(async () => {
    testDb = await createTestDatabase('appeals_term_roll');
  });
  after(async () => {
    await testDb?.drop();
  });

  it('TERM_ROLL=previous: a forwarding term on Saturday 7 March 2026 rolls back to Friday 6 March; by default forward to Monday 9 March', async () => {
    const calendar = createCalendars().byName('law-in-force');
    expect(calendar.isWorkingDay('2026-03-07')).to.equal(false);

    const previous = await startTestHub({ databaseUrl: testDb.url, termRoll: 'previous' }, { scheduler: false });
    try {
      const back = await forwardBy(previous, 71);
      expect(back.forwardBy).to.equal('2026-03-06');
      expect(back.forwardBy).to.equal(computeTerm({ rule: 'forwarding', from: '2026-03-02', calendar, options: { roll: 'previous' } }).term);
      expect(back.reasonUk).to.contain('ст. 7 ч. 3');
    } finally {
      await previous.close();
    }

    const next = await startTestHub({ databaseUrl: testDb.url, termRoll: 'next' }, { scheduler: false });
    try {
      const forward = await forwardBy(next, 72);
      expect(forward.forwardBy).to.equal('2026-03-09');
      expect(forward.forwardBy).to.equal(computeTerm({ rule: 'forwarding', from: '2026-03-02', calendar }).term);
    } finally {
      await next.close();
    }
  });
});
