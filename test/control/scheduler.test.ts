import { expect } from 'chai';
import { ControlScheduler } from '../../src/control';
import { addDays, kyivDate } from '../../src/domain/clock';
import { createLogger } from '../../src/log';
import { migrate, PostgresDb } from '../../src/store';
import { ManualClock } from '../support/clock';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { call } from '../support/http';
import { ensureStaff } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { spawnHub } from '../support/process';
import { waitFor } from '../support/wait';

async function post(hub: TestHub, path: string, body: unknown): Promise<any> {
  const res = await call(hub, 'POST', path, body);
  expect(res.status, path).to.be.oneOf([200, 201]);
  return res.json;
}

async function noticeCounts(db: PostgresDb): Promise<Record<string, number>> {
  const rows = await db.query<{ type: string; card: string; n: number }>(
    `SELECT type, payload->'data'->>'cardId' AS card, count(*)::int AS n FROM outbox
      WHERE type IN ('control.due-soon', 'control.overdue') GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return Object.fromEntries(rows.map((r) => [`${r.type}/${r.card}`, r.n]));
}

describe('control scheduler: reminders and overdue notices once, with several hub processes', function () {
  this.timeout(90_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const clock = new ManualClock('2026-03-10T09:00:00Z');
  let cards: any[] = [];

  before(async () => {
    testDb = await createTestDatabase('sched');
    hub = await startTestHub({ databaseUrl: testDb.url }, { clock, scheduler: false });
    await ensureStaff(hub.db, ['mayor', 'it-dept']);
    for (const term of ['2026-03-20', '2026-03-27']) {
      const doc = await post(hub, '/api/v1/documents', submission());
      cards.push(await post(hub, `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['it-dept'], task: 'Т', term }));
    }
  });
  after(async () => {
    await hub?.close();
    await testDb?.drop();
  });

  it('two schedulers ticking at once on separate connections raise each notice exactly once', async () => {
    const pools = [new PostgresDb({ connectionString: testDb.url }), new PostgresDb({ connectionString: testDb.url })];
    const log = createLogger({ level: 'silent' });
    const schedulers = pools.map((db) => new ControlScheduler(db, clock, log, 1000));
    try {
      clock.set('2026-03-16T07:00:00Z'); // Mon: nothing due yet
      expect((await schedulers[0]!.tick()).dueSoon).to.equal(0);
      clock.set('2026-03-17T07:00:00Z'); // Tue: 3 working days before Fri 20 March → the first card's reminder
      const first = await Promise.all(schedulers.map((s) => s.tick()));
      expect(first.reduce((n, r) => n + r.dueSoon, 0)).to.equal(1);
      await Promise.all(schedulers.map((s) => s.tick()));
      clock.set('2026-03-23T07:00:00Z'); // the first is overdue; the second is due soon (24 March)
      const second = await Promise.all([...schedulers, ...schedulers].map((s) => s.tick()));
      expect(second.reduce((n, r) => n + r.overdue, 0)).to.equal(1);
      expect(second.reduce((n, r) => n + r.dueSoon, 0)).to.equal(0);
      clock.set('2026-03-24T07:00:00Z');
      await Promise.all(schedulers.map((s) => s.tick()));
      expect(await noticeCounts(pools[0]!)).to.deep.equal({
        [`control.due-soon/${cards[0].id}`]: 1,
        [`control.due-soon/${cards[1].id}`]: 1,
        [`control.overdue/${cards[0].id}`]: 1,
      });
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });

  it('an extended term gets its own reminder again', async () => {
    clock.set('2026-03-17T07:00:00Z');
    const base = `/api/v1/documents/${cards[1].documentId}/control/${cards[1].id}`;
    await post(hub, `${base}/extension-requests`, { actor: 'it-dept', newTerm: '2026-04-15', reason: 'Закупівля' });
    await post(hub, `${base}/extension-decision`, { actor: 'mayor', granted: true });
    const db = new PostgresDb({ connectionString: testDb.url });
    try {
      clock.set('2026-04-10T07:00:00Z');
      const s = new ControlScheduler(db, clock, createLogger({ level: 'silent' }), 1000);
      expect((await s.tick()).dueSoon).to.equal(1);
      expect((await s.tick()).dueSoon).to.equal(0);
    } finally {
      await db.close();
    }
  });
});

describe('control scheduler in two real hub processes', function () {
  this.timeout(120_000);
  let testDb: TestDatabase;

  before(async () => {
    testDb = await createTestDatabase('sched2');
  });
  after(async () => {
    await testDb?.drop();
  });

  it('both run the scheduler every 100 ms; every card still gets its notice exactly once', async () => {
    // Cards set up on today's real date, since the processes use the system clock.
    const today = kyivDate(new Date());
    const setupClock = new ManualClock(`${addDays(today, -20)}T10:00:00Z`);
    const setup = await startTestHub({ databaseUrl: testDb.url }, { clock: setupClock, scheduler: false });
    const expected: Record<string, number> = {};
    await ensureStaff(setup.db, ['mayor', 'a', 'b']);
    try {
      for (let i = 0; i < 5; i++) {
        // Registered 20 days ago; one task is due tomorrow, one was due 5 days ago.
        const doc = await post(setup, '/api/v1/documents', submission());
        const soon = await post(setup, `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['a'], task: 'Т', term: addDays(today, 1) });
        const past = await post(setup, `/api/v1/documents/${doc.id}/resolutions`, { actor: 'mayor', executors: ['b'], task: 'Т', term: addDays(today, -5) });
        // A term already past gets the overdue notice only: a reminder would come too late.
        expected[`control.due-soon/${soon.id}`] = 1;
        expected[`control.overdue/${past.id}`] = 1;
      }
    } finally {
      await setup.close();
    }
    const env = { DATABASE_URL: testDb.url, SCHEDULER_INTERVAL_MS: '100' };
    const procs = await Promise.all([spawnHub(env), spawnHub(env)]);
    const db = new PostgresDb({ connectionString: testDb.url });
    try {
      await waitFor(async () => Object.keys(await noticeCounts(db)).length === Object.keys(expected).length, 'all notices');
      await new Promise((r) => setTimeout(r, 1000)); // let both processes run more passes
      expect(await noticeCounts(db)).to.deep.equal(expected);
    } finally {
      await db.close();
      await Promise.all(procs.map((p) => p.stop()));
    }
  });
});
