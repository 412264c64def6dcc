/**
 * The appeals bench through the store: citizens' appeals per second through the whole pipeline
 * (acceptInput: validation, the appeals intake step with its repeat lookup on appeal_keys and
 * every rule, registration, the appeal row and its keys, control log and outbox) with 0, 100k
 * and 1M earlier appeals on file, beside official letters through the same acceptInput in the
 * same run at the same size (registration alone: the appeals step does nothing for a letter).
 *
 * Real PostgreSQL: DATABASE_URL if set, else postgresql://postgres@127.0.0.1:5432/test, in a
 * schema of its own that the bench creates and drops. The archive is the one appeals-archive.ts
 * makes (the same people, the same fingerprints and keys intake computes), written by big
 * INSERT … SELECT FROM unnest(…) batches: documents, appeals and appeal_keys rows as the
 * pipeline would have left them (appeal_decisions are not filled: intake never reads them).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ArchiveGenerator, stems, type ArchivedAppeal } from './appeals-archive';
import { measure, type report } from './support';
import { loadRouting } from '../src/config/routing';
import { createCalendars } from '../src/domain/calendar';
import { fixedClock } from '../src/domain/clock';
import { appealKeys, fingerprintApplicant, type AppealCard, type AppealIntake } from '../src/domain/appeals';
import { applicantOf } from '../src/domain/appeals/testing/fake-cards';
import { createLogger } from '../src/log';
import { ensureSampleNomenclature } from '../src/nomenclature';
import { acceptInput, type PipelineDeps } from '../src/pipeline';
import { appealStep } from '../src/pipeline/steps/appeals';
import { migrate, PostgresDb, type Db, type Queryable } from '../src/store';
import { findEarlierByKeys } from '../src/store/appeals';

const MAX = Number(process.env.BENCH_APPEALS ?? 1_000_000);
const SIZES = [0, 100_000, 1_000_000].filter((s) => s <= MAX);
/** Submissions of each kind per size. */
const N = Number(process.env.BENCH_APPEALS_STORE_N ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_APPEALS_CONCURRENCY ?? 1);
const BATCH = 10_000;
const TODAY = '2026-06-01';
const NOW = `${TODAY}T07:00:00Z`;
const BASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

type Row = Parameters<typeof report>[0][number];

