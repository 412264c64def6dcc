import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { APPEAL_KINDS } from '../../src/appeals/card';
import { documents } from '../../src/store';
import { NEWEST_FIRST_ROWS, SEARCH_ALL } from '../../src/store/documents';
import { explainSent, recordSearch } from '../support/explain';
import { forEachBackend } from '../support/backends';

/**
 * A rare word the planner takes for a common one. PostgreSQL estimates how many texts contain a
 * word from the histogram of a sample of whole texts (pg_stats of documents_search_idx, about a
 * hundred of them): a word that is in those few texts is taken for one in every few documents,
 * however rare it is. Asked newest first with a limit, the planner then reads the table newest
 * first to find a page of it, and reads all of it (the search bench on the embedded database:
 * 300 ms instead of 2). Here 3,000 documents whose texts sort in the order of their number are
 * analysed whole (the sample is all of them, so the histogram is the same every time) and the word
 * is put into 40 of the texts the histogram keeps: the planner takes it for 40 % of the documents.
 */
forEachBackend('document search: a rare word the statistics take for a common one', (getDb) => {
  const source = `estimates-${randomUUID().slice(0, 8)}`;
  const WORD = 'ксерокопіювання';
  let marked: string[] = [];

  before(async function () {
    this.timeout(60_000);
    const db = getDb();
    await db.exec(`
      INSERT INTO documents (id, source, external_id, kind, status, summary, correspondent, received_at, payload_sha256)
      SELECT gen_random_uuid(), '${source}', 'e-' || i, 'official-letter', 'not-registered', 'Лист ' || lpad(i::text, 5, '0'),
             '{"name": "Відділ"}'::jsonb, timestamptz '2026-01-01' + i * interval '1 minute', 'x'
        FROM generate_series(1, 3000) AS i`);
    await db.exec('ANALYZE documents');
    const [stats] = await db.query<{ bounds: string[] }>(
      "SELECT histogram_bounds::text::text[] AS bounds FROM pg_stats WHERE tablename = 'documents_search_idx'");
    // Forty of the histogram's inner bounds (its first and last are not counted by the estimate).
    const numbers = stats!.bounds.slice(1, -1).map((b) => /лист (\d{5})/.exec(b)?.[1]).filter(Boolean).slice(10, 50) as string[];
    expect(numbers).to.have.length(40);
    const rows = await db.query<{ id: string }>(
      `UPDATE documents SET summary = summary || ' ' || $2 WHERE source = $1 AND summary = ANY($3::text[]) RETURNING id`,
      [source, WORD, numbers.map((n) => `Лист ${n}`)],
    );
    marked = rows.map((r) => r.id);
    await db.exec('ANALYZE documents');
  });

  it('the statistics take it for a word in 40 % of the documents (the trap is set)', async () => {
    // The planner's rows for documents, for the words alone and the newest first, as a single
    // statement would ask (what the search sent before it looked in two steps).
    const [row] = await getDb().query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (FORMAT JSON) SELECT d.id FROM documents d WHERE ${SEARCH_ALL} LIKE $1 ORDER BY d.received_at DESC, d.id DESC LIMIT 50`, ['%ксерокопіюванн%']);
    const estimates = plannedRowsOfDocuments(row!['QUERY PLAN']);
    expect(marked).to.have.length(40);
    expect(Math.max(...estimates), JSON.stringify(estimates)).to.be.at.least(10 * marked.length);
  });

  it('is found by the trigram index after a bounded newest-first look, never by reading every document', async () => {
    const db = getDb();
    const { cards, sent } = await recordSearch(db, { source, text: 'ксерокопіюванням', limit: 50 });
    // The answer: all forty, newest first.
    const expected = await db.query<{ id: string }>(
      `SELECT id FROM documents WHERE source = $1 AND summary LIKE $2 ORDER BY received_at DESC, id DESC`, [source, `%${WORD}`]);
    expect(cards.map((c) => c.id)).to.deep.equal(expected.map((r) => r.id));
    expect(new Set(cards.map((c) => c.id))).to.deep.equal(new Set(marked));
    // And how: every statement it sent, explained as it ran, passed over at most the bounded
    // look's rows of documents; the last one found them by the trigram index.
    const plans: string[] = [];
    for (const s of sent) plans.push(await explainSent(db, s, 'ANALYZE, FORMAT JSON'));
    const removed = plans.flatMap((p) => [...p.matchAll(/"Rows Removed by Filter":\s*(\d+)/g)]).reduce((sum, m) => sum + Number(m[1]), 0);
    expect(removed, plans.join('\n').slice(0, 4000)).to.be.at.most(NEWEST_FIRST_ROWS);
    expect(plans[plans.length - 1]).to.contain('documents_search_idx');
  });

  it('a middling word, under a page among the newest thousand, is answered by a longer look, not the index', async () => {
    const db = getDb();
    // Every 50th document: 20 of the newest thousand, 60 in all.
    await db.query(`UPDATE documents SET summary = summary || ' мідний' WHERE source = $1 AND external_id::text ~ '^e-[0-9]*(00|50)$'`, [source]);
    const { cards, sent } = await recordSearch(db, { source, text: 'мідним', limit: 50 });
    const expected = await db.query<{ id: string }>(
      `SELECT id FROM documents WHERE source = $1 AND summary LIKE '%мідний' ORDER BY received_at DESC, id DESC LIMIT 50`, [source]);
    expect(expected).to.have.length(50);
    expect(cards.map((c) => c.id)).to.deep.equal(expected.map((r) => r.id));
    expect(sent).to.have.length(2);
    expect(sent.every((s) => s.settings.length === 0)).to.equal(true);
    expect(sent[1]!.sql).to.contain(`LIMIT ${Math.ceil((2 * 50 * NEWEST_FIRST_ROWS) / 20)})`);
  });

  it('a query of spaces alone, by a caller who may not see names, is every document (no condition left unbound)', async () => {
    const cards = await documents.searchDocuments(getDb(), { source, text: '   ', limit: 5, nameHiddenKinds: APPEAL_KINDS });
    expect(cards).to.have.length(5);
    expect(cards[0]!.summary).to.match(/^Лист 03000/);
  });

  it('a common word is answered by the newest-first look alone', async () => {
    const db = getDb();
    const { cards, sent } = await recordSearch(db, { source, text: 'лист', limit: 50 });
    expect(sent).to.have.length(1);
    expect(cards).to.have.length(50);
    expect(cards[0]!.summary).to.match(/^Лист 03000/);
  });
});

/** The planner's row estimates of every node that reads documents, from EXPLAIN (FORMAT JSON). */
function plannedRowsOfDocuments(plan: unknown): number[] {
  const out: number[] = [];
  const walk = (node: Record<string, unknown>): void => {
    if (node['Relation Name'] === 'documents') out.push(node['Plan Rows'] as number);
    for (const child of (node.Plans as Array<Record<string, unknown>> | undefined) ?? []) walk(child);
  };
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan: Record<string, unknown> }>;
  walk(parsed[0]!.Plan);
  return out;
}
