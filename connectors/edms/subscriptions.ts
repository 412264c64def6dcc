/**
 * Webhook subscriptions and their deliveries, in the hub's database (migration 010). The
 * database is the durable queue: per subscription, per control card, in order; it works on the
 * embedded database with no broker, and a parked delivery stays visible and replayable.
 */
import { createHash, randomUUID } from 'node:crypto';
import { HubError } from '../../src/errors';
import type { Queryable } from '../../src/store';
import { newSecret } from './signing';

export type SubscriptionStatus = 'active' | 'paused' | 'disabled';

export interface Subscription {
  id: string;
  url: string;
  events: string[];
  sources: string[] | null;
  status: SubscriptionStatus;
  ownerToken: string | null;
  /** Document events carry the registration card unmasked (the subscriber holds personal-data). */
  personalData: boolean;
  createdBy: string;
  createdAt: string;
  disabledReason: string | null;
  /** While a rotated-out secret still signs (both sign during the grace period). */
  previousSecretUntil: string | null;
}

export interface SubscriptionSecrets {
  secret: string;
  previousSecret: string | null;
  previousUntil: Date | null;
}

interface SubscriptionRow {
  id: string;
  url: string;
  events: string[];
  sources: string[] | null;
  secret: string;
  previous_secret: string | null;
  previous_until: Date | null;
  status: SubscriptionStatus;
  owner_token: string | null;
  personal_data: boolean;
  created_by: string;
  created_at: Date;
  cursor_tx: string | null;
  cursor_seq: number | null;
  disabled_reason: string | null;
}

const COLUMNS = 'id, url, events, sources, secret, previous_secret, previous_until, status, owner_token, personal_data, created_by, created_at, cursor_tx::text AS cursor_tx, cursor_seq, disabled_reason';

function toSubscription(r: SubscriptionRow): Subscription {
  return {
    id: r.id, url: r.url, events: r.events, sources: r.sources, status: r.status, ownerToken: r.owner_token, personalData: r.personal_data, createdBy: r.created_by,
    createdAt: r.created_at.toISOString(), disabledReason: r.disabled_reason, previousSecretUntil: r.previous_until?.toISOString() ?? null,
  };
}

/**
 * Starts at the present: the changes of transactions begun after this one (`pg_current_xact_id`;
 * not the oldest running one, which may be older than changes already committed and would send
 * them as if they were new).
 */
export async function createSubscription(
  q: Queryable,
  s: { url: string; events: string[]; sources?: string[]; ownerToken?: string; personalData?: boolean; createdBy: string },
  now: Date,
): Promise<{ subscription: Subscription; secret: string }> {
  const secret = newSecret();
  const rows = await q.query<SubscriptionRow>(
    `INSERT INTO webhook_subscriptions (id, url, events, sources, secret, owner_token, personal_data, created_by, created_at, cursor_tx, cursor_seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, pg_current_xact_id(), 0) RETURNING ${COLUMNS}`,
    [randomUUID(), s.url, s.events, s.sources ?? null, secret, s.ownerToken ?? null, s.personalData ?? false, s.createdBy, now],
  );
  return { subscription: toSubscription(rows[0] as SubscriptionRow), secret };
}

export async function listSubscriptions(q: Queryable, ownerToken?: string): Promise<Subscription[]> {
  const rows = ownerToken
    ? await q.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE owner_token = $1 ORDER BY created_at, id`, [ownerToken])
    : await q.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM webhook_subscriptions ORDER BY created_at, id`);
  return rows.map(toSubscription);
}

export async function getSubscription(q: Queryable, id: string): Promise<Subscription | undefined> {
  const rows = await q.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id = $1`, [id]);
  return rows[0] ? toSubscription(rows[0]) : undefined;
}

export async function setStatus(q: Queryable, id: string, status: SubscriptionStatus, reason: string | null = null): Promise<Subscription> {
  const rows = await q.query<SubscriptionRow>(`UPDATE webhook_subscriptions SET status = $2, disabled_reason = $3 WHERE id = $1 RETURNING ${COLUMNS}`, [id, status, reason]);
  if (!rows[0]) throw HubError.of('NOT_FOUND', { subscriptionId: id });
  return toSubscription(rows[0]);
}

/** A new secret; the old one keeps signing until `graceUntil`, so the EDMS can switch without losing a delivery. */
export async function rotateSecret(q: Queryable, id: string, graceUntil: Date): Promise<{ subscription: Subscription; secret: string }> {
  const secret = newSecret();
  const rows = await q.query<SubscriptionRow>(
    `UPDATE webhook_subscriptions SET previous_secret = secret, previous_until = $3, secret = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, secret, graceUntil],
  );
  if (!rows[0]) throw HubError.of('NOT_FOUND', { subscriptionId: id });
  return { subscription: toSubscription(rows[0]), secret };
}

export async function deleteSubscription(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('DELETE FROM webhook_subscriptions WHERE id = $1 RETURNING id', [id])).length > 0;
}

/** The secrets that sign now: the current one, and the previous one during its grace period. */
export function signingSecrets(s: SubscriptionSecrets, now: Date): string[] {
  return s.previousSecret && s.previousUntil && s.previousUntil > now ? [s.secret, s.previousSecret] : [s.secret];
}

export interface SubscriptionForDispatch extends SubscriptionSecrets {
  id: string;
  url: string;
  personalData: boolean;
  ownerToken: string | null;
  events: string[];
  sources: string[] | null;
  cursor: { tx: string; seq: number };
}

/** Active subscriptions, for the dispatcher; `lock`: only one not locked by another hub process. */
export async function activeSubscriptions(q: Queryable): Promise<SubscriptionForDispatch[]> {
  const rows = await q.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE status = 'active' ORDER BY id`);
  return rows.map((r) => ({
    id: r.id, url: r.url, personalData: r.personal_data, ownerToken: r.owner_token, events: r.events, sources: r.sources, secret: r.secret,
    previousSecret: r.previous_secret, previousUntil: r.previous_until,
    cursor: { tx: r.cursor_tx ?? '0', seq: r.cursor_seq ?? 0 },
  }));
}

/**
 * The subscriptions the operator keeps in WEBHOOK_SUBSCRIPTIONS: each one's id follows from its
 * URL, so a restart updates it (events, sources, secret) rather than adding another; a new one
 * starts at the present, and a paused one stays paused.
 */
export async function ensureConfiguredSubscriptions(q: Queryable, list: ReadonlyArray<{ url: string; events: string[]; sources?: string[]; secret: string }>, now: Date): Promise<void> {
  for (const s of list) {
    const h = createHash('sha256').update(`dilovod-webhook:${s.url}`).digest('hex');
    const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
    await q.query(
      `INSERT INTO webhook_subscriptions (id, url, events, sources, secret, created_by, created_at, cursor_tx, cursor_seq)
       VALUES ($1, $2, $3, $4, $5, 'WEBHOOK_SUBSCRIPTIONS', $6, pg_current_xact_id(), 0)
       ON CONFLICT (id) DO UPDATE SET events = EXCLUDED.events, sources = EXCLUDED.sources, secret = EXCLUDED.secret`,
      [id, s.url, s.events, s.sources ?? null, s.secret, now],
    );
  }
}