/** A schema of its own in the given database, on the search_path of every connection. */
async function benchSchema(): Promise<{ db: Db; drop(): Promise<void> }> {
  const schema = `bench_appeals_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new PostgresDb({ connectionString: BASE_URL, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const url = new URL(BASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // The fill rebuilds the indexes over a million documents in one statement each (the trigram
  // index alone may take longer than the hub's 30 s read timeout on a busy machine).
  const db = new PostgresDb({ connectionString: url.toString(), max: Math.max(4, CONCURRENCY + 1), queryTimeoutMs: 600_000 });
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/**
 * People are written once to a scratch table, with what every appeal of theirs repeats (the
 * applicant, the fingerprints intake keeps, the blocking keys), so a batch of appeals sends ids,
 * dates and topics, and the rows are joined up in the database.
 */
const PERSONS_SQL = `
  CREATE TABLE bench_persons (id integer PRIMARY KEY, applicant jsonb NOT NULL, fingerprints jsonb NOT NULL, keys text[] NOT NULL)`;
const ADD_PERSONS_SQL = `
  INSERT INTO bench_persons SELECT id, applicant::jsonb, fingerprints::jsonb, string_to_array(keys, E'\t')
    FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS t (id, applicant, fingerprints, keys)`;

/** What every archived card has; the rest is set per row in FILL_SQL. */
const CARD_TEMPLATE: Omit<AppealCard, 'id' | 'receivedOn' | 'applicants' | 'topics' | 'summary'> = {
  writtenOn: '2022-01-01', type: 'application', form: 'individual', submission: 'written', channel: 'post',
  forwardedBy: { body: 'none', underControl: false }, signed: true, dated: true, newFacts: false,
};

/** The intake of an archived appeal, without its decisions (those live in appeal_decisions). */
const ARCHIVED_INTAKE: Omit<AppealIntake, 'decisions'> = {
  status: 'accepted', recurrence: 'primary', mark: null, linkedTo: null, needsReview: false, form: 'individual',
  routeTo: 'by-distribution-of-duties', priority: 'normal', mandatoryControl: false, answerTo: 0, counted: { appeals: 1, citizens: 1 },
};

const FILL_SQL = `
  WITH src AS MATERIALIZED (
    SELECT t.*, p.applicant, p.fingerprints, p.keys, 'З-' || t.number AS reg_index
      FROM unnest($1::uuid[], $2::date[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bool[])
             AS t (id, received_on, number, topic, summary, stems, person, merits)
      JOIN bench_persons p ON p.id = t.person),
  docs AS (
    INSERT INTO documents (id, source, external_id, kind, status, summary, correspondent, received_at, payload_sha256,
                           reg_journal, reg_year, reg_number, reg_index, reg_date)
    SELECT id, 'bench-archive', id::text, 'citizen-appeal', 'registered', summary,
           jsonb_set(applicant - 'fullName', '{name}', applicant->'fullName'),
           (received_on + time '10:00') AT TIME ZONE 'Europe/Kyiv', md5(id::text), 'bench-archive',
           extract(year FROM received_on)::int, number, reg_index, received_on
      FROM src),
  rows AS (
    INSERT INTO appeals (document_id, kind, received_on, registration_index, channel, submission, type, form, forwarded_by,
                         intake_status, recurrence, citizens, topics, priority, route_to, result, answered_on, answered_on_merits,
                         card_source, card, intake, fingerprints, stems)
    SELECT id, 'citizen-appeal', received_on, reg_index, 'post', 'written', 'application', 'individual', 'none',
           'accepted', 'primary', 1, ARRAY[topic], 'normal', 'by-distribution-of-duties',
           CASE WHEN merits THEN 'explained' ELSE 'forwarded' END, received_on + 25, merits, 'submitted',
           $9::jsonb || jsonb_build_object('id', id, 'registrationIndex', reg_index, 'receivedOn', received_on, 'writtenOn', received_on - 3,
                                           'applicants', jsonb_build_array(applicant), 'topics', jsonb_build_array(topic), 'summary', summary),
           $10::jsonb, fingerprints, string_to_array(stems, ' ')
      FROM src)
  INSERT INTO appeal_keys (key, appeal_id) SELECT k, id FROM src, unnest(keys) AS k`;

/**
 * Writes the archive's next appeals up to `size` (and the people first seen in them), one batch
 * in flight while the next is made.
 */
async function fill(db: Db, gen: ArchiveGenerator, size: number, written: Set<number>): Promise<void> {
  let inFlight: Promise<unknown> = Promise.resolve();
  for (;;) {
    const batch: ArchivedAppeal[] = [];
    for (let a = gen.next(size); a; a = batch.length < BATCH ? gen.next(size) : undefined) batch.push(a);
    if (!batch.length) break;
    const fresh = [...new Set(batch.map((a) => a.person))].filter((p) => !written.has(p.id));
    for (const p of fresh) written.add(p.id);
    const persons = [
      fresh.map((p) => p.id), fresh.map((p) => JSON.stringify(applicantOf(p.fake))), fresh.map((p) => JSON.stringify(p.applicants)),
      fresh.map((p) => p.keys.join('\t')),
    ];
    const appeals = [
      batch.map(() => randomUUID()), batch.map((a) => a.receivedOn), batch.map((a) => a.n + 1), batch.map((a) => a.topic),
      batch.map((a) => a.summary), batch.map((a) => stems(a.summary).join(' ')), batch.map((a) => a.person.id), batch.map((a) => a.answeredOnMerits),
      JSON.stringify(CARD_TEMPLATE), JSON.stringify(ARCHIVED_INTAKE),
    ];
    await inFlight;
    inFlight = db.tx(async (q) => {
      if (fresh.length) await q.query(ADD_PERSONS_SQL, persons);
      // Each batch joins a few thousand of up to PERSONS people: by the key, not a hash of them all.
      await q.exec('SET LOCAL enable_hashjoin = off');
      await q.query(FILL_SQL, appeals);
    });
  }
  await inFlight;
}

/** The archive's tables: loaded without their secondary indexes and foreign keys, which are rebuilt after. */
const LOADED = ['documents', 'appeals', 'appeal_keys'];

/**
 * Runs a bulk load the usual way: foreign keys touching the loaded tables, their unique
 * constraints and secondary indexes are dropped and made again afterwards from their own
 * definitions (pg_get_constraintdef, pg_get_indexdef), so the schema ends as the migrations left it.
 * Primary keys stay (the load itself does not need them dropped).
 */
async function bulkLoad(db: Db, load: () => Promise<void>): Promise<void> {
  const constraints = await db.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE (contype = 'f' AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1)))
         OR (contype = 'u' AND conrelid::regclass::text = ANY($1))
      ORDER BY contype DESC`,
    [LOADED],
  );
  const indexes = await db.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [LOADED],
  );
  for (const c of constraints) await db.exec(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.name}`);
  for (const i of indexes) await db.exec(`DROP INDEX ${i.name}`);
  await load();
  for (const i of indexes) await db.exec(i.def);
  for (const c of [...constraints].reverse()) await db.exec(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def}`);
  await db.exec('ANALYZE documents; ANALYZE appeals; ANALYZE appeal_keys');
}

/** The canonical body of a citizen's appeal with its card in meta.appeal, as the EDMS sends it. */
function appealBody(card: AppealCard, externalId: string): Buffer {
  const { id: _id, receivedOn: _on, ...given } = card;
  const a = card.applicants[0]!;
  return Buffer.from(JSON.stringify({
    externalId, source: 'post', kind: 'citizen-appeal', correspondent: { name: a.fullName, ...(a.address ? { address: a.address } : {}) },
    summary: card.summary, receivedAt: NOW, meta: { appeal: given },
  }));
}

