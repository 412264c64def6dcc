/**
 * Deliveries of one subscription: made from the change feed at the subscription's cursor, claimed
 * with a lease (so a send never holds a database transaction open, and a crashed process's claim
 * runs out and another retries), recorded attempt by attempt. Per control card (or document when
 * the event is not about a card) a later delivery waits until the earlier one is accepted; a
 * parked one no longer holds the card up (each carries the whole card with its version, so a
 * replayed older one is discarded by the EDMS).
 */
import { documentCardFor, holdsApplicantData } from '../../src/appeals/privacy';
import { CHECKPOINT_EVENT } from '../../src/domain/audit';
import { makePrincipal, recordPersonalDataReads, type PersonalRecordRef, type Principal } from '../../src/identity';
import { readChanges, type Change } from '../../src/store/changes';
import { documents, type Db, type Queryable } from '../../src/store';
import type { SubscriptionForDispatch, SubscriptionSecrets } from './subscriptions';

/** How long deliveries are retried before they are parked as failed (issue 11: up to 3 days). */
export const RETRY_WINDOW_MS = 3 * 24 * 3600 * 1000;

/**
 * Exponential back-off with jitter: `baseMs` (30 s), twice that, four times … capped at 720 ×
 * `baseMs` (6 hours), each multiplied by 0.5-1.5 so that many deliveries failing together do not
 * retry together.
 */
export function retryDelayMs(attempts: number, random: number, baseMs = 30_000): number {
  const delay = Math.min(720 * baseMs, baseMs * 2 ** Math.min(20, Math.max(0, attempts - 1)));
  return Math.round(delay * (0.5 + random));
}

/**
 * Whether a subscription takes an event: its type asked for (or `*`), and a document event of one
 * of its sources. A checkpoint of the control log is about no document: every subscription that
 * asks for it gets it, whatever its sources (issue 14: publish every checkpoint where others keep
 * it, the EDMS among them). Signed heads kept outside the log keeper's reach are what an auditor
 * checks a log against (RFC 6962 §5.4; the EDMS keeps them as a C2SP tlog-witness would, without
 * cosigning).
 */
function wanted(sub: Pick<SubscriptionForDispatch, 'events' | 'sources'>, type: string, source: unknown): boolean {
  if (!sub.events.includes('*') && !sub.events.includes(type)) return false;
  if (type === CHECKPOINT_EVENT) return true;
  return !sub.sources || (typeof source === 'string' && sub.sources.includes(source));
}

/**
 * Turns the subscription's next changes into deliveries and moves its cursor past them, in one
 * transaction; a subscription another hub process is working on is skipped. Returns how many
 * changes were read (0: caught up).
 */
export async function materialize(db: Db, sub: SubscriptionForDispatch, now: Date, limit = 500): Promise<number> {
  return db.tx(async (q) => {
    const [locked] = await q.query<{ cursor_tx: string; cursor_seq: number }>(
      "SELECT cursor_tx::text AS cursor_tx, cursor_seq FROM webhook_subscriptions WHERE id = $1 AND status = 'active' FOR UPDATE SKIP LOCKED",
      [sub.id],
    );
    if (!locked) return 0;
    const changes = await readChanges(q, { after: { tx: locked.cursor_tx, seq: locked.cursor_seq }, limit });
    if (!changes.length) return 0;
    const taken = changes.filter((c) => wanted(sub, c.type, c.payload.source));
    const bodies = await withRegistrationCards(q, sub, taken, now);
    if (taken.length) {
      const orderKey = (c: (typeof taken)[number]) => {
        const data = c.payload.data as { cardId?: unknown } | undefined;
        return typeof data?.cardId === 'string' ? `card:${data.cardId}` : `document:${c.documentId}`;
      };
      // One statement for the page, in feed order (ids grow with it, and order per card follows ids).
      await q.query(
        `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, order_key, body, next_attempt_at, retry_until, created_at)
         SELECT $1, e, t, k, b::jsonb, $6, $7, $6 FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS x(e, t, k, b, n)
          ORDER BY n ON CONFLICT (subscription_id, event_id) DO NOTHING`,
        [sub.id, taken.map((c) => c.eventId), taken.map((c) => c.type), taken.map(orderKey),
          bodies.map((b) => JSON.stringify(b)), now, new Date(now.getTime() + RETRY_WINDOW_MS)],
      );
    }
    const last = changes[changes.length - 1]!.cursor;
    await q.query('UPDATE webhook_subscriptions SET cursor_tx = $2::xid8, cursor_seq = $3 WHERE id = $1', [sub.id, last.tx, last.seq]);
    return changes.length;
  });
}

