import { createHash, randomUUID } from 'node:crypto';
import { Queryable } from './db';
import { getParts, INLINE_PAYLOAD_BYTES, putParts } from './payload-parts';
import { letIoIn } from '../event-loop';

export type Channel = 'http' | 'amqp' | 'connector' | 'cli';

export interface QuarantineInput {
  code: string;
  reason: string;
  reasonUk: string;
  details?: unknown;
  channel: Channel;
  source?: string | null;
  externalId?: string | null;
  routingKey?: string | null;
  messageId?: string | null;
  contentType?: string | null;
  /** The decoder the input was given (json, hotline.json, sev-ovv.xml …): a replay uses the same. */
  format?: string | null;
  payload: Buffer;
  receivedAt: Date;
}

export type QuarantineStatus = 'open' | 'replayed' | 'dismissed';

export interface QuarantineRow {
  id: string;
  code: string;
  reason: string;
  reason_uk: string;
  details: unknown;
  channel: Channel;
  source: string | null;
  external_id: string | null;
  routing_key: string | null;
  message_id: string | null;
  content_type: string | null;
  payload_sha256: string;
  attempts: number;
  received_at: Date;
  last_seen_at: Date;
  format: string | null;
  status: QuarantineStatus;
  document_id: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  dismiss_reason: string | null;
}

const COLUMNS = `id, code, reason, reason_uk, details, channel, source, external_id, routing_key, message_id,
  content_type, payload_sha256, attempts, received_at, last_seen_at, format, status, document_id, resolved_at, resolved_by, dismiss_reason`;

/** SHA-256 of a payload a megabyte at a time, with a turn of the event loop between (a 48 MB input must not hold the hub's thread, issue 14). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  const STEP = 1 << 20;
  for (let at = 0; at < bytes.length; at += STEP) {
    hash.update(bytes.subarray(at, at + STEP));
    if (at + STEP < bytes.length) await letIoIn();
  }
  return hash.digest('hex');
}

/**
 * Keeps a rejected input. The same bytes rejected again on the same channel (a redelivery, a
 * client retrying) land on the same row with attempts + 1, so the list stays readable.
 */
export async function putInQuarantine(q: Queryable, item: QuarantineInput): Promise<string> {
  return (await keepInQuarantine(q, item)).id;
}

/** putInQuarantine, saying whether the item is new (false: the same bytes refused again, attempts + 1). */
export async function keepInQuarantine(q: Queryable, item: QuarantineInput): Promise<{ id: string; first: boolean }> {
  const payloadSha256 = await sha256Hex(item.payload);
  const fingerprint = createHash('sha256')
    .update([item.channel, item.source ?? '', item.routingKey ?? '', item.code, payloadSha256].join('\u0000'))
    .digest('hex');
  // A large payload goes in parts first (src/store/payload-parts.ts), the row that names it last.
  const inline = item.payload.length <= INLINE_PAYLOAD_BYTES;
  if (!inline) await putParts(q, payloadSha256, item.payload);
  const rows = await q.query<{ id: string; attempts: number }>(
    `INSERT INTO quarantine (id, fingerprint, code, reason, reason_uk, details, channel, source, external_id,
       routing_key, message_id, content_type, payload, payload_sha256, received_at, last_seen_at, format, payload_size)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17)
     ON CONFLICT (fingerprint) DO UPDATE SET attempts = quarantine.attempts + 1, last_seen_at = EXCLUDED.last_seen_at,
       status = 'open', resolved_at = NULL, resolved_by = NULL, dismiss_reason = NULL
     RETURNING id, attempts`,
    [
      randomUUID(), fingerprint, item.code, item.reason, item.reasonUk,
      item.details === undefined ? null : JSON.stringify(item.details),
      item.channel, item.source ?? null, item.externalId ?? null, item.routingKey ?? null, item.messageId ?? null,
      item.contentType ?? null, inline ? item.payload : null, payloadSha256, item.receivedAt, item.format ?? null, item.payload.length,
    ],
  );
  const row = rows[0] as { id: string; attempts: number };
  return { id: row.id, first: Number(row.attempts) === 1 };
}

export interface QuarantinePageQuery {
  limit: number;
  after?: { receivedAt: Date; id: string };
  code?: string;
  source?: string;
  /** Only these sources (an integrator's own). */
  onlySources?: readonly string[];
  /** Open (the default of the list), replayed, dismissed; undefined = all. */
  status?: QuarantineStatus;
}

export async function listQuarantine(q: Queryable, query: QuarantinePageQuery): Promise<QuarantineRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.code) where.push(`code = $${params.push(query.code)}`);
  if (query.source) where.push(`source = $${params.push(query.source)}`);
  if (query.status) where.push(`status = $${params.push(query.status)}`);
  if (query.onlySources) where.push(`source = ANY($${params.push([...query.onlySources])}::text[])`);
  if (query.after) {
    where.push(`(received_at, id) < ($${params.push(query.after.receivedAt)}, $${params.push(query.after.id)}::uuid)`);
  }
  params.push(query.limit);
  return q.query<QuarantineRow>(
    `SELECT ${COLUMNS} FROM quarantine ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
     ORDER BY received_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
}

export async function getQuarantined(q: Queryable, id: string): Promise<(QuarantineRow & { payload: Buffer }) | undefined> {
  const rows = await q.query<QuarantineRow & { payload: Buffer | null; payload_size: string | number | null }>(
    `SELECT ${COLUMNS}, payload, payload_size FROM quarantine WHERE id = $1`, [id]);
  const row = rows[0];
  if (!row) return undefined;
  const { payload, payload_size: size, ...rest } = row;
  return { ...rest, payload: payload ?? (await getParts(q, row.payload_sha256, Number(size))) };
}

/** A replay registered the item (or found it on file): it leaves the open list, linked to its document. */
export async function markReplayed(q: Queryable, id: string, documentId: string | null, by: string, at: Date): Promise<void> {
  await q.query("UPDATE quarantine SET status = 'replayed', document_id = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1", [id, documentId, by, at]);
}

/** A replay was refused again: the item stays open with the new reason. */
export async function markReplayFailed(q: Queryable, id: string, failure: { code: string; reason: string; reasonUk: string; details?: unknown }, at: Date): Promise<void> {
  await q.query(
    'UPDATE quarantine SET code = $2, reason = $3, reason_uk = $4, details = $5, attempts = attempts + 1, last_seen_at = $6 WHERE id = $1',
    [id, failure.code, failure.reason, failure.reasonUk, failure.details === undefined ? null : JSON.stringify(failure.details), at],
  );
}

export async function markDismissed(q: Queryable, id: string, reason: string, by: string, at: Date): Promise<boolean> {
  const rows = await q.query("UPDATE quarantine SET status = 'dismissed', dismiss_reason = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1 AND status = 'open' RETURNING id", [id, reason, by, at]);
  return rows.length > 0;
}

/** Open items with this code and/or source, oldest first (a bulk replay after a fix). */
export async function openIds(q: Queryable, f: { code?: string; source?: string; limit: number }): Promise<string[]> {
  const where = ["status = 'open'"];
  const params: unknown[] = [];
  if (f.code) where.push(`code = $${params.push(f.code)}`);
  if (f.source) where.push(`source = $${params.push(f.source)}`);
  params.push(f.limit);
  return (await q.query<{ id: string }>(`SELECT id FROM quarantine WHERE ${where.join(' AND ')} ORDER BY received_at, id LIMIT $${params.length}`, params)).map((r) => r.id);
}