function letterBody(externalId: string, i: number): Buffer {
  return Buffer.from(JSON.stringify({
    externalId, source: 'edms', kind: 'official-letter', correspondent: { name: 'ТОВ «Будсервіс-Поділля»', edrpou: '41234567' },
    outgoing: { number: `12/${i}`, date: '2026-05-28' }, summary: 'Щодо стану охорони праці на комунальних підприємствах', receivedAt: NOW,
  }));
}

async function accept(deps: PipelineDeps, payload: Buffer, i: number): Promise<void> {
  const r = await acceptInput(deps, { channel: 'http', payload, format: 'json', contentType: 'application/json', receivedAt: deps.clock.now(), traceId: `b${i}` });
  if (r.status !== 'created') throw new Error(`bench submission ${i} not created: ${r.status === 'rejected' ? r.error.code : r.status}`);
}

/**
 * The plan of the repeat lookup exactly as intake runs it (findEarlierByKeys over a Queryable that
 * explains instead of answering); throws if appeal_keys is read by anything but its primary key.
 */
async function checkPlan(db: Db, keys: readonly string[]): Promise<string> {
  const plan: string[] = [];
  const explaining: Queryable = {
    query: async <R>(sql: string, params: unknown[] = []) => {
      const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params);
      plan.push(...rows.map((r) => r['QUERY PLAN']));
      return [] as R[];
    },
    exec: (sql) => db.exec(sql),
  };
  await findEarlierByKeys(explaining, keys);
  const text = plan.join('\n');
  if (/Seq Scan on appeal_keys/.test(text) || !/appeal_keys_pkey/.test(text)) throw new Error(`repeat lookup does not use appeal_keys_pkey:\n${text}`);
  return text;
}

export async function storeRows(): Promise<Row[]> {
  const { db, drop } = await benchSchema();
  const rows: Row[] = [];
  try {
    await migrate(db);
    await ensureSampleNomenclature(db, Number(TODAY.slice(0, 4)));
    const deps: PipelineDeps = {
      db, clock: fixedClock(NOW), routing: loadRouting(), log: createLogger({ level: 'silent' }),
      steps: [appealStep({ db, calendar: createCalendars([]).byName('law-in-force') })],
    };
    await db.exec(PERSONS_SQL);
    const gen = new ArchiveGenerator();
    const written = new Set<number>();
    let serial = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      // Nothing to load at 0: the tables stay as a new installation has them, never analysed. An
      // ANALYZE of the empty tables made every session plan its foreign-key checks as scans of
      // `appeals`, kept for the session while the bench added thousands of rows (4.6 ms a
      // statement instead of ~1.5; auto_explain showed the checks' time).
      if (size > 0) await bulkLoad(db, () => fill(db, gen, size, written));
      const filled = (performance.now() - t0) / 1000;
      const tag = `s${size}`;
      const cards = gen.probes(N + 50, TODAY);
      const appeals = cards.map((c, i) => appealBody(c, `${tag}-a${i}`));
      const letters = cards.map((_, i) => letterBody(`${tag}-l${i}`, i));
      for (let i = 0; i < 50; i++) await accept(deps, letters[N + i]!, serial++), await accept(deps, appeals[N + i]!, serial++); // warm-up
      // Alternating halves, so neither kind gets the quieter minute.
      const seconds = { appeal: 0, letter: 0 };
      for (const half of [0, 1]) {
        const from = (half * N) / 2;
        seconds.letter += (await measure('letters', N / 2, (i) => accept(deps, letters[from + i]!, serial++), CONCURRENCY)).seconds;
        seconds.appeal += (await measure('appeals', N / 2, (i) => accept(deps, appeals[from + i]!, serial++), CONCURRENCY)).seconds;
      }
      const outcomes = await db.query<{ recurrence: string; review: boolean; n: number }>(
        `SELECT a.recurrence, coalesce((a.intake->>'needsReview')::boolean, false) AS review, count(*)::int AS n
           FROM appeals a JOIN documents d ON d.id = a.document_id
          WHERE d.source = 'post' AND d.external_id LIKE $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [`${tag}-a%`],
      );
      const [counted] = await db.query<{ keys: number }>('SELECT count(*)::int AS keys FROM appeal_keys');
      // On a near-empty table a sequential scan is the right plan; from 100k on it must be the index.
      const plan = size >= 100_000 ? await checkPlan(db, appealKeys(cards[0]!.applicants.map(fingerprintApplicant))) : '';
      console.log(
        `store, ${size.toLocaleString('en')} earlier appeals (${counted!.keys.toLocaleString('en')} keys, filled in ${filled.toFixed(1)} s): ` +
          `outcomes ${outcomes.map((o) => `${o.recurrence}${o.review ? ' (review)' : ''} ${o.n}`).join(', ')}`,
      );
      if (plan && size === SIZES[SIZES.length - 1]) console.log(`-- plan of the repeat lookup (findEarlierByKeys):\n${plan}`);
      rows.push({
        label: `citizen appeal through acceptInput (intake + repeat lookup + registration), PostgreSQL, ${size.toLocaleString('en')} on file`,
        perSecond: N / seconds.appeal,
        baseline: N / seconds.letter,
        baselineLabel: 'official letter through acceptInput, same run and size',
      });
    }
  } finally {
    await drop();
  }
  return rows;
}