/**
 * The delivered bodies: the event as published, and for a document event the registration card
 * as it stands when the delivery is made — citizens' data masked unless whoever subscribed holds
 * the personal-data permission, and then each card sent is a recorded read (Law «Про захист
 * персональних даних», art. 14).
 */
async function withRegistrationCards(q: Queryable, sub: SubscriptionForDispatch, changes: Change[], now: Date): Promise<Array<Record<string, unknown>>> {
  const shown: PersonalRecordRef[] = [];
  const bodies = [];
  for (const c of changes) {
    const body: Record<string, unknown> = { ...c.payload, eventId: c.eventId, sequence: c.sequence };
    const card = c.type.startsWith('document.') ? await documents.getCard(q, c.documentId) : undefined;
    if (card) {
      const viewer = sub.personalData ? subscriber(sub) : undefined;
      body.data = { ...(c.payload.data as Record<string, unknown> | undefined), card: documentCardFor(card, viewer) };
      if (viewer && holdsApplicantData(card)) shown.push({ kind: 'document', id: card.id });
    }
    bodies.push(body);
  }
  if (shown.length) await recordPersonalDataReads(q, subscriber(sub), `webhook ${sub.id}`, shown, now);
  return bodies;
}

/** The subscription as a caller: the system that subscribed, holding personal data (only asked when it does). */
function subscriber(sub: SubscriptionForDispatch): Principal {
  return makePrincipal({
    kind: 'system', id: `system:${sub.ownerToken ?? 'admin'}`, displayName: `webhook subscription ${sub.id}`, roles: ['personal-data'], method: 'api-token',
    ...(sub.ownerToken ? { via: { tokenId: sub.ownerToken, name: `webhook subscription ${sub.id}` } } : {}),
  });
}

export interface ClaimedDelivery extends SubscriptionSecrets {
  id: number;
  subscriptionId: string;
  url: string;
  eventId: string;
  body: string;
  attempts: number;
  retryUntil: Date;
}

/**
 * Due deliveries that are first in line for their card, leased for `leaseMs`: another process
 * skips them meanwhile; if this one dies, the lease runs out and the delivery is tried again.
 */
