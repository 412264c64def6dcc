import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from './main';
import { machine, measure } from './support';
import { loadRouting } from '../src/config/routing';
import { systemClock } from '../src/domain/clock';
import { OWN_NUMBERED_KINDS } from '../src/domain/registry';
import { createLogger } from '../src/log';
import { ensureSampleNomenclature } from '../src/nomenclature';
import { registerSubmission } from '../src/pipeline';
import type { DocumentKind, DocumentSubmission } from '../src/schemas';
import { assertValid } from '../src/schemas';
import { migrate, openDb, PostgresDb, type Db } from '../src/store';
import { createTestDatabase } from '../test/support/pg';

/**
 * `npm run bench -- registration` (issue 16, "Registration does not scale with concurrent
 * writers"): registerSubmission with 1, 8 and 32 writers, into one journal and into eight, on
 * PostgreSQL and on the embedded database as `npm start` opens it, each figure beside two
 * baselines measured just before it on the same database with the same bodies:
 *   (a) a bare INSERT of the body;
 *   (b) the least a gap-free registration can cost: that INSERT and `UPDATE counter … RETURNING`
 *       in one transaction (the same journal spread: one counter row, or eight).
 * After each registration run the numbering is checked: 1…n in every journal, no gap, no repeat,
 * the counter at n; the bench fails otherwise.
 */
const N = Number(process.env.BENCH_N ?? 2000);
const ROUNDS = 4;
const WRITERS = (process.env.BENCH_WRITERS ?? '1,8,32').split(',').map(Number);

/** Eight kinds the sample routing sends to eight journals (reference-data/registry-routing.json). */
const EIGHT_JOURNALS: DocumentKind[] = [
  'official-letter', 'higher-authority-document', 'prosecutorial-act', 'citizen-appeal',
  'e-petition', 'info-request', 'committee-decision', 'mayor-order',
];
/** `file`: each with a 1 KiB attachment, so registered by a transaction of its own (number drawn last) instead of a shared statement. */
type Spread = { label: string; kinds: DocumentKind[]; file?: boolean };
const SPREADS: Spread[] = [
  { label: 'one journal', kinds: ['official-letter'] },
  { label: 'eight journals', kinds: EIGHT_JOURNALS },
];
const WITH_FILES: Spread = { label: 'one journal, a file each', kinds: ['official-letter'], file: true };
const FILE = randomBytes(1024);
const attachment = { name: 'letter.pdf', mediaType: 'application/pdf', sha256: createHash('sha256').update(FILE).digest('hex'), contentBase64: FILE.toString('base64') };
const routing = loadRouting();
const journalOf = (kind: DocumentKind): string => routing.kinds[kind]?.journal ?? kind;

function body(i: number, kind: DocumentKind, file = false): DocumentSubmission {
  return assertValid<DocumentSubmission>('document-submission.schema.json', {
    externalId: `bench-${i}-${randomUUID()}`,
    source: 'edms',
    kind,
    correspondent: { name: 'ТОВ «Будсервіс-Поділля»', edrpou: '41234567' },
    // A council's own decision with a number of its own keeps it (own-number.ts): these are drawn.
    ...(OWN_NUMBERED_KINDS.has(kind) ? {} : { outgoing: { number: `12/${i}`, date: '2026-03-05' } }),
    summary: 'Щодо стану охорони праці на комунальних підприємствах',
    receivedAt: '2026-03-09T08:15:00Z',
    ...(file ? { attachments: [attachment] } : {}),
  });
}

/** (a): the same row written by a bare INSERT, no numbering, no outbox, no validation. */
async function plainInsert(db: Db, b: DocumentSubmission): Promise<void> {
  await db.query('INSERT INTO bench_plain (id, body) VALUES ($1, $2)', [randomUUID(), JSON.stringify(b)]);
}

/** (b): the INSERT and the journal's counter in one transaction; the counter's row lock is held to commit. */
async function countedInsert(db: Db, b: DocumentSubmission, journal: string): Promise<void> {
  await db.tx(async (q) => {
    await q.query('INSERT INTO bench_plain (id, body) VALUES ($1, $2)', [randomUUID(), JSON.stringify(b)]);
    await q.query('UPDATE bench_counters SET last_number = last_number + 1 WHERE journal = $1 RETURNING last_number', [journal]);
  });
}

/** Every journal and year numbered 1…n with nothing missing or twice, its counter at n. */
async function checkNumbering(db: Db): Promise<void> {
  const wrong = await db.query<{ reg_journal: string; reg_year: number; n: number; distinct_n: number; lo: number; hi: number; last_number: number }>(
    `SELECT d.reg_journal, d.reg_year, count(*)::int AS n, count(DISTINCT d.reg_number)::int AS distinct_n,
       min(d.reg_number) AS lo, max(d.reg_number) AS hi, max(c.last_number) AS last_number
     FROM documents d JOIN journal_counters c ON c.journal = d.reg_journal AND c.year = d.reg_year
     WHERE d.status = 'registered' GROUP BY d.reg_journal, d.reg_year
     HAVING count(*) <> count(DISTINCT d.reg_number) OR min(d.reg_number) <> 1 OR max(d.reg_number) <> count(*) OR max(c.last_number) <> count(*)`,
  );
  if (wrong.length) throw new Error(`numbering has a gap or a repeat: ${JSON.stringify(wrong)}`);
}

/**
 * Operations per second of each op, N of each, run in ROUNDS turns (a, b, registration, a, b, …) so
 * that the load of a shared machine, which changes by the minute, weighs on the three alike.
 */
