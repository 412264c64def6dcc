import { CHECKPOINT_EVENT } from '../domain/audit';
import { Queryable } from './db';
import { INPUT_REFUSED_EVENT } from './outbox';

/** A position in the change feed: after this row, in (tx, seq) order. */
export interface ChangeCursor {
  tx: string;
  seq: number;
}

export interface Change {
  cursor: ChangeCursor;
  sequence: number;
  eventId: string;
  type: string;
  documentId: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface ChangeQuery {
  after?: ChangeCursor;
  /** Exact types, or prefixes ending with '.' (from `control.*`). */
  types?: string[];
  onlySources?: readonly string[];
  onlyExecutor?: string;
  limit: number;
}

/**
 * Changes after the cursor that can no longer be joined by an earlier one: written by
 * transactions older than every transaction still running (migration 009).
 */
export async function readChanges(q: Queryable, f: ChangeQuery): Promise<Change[]> {
  const where = ['o.tx < pg_snapshot_xmin(pg_current_snapshot())'];
  const params: unknown[] = [];
  if (f.after) where.push(`(o.tx, o.seq) > ($${params.push(f.after.tx)}::xid8, $${params.push(f.after.seq)})`);
  if (f.types?.length) {
    const exact = f.types.filter((t) => !t.endsWith('.'));
    const prefixes = f.types.filter((t) => t.endsWith('.'));
    const any: string[] = [];
    if (exact.length) any.push(`o.type = ANY($${params.push(exact)}::text[])`);
    for (const p of prefixes) any.push(`starts_with(o.type, $${params.push(p)})`);
    where.push(`(${any.join(' OR ')})`);
  }
  // A system (the EDMS) sees its sources' documents, and the control log's signed checkpoints,
  // which are about no document: issue 14 wants them kept by the EDMS too, and an EDMS that was
  // down catches up on them here as on everything else.
  if (f.onlySources) {
    // A refused input has no document: its own source says whose it is (issue 18).
    const sources = `$${params.push([...f.onlySources])}::text[]`;
    where.push(`(o.type = $${params.push(CHECKPOINT_EVENT)} OR (o.type = $${params.push(INPUT_REFUSED_EVENT)} AND o.payload->>'source' = ANY(${sources}))`
      + ` OR EXISTS (SELECT 1 FROM documents d WHERE d.id = o.document_id AND d.source = ANY(${sources})))`);
  }
  if (f.onlyExecutor) where.push(`EXISTS (SELECT 1 FROM control_cards c WHERE c.document_id = o.document_id AND c.card->'executors' ? $${params.push(f.onlyExecutor)})`);
  params.push(f.limit);
  const rows = await q.query<{ tx: string; seq: number; event_id: string; type: string; document_id: string; occurred_at: Date; payload: Record<string, unknown> }>(
    `SELECT o.tx::text AS tx, o.seq, o.event_id, o.type, o.document_id, o.occurred_at, o.payload
       FROM outbox o WHERE ${where.join(' AND ')} ORDER BY o.tx, o.seq LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    cursor: { tx: r.tx, seq: r.seq }, sequence: r.seq, eventId: r.event_id, type: r.type, documentId: r.document_id,
    occurredAt: r.occurred_at.toISOString(), payload: r.payload,
  }));
}
