import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubscription, WebhookDispatcher } from '../connectors/edms';
import { systemClock } from '../src/domain/clock';
import { createLogger } from '../src/log';
import { migrate, outbox, PostgresDb, type Db } from '../src/store';
import { createTestDatabase } from '../test/support/pg';
import type { Bench } from './main';
import { measure, report } from './support';

/** Deliveries per configuration: the same total whatever the number of subscriptions. */
const TOTAL = Number(process.env.BENCH_N ?? 2000);
const CONCURRENCY = 8;

/** A control event of a realistic size (the whole card), each for its own card. */
function eventData(i: number): Record<string, unknown> {
  const cardId = randomUUID();
  return {
    cardId, version: 2, term: '2026-04-10', controlStatus: 'under-control', executors: ['housing-dept'],
    card: { id: cardId, version: 2, status: 'under-control', term: '2026-04-10', task: `Вжити заходів ${i}`, executors: ['housing-dept'], interimAnswers: [{ at: '2026-03-20T09:00:00Z', by: 'housing-dept', text: 'Проводиться обстеження' }] },
  };
}

async function deliveriesPerSecond(db: Db, url: string, subscriptions: number): Promise<number> {
  await db.query('TRUNCATE webhook_subscriptions CASCADE');
  for (let s = 0; s < subscriptions; s++) await createSubscription(db, { url, events: ['*'], createdBy: 'bench' }, new Date());
  const events = Math.ceil(TOTAL / subscriptions);
  await db.tx(async (q) => {
    for (let i = 0; i < events; i++) {
      await outbox.appendDocumentEvent(q, { id: randomUUID(), source: 'edms', externalId: `b-${i}`, kind: 'official-letter', status: 'under-control', registration: null }, 'control.interim', new Date(), eventData(i));
    }
  });
  const dispatcher = new WebhookDispatcher(db, systemClock, createLogger({ level: 'silent' }), { intervalMs: 60_000, timeoutMs: 10_000, concurrency: CONCURRENCY, retryBaseMs: 30_000 });
  const started = performance.now();
  let sent = 0;
  while (sent < events * subscriptions) sent += await dispatcher.pass();
  return sent / ((performance.now() - started) / 1000);
}

/**
 * `npm run bench -- edms`: signed webhook deliveries per second to a receiver on loopback with 1,
 * 10 and 100 subscriptions (each delivery: the change feed read, the delivery row, the lease, the
 * signature, the POST, the attempt recorded), beside a bare `fetch` loop posting the same body to
 * the same receiver with the same concurrency, in the same run.
 */
export const bench: Bench = {
  name: 'edms',
  async run() {
    let received = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received++;
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const testDb = await createTestDatabase('benchedms');
    const db = new PostgresDb({ connectionString: testDb.url, max: 16 });
    try {
      await migrate(db);
      const body = JSON.stringify({ type: 'control.interim', data: eventData(0) });
      const bare = await measure('bare fetch', TOTAL, async () => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
      }, CONCURRENCY);
      const rows = [];
      for (const subs of [1, 10, 100]) {
        const perSecond = await deliveriesPerSecond(db, url, subs);
        rows.push({ label: `webhook deliveries, ${subs} subscription${subs > 1 ? 's' : ''}, ${CONCURRENCY} at once`, perSecond, baseline: bare.perSecond, baselineLabel: `bare fetch loop, ${CONCURRENCY} at once` });
      }
      report(rows);
      console.log(`receiver got ${received} requests`);
    } finally {
      await db.close();
      await testDb.drop();
      server.close();
    }
  },
};