async function interleaved(ops: Array<(i: number) => Promise<unknown>>, writers: number): Promise<number[]> {
  const seconds = ops.map(() => 0);
  const per = Math.ceil(N / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, op] of ops.entries()) {
      const offset = round * per;
      seconds[k] = (seconds[k] as number) + (await measure('', per, (i) => op(offset + i), writers)).seconds;
    }
  }
  return seconds.map((s) => (per * ROUNDS) / s);
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Row { db: string; writers: number; spread: string; plain: number; counted: number; registered: number }

async function runOn(db: Db, label: string): Promise<Row[]> {
  await migrate(db);
  await db.query('CREATE TABLE IF NOT EXISTS bench_plain (id uuid PRIMARY KEY, body jsonb NOT NULL)');
  await db.query('CREATE TABLE IF NOT EXISTS bench_counters (journal text PRIMARY KEY, last_number integer NOT NULL)');
  await db.query(`INSERT INTO bench_counters SELECT j, 0 FROM unnest($1::text[]) AS j ON CONFLICT DO NOTHING`, [EIGHT_JOURNALS.map(journalOf)]);
  const year = new Date().getUTCFullYear();
  // Around New Year the Kyiv date may already be in the next year.
  await ensureSampleNomenclature(db, year);
  await ensureSampleNomenclature(db, year + 1);
  const deps = { db, clock: systemClock, routing, log: createLogger({ level: 'silent' }) };
  const rows: Row[] = [];
  console.log(`${label}: load average before ${load()}`);
  const ops = (spread: Spread) => {
    const kindOf = (i: number) => spread.kinds[i % spread.kinds.length] as DocumentKind;
    const bodyOf = (i: number) => body(i, kindOf(i), spread.file);
    return [
      (i: number) => plainInsert(db, bodyOf(i)),
      (i: number) => countedInsert(db, bodyOf(i), journalOf(kindOf(i))),
      (i: number) => registerSubmission(deps, bodyOf(i)),
    ];
  };
  // Warm (JIT, plans, caches) before anything is timed.
  for (const op of ops(SPREADS[1] as Spread)) await measure('warm-up', 300, op, 8);
  const runs = [...WRITERS.flatMap((writers) => SPREADS.map((spread) => ({ writers, spread }))), { writers: 8, spread: WITH_FILES }];
  for (const { writers, spread } of runs) {
    const [plain, counted, registered] = (await interleaved(ops(spread), writers)) as [number, number, number];
    await checkNumbering(db);
    rows.push({ db: label, writers, spread: spread.label, plain, counted, registered });
  }
  console.log(`${label}: load average after ${load()}`);
  return rows;
}

function print(rows: Row[]): void {
  console.log(`machine: ${machine()}; BENCH_N=${N} per figure; load average now ${load()}`);
  console.log(['database', 'writers', 'journals', '(a) bare INSERT/s', '(b) INSERT + counter/s', 'registration/s', '÷ (a)', '÷ (b)'].join(' | '));
  for (const r of rows) {
    console.log([r.db, r.writers, r.spread, r.plain.toFixed(0), r.counted.toFixed(0), r.registered.toFixed(0), (r.registered / r.plain).toFixed(3), (r.registered / r.counted).toFixed(3)].join(' | '));
  }
  for (const db of new Set(rows.map((r) => r.db))) for (const line of goals(rows.filter((r) => r.db === db))) console.log(`${db}: ${line}`);
}

/** Issue 16's goals, each as this run measured it (a figure, not a test: the machine's load moves it). */
function goals(rows: Row[]): string[] {
  const at = (writers: number, spread: string) => rows.find((r) => r.writers === writers && r.spread === spread);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const out: string[] = [];
  const one = at(8, 'one journal');
  const lone = at(1, 'one journal');
  if (one && lone) {
    const ratio = one.registered / one.counted;
    out.push(`one journal, 8 writers: ${ratio.toFixed(2)} of (b), ${one.registered.toFixed(0)}/s against 1 writer's ${lone.registered.toFixed(0)}/s (goal ≥ 0.6 and higher): ${verdict(ratio >= 0.6 && one.registered > lone.registered)}`);
  }
  const eight = at(8, 'eight journals');
  if (eight) out.push(`eight journals, 8 writers: ${(eight.registered / eight.plain).toFixed(2)} of (a) (goal ≥ 0.5): ${verdict(eight.registered / eight.plain >= 0.5)}`);
  if (lone) out.push(`1 writer: ${(lone.registered / lone.counted).toFixed(2)} of (b) (goal ≥ 0.6): ${verdict(lone.registered / lone.counted >= 0.6)}`);
  return out;
}

export const bench: Bench = {
  name: 'registration',
  async run() {
    const rows: Row[] = [];
    const only = process.env.BENCH_DATABASE; // postgres | embedded: one of the two
    if (only !== 'embedded') rows.push(...(await onPostgres()));
    if (only !== 'postgres') rows.push(...(await onEmbedded()));
    print(rows);
  },
};

/** The hub's own pool (src/store/open.ts: PostgresDb's default of 10 connections): 32 writers queue for it, as 32 requests would. */
async function onPostgres(): Promise<Row[]> {
  const testDb = await createTestDatabase('bench');
  const pgDb = new PostgresDb({ connectionString: testDb.url });
  try {
    return await runOn(pgDb, 'PostgreSQL');
  } finally {
    await pgDb.close();
    await testDb.drop();
  }
}

/** As `npm start` opens it (src/store/open.ts): PGlite on its own thread, in a data directory on disk. */
async function onEmbedded(): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dilovod-bench-'));
  const embedded = await openDb({ dataDir });
  try {
    return await runOn(embedded, 'embedded (PGlite thread)');
  } finally {
    await embedded.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