export async function claimDue(db: Db, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
  return db.tx(async (q) => {
    const rows = await q.query<{
      id: number; subscription_id: string; url: string; event_id: string; body: unknown; attempts: number; retry_until: Date;
      secret: string; previous_secret: string | null; previous_until: Date | null;
    }>(
      // The head of each card's line (one pass over the pending index), then the due heads, locked.
      `WITH heads AS (
         SELECT DISTINCT ON (subscription_id, order_key) id, next_attempt_at FROM webhook_deliveries
          WHERE status = 'pending' ORDER BY subscription_id, order_key, id),
       due AS (
         SELECT d.id FROM heads h JOIN webhook_deliveries d ON d.id = h.id
           JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.status = 'active'
          WHERE h.next_attempt_at <= $1
          ORDER BY h.next_attempt_at, d.id LIMIT $3 FOR UPDATE OF d SKIP LOCKED)
       UPDATE webhook_deliveries w SET next_attempt_at = $2 FROM due, webhook_subscriptions s
        WHERE w.id = due.id AND s.id = w.subscription_id
       RETURNING w.id, w.subscription_id, s.url, w.event_id, w.body, w.attempts, w.retry_until, s.secret, s.previous_secret, s.previous_until`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
    return rows.map((r) => ({
      id: r.id, subscriptionId: r.subscription_id, url: r.url, eventId: r.event_id, body: JSON.stringify(r.body), attempts: r.attempts,
      retryUntil: r.retry_until, secret: r.secret, previousSecret: r.previous_secret, previousUntil: r.previous_until,
    }));
  });
}

export interface AttemptOutcome {
  status: number | null;
  latencyMs: number;
  error: string | null;
}

export type AttemptResult = 'delivered' | 'retry' | 'failed' | 'gone';

/** The attempts of one batch, in one transaction (one commit for many sends). */
export async function recordAttempts(db: Db, done: Array<{ delivery: ClaimedDelivery; outcome: AttemptOutcome }>, now: Date, retryBaseMs = 30_000): Promise<AttemptResult[]> {
  return db.tx(async (q) => {
    const results: AttemptResult[] = [];
    for (const { delivery, outcome } of done) results.push(await recordAttempt(q, delivery, outcome, now, retryBaseMs, Math.random()));
    return results;
  });
}

/**
 * Records one attempt: 2xx delivered; 410 the receiver asked to stop (the subscription is
 * disabled, the delivery waits); anything else retried later, or parked as failed once its
 * retry window has passed.
 */
async function recordAttempt(q: Queryable, d: ClaimedDelivery, o: AttemptOutcome, now: Date, retryBaseMs: number, random: number): Promise<AttemptResult> {
  await q.query('INSERT INTO webhook_attempts (delivery_id, at, status, latency_ms, error) VALUES ($1, $2, $3, $4, $5)', [d.id, now, o.status, o.latencyMs, o.error]);
  const attempts = d.attempts + 1;
  if (o.status !== null && o.status >= 200 && o.status < 300) {
    await q.query("UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, delivered_at = $3, last_status = $4, last_error = NULL WHERE id = $1", [d.id, attempts, now, o.status]);
    return 'delivered';
  }
  if (o.status === 410) {
    await q.query("UPDATE webhook_subscriptions SET status = 'disabled', disabled_reason = 'the receiver answered 410 Gone' WHERE id = $1", [d.subscriptionId]);
    await q.query('UPDATE webhook_deliveries SET attempts = $2, next_attempt_at = $3, last_status = 410, last_error = NULL WHERE id = $1', [d.id, attempts, now]);
    return 'gone';
  }
  const next = new Date(now.getTime() + retryDelayMs(attempts, random, retryBaseMs));
  const parked = next > d.retryUntil;
  await q.query(
    'UPDATE webhook_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, last_status = $5, last_error = $6 WHERE id = $1',
    [d.id, parked ? 'failed' : 'pending', attempts, parked ? now : next, o.status, o.error],
  );
  return parked ? 'failed' : 'retry';
}

export interface DeliveryView {
  id: number;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  history: Array<{ at: string; status: number | null; latencyMs: number; error: string | null }>;
}

/** A subscription's deliveries, newest first, with every attempt (status, latency, error; never the body). */
export async function listDeliveries(q: Queryable, subscriptionId: string, status: string | undefined, limit: number): Promise<DeliveryView[]> {
  const params: unknown[] = [subscriptionId];
  const filter = status ? `AND status = $${params.push(status)}` : '';
  params.push(limit);
  const rows = await q.query<{
    id: number; event_id: string; event_type: string; status: string; attempts: number; created_at: Date; next_attempt_at: Date;
    delivered_at: Date | null; last_status: number | null; last_error: string | null;
  }>(`SELECT * FROM webhook_deliveries WHERE subscription_id = $1 ${filter} ORDER BY id DESC LIMIT $${params.length}`, params);
  const attempts = rows.length
    ? await q.query<{ delivery_id: number; at: Date; status: number | null; latency_ms: number; error: string | null }>(
      'SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1::bigint[]) ORDER BY at', [rows.map((r) => r.id)])
    : [];
  return rows.map((r) => ({
    id: r.id, eventId: r.event_id, eventType: r.event_type, status: r.status, attempts: r.attempts, createdAt: r.created_at.toISOString(),
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null, deliveredAt: r.delivered_at?.toISOString() ?? null,
    lastStatus: r.last_status, lastError: r.last_error,
    history: attempts.filter((a) => a.delivery_id === r.id).map((a) => ({ at: a.at.toISOString(), status: a.status, latencyMs: a.latency_ms, error: a.error })),
  }));
}

/** Puts parked deliveries back in line (one, or all of the subscription's), with a new retry window. */
export async function replayFailed(q: Queryable, subscriptionId: string, deliveryId: number | undefined, now: Date): Promise<number> {
  const params: unknown[] = [subscriptionId, now, new Date(now.getTime() + RETRY_WINDOW_MS)];
  const one = deliveryId === undefined ? '' : `AND id = $${params.push(deliveryId)}`;
  const rows = await q.query(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2, retry_until = $3 WHERE subscription_id = $1 AND status = 'failed' ${one} RETURNING id`,
    params,
  );
  return rows.length;
}
