import { entryHash, GENESIS_HASH, type AuditEntry, type AuditRecord, type AuditVia } from '../domain/audit';
import { Queryable } from './db';
import { hasRegistrationIndex } from './documents';

/** Serialises appends hub-wide so the chain has one order (control actions are few per second). */
const AUDIT_LOCK = 704_117_003;

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

/** Appends one entry in the caller's transaction (the log entry commits with the action). */
export async function appendAudit(q: Queryable, rec: AuditRecord): Promise<AuditEntry> {
  // The lock in a statement of its own: a statement reads with the snapshot it started with, so the
  // head read in the statement that waited for the lock could miss the entry of the transaction
  // that held it (two entries on one head: a fork). The head and the next seq then in one round trip.
  await q.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const [head] = await q.query<{ hash: string | null; seq: number }>(
    "SELECT (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS hash, nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq",
  );
  const prevHash = head?.hash ?? GENESIS_HASH;
  // As the driver gives it (pg: the bigint as a string), as the entries read back give it to the verifier.
  const seq = head!.seq;
  // Millisecond precision, so what is hashed is exactly what PostgreSQL gives back.
  const at = new Date(new Date(rec.at).getTime()).toISOString();
  const full: AuditRecord = { ...rec, at, before: rec.before ?? null, after: rec.after ?? null };
  if (!full.via) delete full.via;
  const hash = entryHash(prevHash, seq, full);
  await q.query(
    `INSERT INTO audit_log (seq, at, actor, action, document_id, before, after, reason, prev_hash, hash, via)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [seq, at, rec.actor, rec.action, rec.documentId, JSON.stringify(full.before), JSON.stringify(full.after), rec.reason, prevHash, hash,
      full.via ? JSON.stringify(full.via) : null],
  );
  return { ...full, seq, prevHash, hash };
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
