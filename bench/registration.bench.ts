import { randomUUID } from 'node:crypto';
import type { Bench } from './main';
import { measure, report } from './support';
import { loadRouting } from '../src/config/routing';
import { systemClock } from '../src/domain/clock';
import { createLogger } from '../src/log';
import { ensureSampleNomenclature } from '../src/nomenclature';
import { registerSubmission } from '../src/pipeline';
import type { DocumentSubmission } from '../src/schemas';
import { assertValid } from '../src/schemas';
import { migrate, PostgresDb, PgliteDb, type Db } from '../src/store';
import { createTestDatabase } from '../test/support/pg';

const N = Number(process.env.BENCH_N ?? 2000);

function body(i: number): DocumentSubmission {
  return assertValid<DocumentSubmission>('document-submission.schema.json', {
    externalId: `bench-${i}-${randomUUID()}`,
    source: 'edms',
    kind: 'official-letter',
    correspondent: { name: 'ТОВ «Будсервіс-Поділля»', edrpou: '41234567' },
    outgoing: { number: `12/${i}`, date: '2026-03-05' },
    summary: 'Щодо стану охорони праці на комунальних підприємствах',
    receivedAt: '2026-03-09T08:15:00Z',
  });
}

/** Baseline: the same row written by a bare INSERT, no numbering, no outbox, no validation. */
async function plainInsert(db: Db, i: number): Promise<void> {
  const b = body(i);
  await db.query('INSERT INTO bench_plain (id, body) VALUES ($1, $2)', [randomUUID(), JSON.stringify(b)]);
}

async function run(db: Db, label: string, concurrency: number) {
  await migrate(db);
  await db.query('CREATE TABLE IF NOT EXISTS bench_plain (id uuid PRIMARY KEY, body jsonb NOT NULL)');
  await ensureSampleNomenclature(db, new Date().getUTCFullYear());
  await ensureSampleNomenclature(db, new Date().getUTCFullYear() + 1);
  const deps = { db, clock: systemClock, routing: loadRouting(), log: createLogger({ level: 'silent' }) };
  const baseline = await measure('plain INSERT', N, (i) => plainInsert(db, i), concurrency);
  const registered = await measure('register', N, (i) => registerSubmission(deps, body(i)), concurrency);
  return { label: `${label}: registration (validate, number, case, outbox), ${concurrency} at once`, perSecond: registered.perSecond, baseline: baseline.perSecond, baselineLabel: 'bare INSERT of the same body' };
}

export const bench: Bench = {
  name: 'registration',
  async run() {
    const rows = [];
    const testDb = await createTestDatabase('bench');
    const pgDb = new PostgresDb({ connectionString: testDb.url, max: 8 });
    try {
      rows.push(await run(pgDb, 'PostgreSQL', 1));
      rows.push(await run(pgDb, 'PostgreSQL', 8));
    } finally {
      await pgDb.close();
      await testDb.drop();
    }
    const lite = await PgliteDb.open();
    try {
      rows.push(await run(lite, 'PGlite (embedded)', 1));
    } finally {
      await lite.close();
    }
    report(rows);
  },
};
