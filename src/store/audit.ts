import { linkMaterial, type AuditEntry, type AuditRecord, type AuditVia } from '../domain/audit';
import { Queryable } from './db';
import { hasRegistrationIndex } from './documents';

interface AuditRow {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  document_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  prev_hash: string;
  hash: string;
  via: AuditVia | null;
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq, at: r.at.toISOString(), actor: r.actor, action: r.action, documentId: r.document_id,
    before: r.before, after: r.after, reason: r.reason, ...(r.via ? { via: r.via } : {}), prevHash: r.prev_hash, hash: r.hash,
  };
}

/** The record as it is written and hashed: millisecond time (what PostgreSQL gives back), nulls for what is absent. */
function asWritten(rec: AuditRecord): AuditRecord {
  const full: AuditRecord = { ...rec, at: new Date(new Date(rec.at).getTime()).toISOString(), before: rec.before ?? null, after: rec.after ?? null };
  if (!full.via) delete full.via;
  return full;
}

/**
 * The INSERT of one entry (`p` binds a value and gives its placeholder): the database draws the
 * link, the chain's lock held to commit, the head, the next seq and the hash (migration 024), so
 * the entry is one statement, or a part of a bigger one (src/store/counters.ts), and commits with
 * the action it records. RETURNING seq, prev_hash, hash.
 */
export function auditInsert(p: (v: unknown) => string, rec: AuditRecord): string {
  const full = asWritten(rec);
  const m = linkMaterial(full);
  return `INSERT INTO audit_log (seq, at, actor, action, document_id, before, after, reason, prev_hash, hash, via)
       SELECT link.seq, ${p(full.at)}::timestamptz, ${p(full.actor)}, ${p(full.action)}, ${p(full.documentId)}::uuid, ${p(JSON.stringify(full.before))}::jsonb,
         ${p(JSON.stringify(full.after))}::jsonb, ${p(full.reason)}, link.prev_hash, link.hash, ${p(full.via ? JSON.stringify(full.via) : null)}::jsonb
       FROM audit_next_link(${p(m.head)}, ${p(m.middle)}, ${p(m.tail)}) AS link
       RETURNING seq, prev_hash, hash`;
}

/** Appends one entry in the caller's transaction (the log entry commits with the action). */
export async function appendAudit(q: Queryable, rec: AuditRecord): Promise<AuditEntry> {
  const params: unknown[] = [];
  const sql = auditInsert((v) => `$${params.push(v)}`, rec);
  const [row] = await q.query<{ seq: number; prev_hash: string; hash: string }>(sql, params, 'dilovod_append_audit');
  return { ...asWritten(rec), seq: row!.seq, prevHash: row!.prev_hash, hash: row!.hash };
}

/** Entries after a seq, in order: the verifier reads the whole log in such batches. */
export async function readAuditBatch(q: Queryable, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const rows = await q.query<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
  return rows.map(toEntry);
}

export interface AuditQuery {
  documentId?: string;
  /** The document by its registration index, as the auditor reads it on paper (every year's document with it). */
  documentIndex?: string;
  actor?: string;
  action?: string;
  from?: Date;
  before?: Date;
  afterSeq?: number;
  limit: number;
}

/** Oldest first (the order things happened), keyset-paginated on seq. */
export async function queryAudit(q: Queryable, f: AuditQuery): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.documentId) where.push(`document_id = $${params.push(f.documentId)}`);
  if (f.documentIndex) where.push(`document_id IN (SELECT d.id FROM documents d WHERE ${hasRegistrationIndex(f.documentIndex, params)})`);
  if (f.actor) where.push(`actor = $${params.push(f.actor)}`);
  if (f.action) where.push(`action = $${params.push(f.action)}`);
  if (f.from) where.push(`at >= $${params.push(f.from)}`);
  if (f.before) where.push(`at < $${params.push(f.before)}`);
  if (f.afterSeq !== undefined) where.push(`seq > $${params.push(f.afterSeq)}`);
  params.push(f.limit);
  const rows = await q.query<AuditRow>(
    `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEntry);
}
