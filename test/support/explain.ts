import type { Db, Queryable } from '../../src/store';
import { searchDocuments, type DocumentSearch, type SearchDb } from '../../src/store/documents';

/** One statement a search sent, with the planner settings its transaction had (SET LOCAL). */
export interface SentStatement { sql: string; params: unknown[]; settings: string[] }

/** Runs the search on db as the hub does, recording every statement it sends and the settings it sends them under. */
export async function recordSearch(db: Db, search: DocumentSearch): Promise<{ cards: Awaited<ReturnType<typeof searchDocuments>>; sent: SentStatement[] }> {
  const sent: SentStatement[] = [];
  const recording = (q: Queryable, settings: string[]): Queryable => ({
    query: async <R>(sql: string, params: unknown[] = []): Promise<R[]> => {
      sent.push({ sql, params, settings: [...settings] });
      return q.query<R>(sql, params);
    },
    exec: async (sql: string) => {
      if (/^\s*SET LOCAL/i.test(sql)) settings.push(sql);
      return q.exec(sql);
    },
  });
  const searchDb: SearchDb = { ...recording(db, []), tx: (fn) => db.tx((q) => fn(recording(q, []))) };
  return { cards: await searchDocuments(searchDb, search), sent };
}

/** EXPLAIN (ANALYZE) of a recorded statement under its settings, as text or as JSON text. */
export async function explainSent(db: Db, s: SentStatement, options = 'ANALYZE, BUFFERS, COSTS OFF'): Promise<string> {
  return db.tx(async (q) => {
    for (const setting of s.settings) await q.exec(setting);
    const rows = await q.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (${options}) ${s.sql}`, s.params);
    return rows.map((r) => (typeof r['QUERY PLAN'] === 'string' ? r['QUERY PLAN'] : JSON.stringify(r['QUERY PLAN']))).join('\n');
  });
}
