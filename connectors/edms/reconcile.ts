/**
 * `dilovod edms reconcile --subscription ID`: what the EDMS has acknowledged against what is on
 * file. For every control card of the subscription's sources, the highest version delivered is
 * compared with the card's version now; parked deliveries are put back in line, and a card whose
 * current state no delivery will bring (changed while the subscription was paused past the feed,
 * or before it existed) gets a `control.snapshot` delivery with the whole card as it is.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/store';
import { RETRY_WINDOW_MS, replayFailed } from './deliveries';
import { getSubscription } from './subscriptions';

export interface ReconcileReport {
  cards: number;
  inStep: number;
  pending: number;
  replayed: number;
  snapshots: number;
}

export async function reconcile(db: Db, subscriptionId: string, now: Date): Promise<ReconcileReport | undefined> {
  const sub = await getSubscription(db, subscriptionId);
  if (!sub) return undefined;
  return db.tx(async (q) => {
    const replayed = await replayFailed(q, sub.id, undefined, now);
    const rows = await q.query<{ id: string; document_id: string; card: Record<string, unknown> & { version?: number }; delivered: number | null; waiting: number; doc: Record<string, unknown> }>(
      `SELECT c.id, c.document_id, c.card,
              (SELECT max((w.body->'data'->>'version')::int) FROM webhook_deliveries w
                WHERE w.subscription_id = $1 AND w.order_key = 'card:' || c.id::text AND w.status = 'delivered') AS delivered,
              (SELECT count(*)::int FROM webhook_deliveries w
                WHERE w.subscription_id = $1 AND w.order_key = 'card:' || c.id::text AND w.status = 'pending') AS waiting,
              jsonb_build_object('source', d.source, 'externalId', d.external_id, 'kind', d.kind, 'status', d.status) AS doc
         FROM control_cards c JOIN documents d ON d.id = c.document_id
        WHERE $2::text[] IS NULL OR d.source = ANY($2::text[])`,
      [sub.id, sub.sources],
    );
    const report: ReconcileReport = { cards: rows.length, inStep: 0, pending: 0, replayed, snapshots: 0 };
    for (const r of rows) {
      const version = r.card.version ?? 1;
      if ((r.delivered ?? 0) >= version) report.inStep++;
      else if (r.waiting > 0) report.pending++;
      else {
        const eventId = randomUUID();
        const body = {
          eventId, type: 'control.snapshot', documentId: r.document_id, occurredAt: now.toISOString(), ...r.doc,
          data: { cardId: r.id, version, card: { ...r.card, version }, reason: 'reconcile' },
        };
        await q.query(
          `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, order_key, body, next_attempt_at, retry_until, created_at)
           VALUES ($1, $2, 'control.snapshot', $3, $4, $5, $6, $5)`,
          [sub.id, eventId, `card:${r.id}`, JSON.stringify(body), now, new Date(now.getTime() + RETRY_WINDOW_MS)],
        );
        report.snapshots++;
      }
    }
    return report;
  });
}
