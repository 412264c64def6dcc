import type { Bench } from './main';
import { measure, report } from './support';
import { PostgresDb, migrate, type Db } from '../src/store';
import * as controlStore from '../src/store/control';
import { queryAudit } from '../src/audit';
import { createTestDatabase } from '../test/support/pg';

const CARDS = Number(process.env.BENCH_CONTROL_CARDS ?? 1_000_000);
const LOG = Number(process.env.BENCH_AUDIT_ENTRIES ?? 5_000_000);
const EXECUTORS = 200;
const TODAY = '2026-06-15';

/**
 * Fills a fresh database with CARDS documents and control cards (terms spread over 2025-2026,
 * a realistic mix of open, executed and released) and LOG control-log entries, in SQL, then times
 * the auditor's and the clerk's queries. Rows are made by generate_series: the point is the plans
 * and their speed at this size, not the pipeline.
 */
async function fill(db: Db): Promise<void> {
  const started = Date.now();
  await db.exec(`
    INSERT INTO documents (id, source, external_id, kind, status, summary, correspondent, received_at, payload_sha256,
                           reg_journal, reg_year, reg_number, reg_index, reg_date, reg_case)
    SELECT md5('d' || i)::uuid, 'bench', 'b-' || i, 'official-letter', 'under-control', 'Лист № ' || i, '{"name":"ТОВ"}',
           timestamp '2025-01-01' + (i % 540) * interval '1 day', 'x',
           'bench-' || (i % 1000), 2025 + (i % 2), i, 'B/' || i, date '2025-01-01' + (i % 540), NULL
      FROM generate_series(1, ${CARDS}) AS i;
    INSERT INTO control_cards (id, document_id, resolution_no, responsible, status, term, reminder_on, executed_on, card)
    SELECT md5('c' || i)::uuid, md5('d' || i)::uuid, 1, 'executor-' || (i % ${EXECUTORS}),
           CASE WHEN i % 10 < 2 THEN 'under-control' WHEN i % 10 < 5 THEN 'executed' ELSE 'released' END,
           date '2025-01-01' + (i % 600), date '2025-01-01' + (i % 600) - 3,
           CASE WHEN i % 10 < 2 THEN NULL ELSE date '2025-01-01' + (i % 600) + (i % 7) - 4 END,
           jsonb_build_object('id', md5('c' || i)::uuid, 'documentId', md5('d' || i)::uuid, 'term', date '2025-01-01' + (i % 600),
                              'executors', jsonb_build_array('executor-' || (i % ${EXECUTORS})), 'status', 'under-control', 'task', 'Розглянути')
      FROM generate_series(1, ${CARDS}) AS i;
    INSERT INTO audit_log (at, actor, action, document_id, before, after, reason, prev_hash, hash)
    SELECT timestamptz '2025-01-01' + i * interval '6 seconds', 'actor-' || (i % 300),
           (ARRAY['control.assigned','control.extended','control.interim','control.executed','control.released'])[1 + i % 5],
           md5('d' || (1 + i % ${CARDS}))::uuid, '{"term":"2025-05-01"}', '{"term":"2025-05-15"}', NULL,
           md5('p' || i) || md5('q' || i), md5('h' || i) || md5('k' || i)
      FROM generate_series(1, ${LOG}) AS i;
    ANALYZE documents; ANALYZE control_cards; ANALYZE audit_log;`);
  console.log(`filled ${CARDS} cards and ${LOG} log entries in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function plan(db: Db, label: string, sql: string, params: unknown[]): Promise<void> {
  const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
  console.log(`\n-- plan: ${label}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
}

export const bench: Bench = {
  name: 'control',
  async run() {
    const testDb = await createTestDatabase('benchctl');
    const db = new PostgresDb({ connectionString: testDb.url, max: 4 });
    try {
      await migrate(db);
      await fill(db);
      const n = 200;
      const baseline = await measure('card by primary key', n, (i) => db.query('SELECT card FROM control_cards WHERE id = md5($1)::uuid', [`c${1 + ((i * 7919) % CARDS)}`]));
      const rows = [
        await measure('overdue list, first 100 (daily list, 003 §165)', n, () => controlStore.listCards(db, { overdueOn: TODAY, limit: 100 })),
        await measure("one executor's open items due within a week (weekly plan)", n, (i) =>
          controlStore.listCards(db, { executor: `executor-${i % EXECUTORS}`, status: 'under-control', dueBefore: '2026-06-22', limit: 100 })),
        await measure('discipline report, one month, all executors (003 §117)', 20, () => controlStore.discipline(db, '2026-05-01', '2026-05-31', TODAY)),
        await measure('control log of one document', n, (i) => queryAudit(db, { documentId: md5uuid(`d${1 + ((i * 104729) % CARDS)}`), limit: 100 })),
        await measure('control log of one actor over one day', n, (i) =>
          queryAudit(db, { actor: `actor-${i % 300}`, from: new Date('2025-03-01T00:00:00Z'), before: new Date('2025-03-02T00:00:00Z'), limit: 100 })),
      ];
      report(rows.map((r) => ({ label: r.label, perSecond: r.perSecond, baseline: baseline.perSecond, baselineLabel: baseline.label })));
      await plan(db, 'overdue list', `SELECT c.card, d.reg_index, d.summary FROM control_cards c JOIN documents d ON d.id = c.document_id
        WHERE c.status = 'under-control' AND c.term < $1 ORDER BY c.term, c.id LIMIT 101`, [TODAY]);
      await plan(db, 'discipline report', `SELECT responsible, count(*) FILTER (WHERE executed_on <= term), count(*) FILTER (WHERE executed_on > term),
        count(*) FILTER (WHERE status = 'under-control' AND term < $3) FROM control_cards WHERE term BETWEEN $1 AND $2 GROUP BY responsible`, ['2026-05-01', '2026-05-31', TODAY]);
      await plan(db, 'control log by actor and day', `SELECT * FROM audit_log WHERE actor = $1 AND at >= $2 AND at < $3 ORDER BY seq LIMIT 101`,
        ['actor-7', '2025-03-01T00:00:00Z', '2025-03-02T00:00:00Z']);
    } finally {
      await db.close();
      await testDb.drop();
    }
  },
};

function md5uuid(s: string): string {
  const h = require('node:crypto').createHash('md5').update(s).digest('hex') as string;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
