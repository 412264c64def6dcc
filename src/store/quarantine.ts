import { createHash, randomUUID } from 'node:crypto';
import { Queryable } from './db';

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
  payload: Buffer;
  receivedAt: Date;
}

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
}

const COLUMNS = `id, code, reason, reason_uk, details, channel, source, external_id, routing_key, message_id,
  content_type, payload_sha256, attempts, received_at, last_seen_at`;

/**
 * Keeps a rejected input. The same bytes rejected again on the same channel (a redelivery, a
 * client retrying) land on the same row with attempts + 1, so the list stays readable.
 */
export async function putInQuarantine(q: Queryable, item: QuarantineInput): Promise<string> {
  const payloadSha256 = createHash('sha256').update(item.payload).digest('hex');
  const fingerprint = createHash('sha256')
    .update([item.channel, item.source ?? '', item.routingKey ?? '', item.code, payloadSha256].join('\u0000'))
    .digest('hex');
  const rows = await q.query<{ id: string }>(
    `INSERT INTO quarantine (id, fingerprint, code, reason, reason_uk, details, channel, source, external_id,
       routing_key, message_id, content_type, payload, payload_sha256, received_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
     ON CONFLICT (fingerprint) DO UPDATE SET attempts = quarantine.attempts + 1, last_seen_at = EXCLUDED.last_seen_at
     RETURNING id`,
    [
      randomUUID(), fingerprint, item.code, item.reason, item.reasonUk,
      item.details === undefined ? null : JSON.stringify(item.details),
      item.channel, item.source ?? null, item.externalId ?? null, item.routingKey ?? null, item.messageId ?? null,
      item.contentType ?? null, item.payload, payloadSha256, item.receivedAt,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export interface QuarantinePageQuery {
  limit: number;
  after?: { receivedAt: Date; id: string };
  code?: string;
  source?: string;
  /** Only these sources (an integrator's own). */
  onlySources?: readonly string[];
}

export async function listQuarantine(q: Queryable, query: QuarantinePageQuery): Promise<QuarantineRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.code) where.push(`code = $${params.push(query.code)}`);
  if (query.source) where.push(`source = $${params.push(query.source)}`);
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
  const rows = await q.query<QuarantineRow & { payload: Buffer }>(`SELECT ${COLUMNS}, payload FROM quarantine WHERE id = $1`, [id]);
  return rows[0];
}
