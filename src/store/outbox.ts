import { randomUUID } from 'node:crypto';
import { Queryable } from './db';

export interface OutboxEvent {
  type: string;
  documentId: string;
  occurredAt: Date;
  /** Everything else of the event body (schemas/event.schema.json) but eventId and sequence. */
  body: Record<string, unknown>;
}

/** What an event says of its document (schemas/event.schema.json): ids, kind, status, registration. */
export interface EventDocument {
  id: string;
  source: string;
  externalId: string;
  kind: string;
  status: string;
  registration: unknown;
}

/**
 * The outbox (and the event schema) want a document id; an event about no document (a control
 * log checkpoint, a refused input) carries the nil UUID (RFC 9562 §5.9).
 */
export const NO_DOCUMENT_ID = '00000000-0000-0000-0000-000000000000';

export interface PendingEvent {
  seq: number;
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** Appends an event in the caller's transaction: it exists if and only if the change committed. */
export async function appendEvent(q: Queryable, ev: OutboxEvent): Promise<string> {
  const eventId = randomUUID();
  await q.query(
    'INSERT INTO outbox (event_id, document_id, type, payload, occurred_at) VALUES ($1, $2, $3, $4, $5)',
    [eventId, ev.documentId, ev.type, JSON.stringify(ev.body), ev.occurredAt],
  );
  return eventId;
}

/** The oldest unpublished events, locked for this relay's transaction. */
export async function takePending(q: Queryable, limit: number): Promise<PendingEvent[]> {
  const rows = await q.query<{ seq: number; event_id: string; type: string; payload: Record<string, unknown> }>(
    'SELECT seq, event_id, type, payload FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE',
    [limit],
  );
  return rows.map((r) => ({ seq: r.seq, eventId: r.event_id, type: r.type, payload: r.payload }));
}

export async function markPublished(q: Queryable, seqs: number[], at: Date): Promise<void> {
  if (seqs.length) await q.query('UPDATE outbox SET published_at = $2 WHERE seq = ANY($1::bigint[])', [seqs, at]);
}

export async function countPending(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
  return rows[0]?.n ?? 0;
}

/**
 * input.refused: an input was refused and kept in quarantine, and its sender can be named (issue
 * 18: every sender hears back). A connector answers its own (СЕВ ОВВ: ack_type 4); the EDMS may
 * subscribe. About no document (NO_DOCUMENT_ID); data.documentId names the card a conflicting
 * repeat was refused against.
 */
export const INPUT_REFUSED_EVENT = 'input.refused';

export function appendInputRefused(q: Queryable, refused: { source: string; externalId: string; at: Date; data: Record<string, unknown> }): Promise<string> {
  return appendEvent(q, {
    type: INPUT_REFUSED_EVENT,
    documentId: NO_DOCUMENT_ID,
    occurredAt: refused.at,
    body: {
      type: INPUT_REFUSED_EVENT, documentId: NO_DOCUMENT_ID, occurredAt: refused.at.toISOString(),
      source: refused.source, externalId: refused.externalId, status: 'refused', registration: null, data: refused.data,
    },
  });
}

/** An event about a document: the body every consumer reads, with the type's own `data`. */
export function documentEvent(doc: EventDocument, type: string, at: Date, data: Record<string, unknown>): OutboxEvent {
  return {
    type,
    documentId: doc.id,
    occurredAt: at,
    body: {
      type, documentId: doc.id, occurredAt: at.toISOString(), source: doc.source, externalId: doc.externalId,
      kind: doc.kind, status: doc.status, registration: doc.registration, data,
    },
  };
}

export function appendDocumentEvent(q: Queryable, doc: EventDocument, type: string, at: Date, data: Record<string, unknown>): Promise<string> {
  return appendEvent(q, documentEvent(doc, type, at, data));
}
