import type { HubEvent } from '../../src/schemas';
import { INPUT_REFUSED_EVENT } from '../../src/store/outbox';
import type { Queryable } from '../../src/store';
import type { OutboundMessage } from '../connector';
import { loadSevOvvConfig, type SevOvvConfig } from './config';
import { parseExternalId } from './external-id';
import { ACK_TYPE } from './format';
import { SOURCE } from './inbound';
import { acknowledgement, acknowledgementsFor, uuidV5 } from './outbound';

/** The events that answer an incoming message: its registration (or not), or its refusal into quarantine. */
const ANSWERING_EVENTS = new Set(['document.registered', 'document.not-registered', INPUT_REFUSED_EVENT]);

/** ДС13 and ДС14's own words. */
const TEXT: Record<number, string> = {
  [ACK_TYPE.delivered]: 'Повідомлення доставлено без помилок',
  [ACK_TYPE.accepted]: 'Повідомлення було прийнято без помилок',
};

/**
 * Which of the delivery (1) and acceptance (2) receipts an event owes the sender, by what its
 * Header@msg_acknow asked. Our reading of z1306-11 (its text was not readable here; to check
 * against the order, README "Receipts"): 0 — the final receipt only (3 or 4); 1 — also
 * "доставлено", the message reached the council's system and is kept; 2 — also "прийнято", it
 * passed the checks and was taken for registration. So a registration owes 1 (and 2 if asked); a
 * message registered as not-registrable (003 §157) or refused into quarantine, whether the fault is
 * the sender's or the council's to fix, was delivered and is kept but was not accepted: 1 only.
 */
export function progressSteps(eventType: string, msgAcknow: number): number[] {
  if (msgAcknow < 1 || !ANSWERING_EVENTS.has(eventType)) return [];
  return eventType === 'document.registered' && msgAcknow >= 2 ? [ACK_TYPE.delivered, ACK_TYPE.accepted] : [ACK_TYPE.delivered];
}

/** What the sender's Header@msg_acknow was: kept in the card's meta (inbound.ts metaOf), or read by sender.ts into input.refused. */
async function msgAcknowOf(event: HubEvent, db: Queryable): Promise<number> {
  if (event.type === INPUT_REFUSED_EVENT) return Number((event.data.senderAsks as { msgAcknow?: unknown } | undefined)?.msgAcknow ?? 0) || 0;
  const [row] = await db.query<{ msg_acknow: string | null }>("SELECT meta->>'msgAcknow' AS msg_acknow FROM documents WHERE id = $1", [event.documentId]);
  return Number(row?.msg_acknow ?? 0) || 0;
}

/**
 * Whether this event owns this receipt to the message (migration 023): the first event to claim it
 * does, and a redelivery of that event still does (it sends the same bytes again); any other event
 * does not. So a message kept in quarantine for the council (delivered, ack 1 sent) and registered
 * by a replay later is not told "delivered" twice.
 */
async function owns(db: Queryable, event: HubEvent, externalId: string, ackType: number): Promise<boolean> {
  const rows = await db.query<{ event_id: string }>(
    `WITH claimed AS (
       INSERT INTO sev_ovv_receipts_sent (external_id, ack_type, event_id, claimed_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (external_id, ack_type) DO NOTHING RETURNING event_id)
     SELECT event_id FROM claimed UNION ALL SELECT event_id FROM sev_ovv_receipts_sent WHERE external_id = $1 AND ack_type = $2`,
    [externalId, ackType, event.eventId],
  );
  return rows[0]?.event_id === event.eventId;
}

/**
 * Every receipt an event owes the sender of the message it answers, in the order they go out
 * (issue 18; the delivery publishes them in this order with publisher confirms): 1, 2, then 3 or 4
 * (acknowledgementsFor). A receipt 1 or 2 is named after the message it answers, not the event
 * (`<key>/ack/1`), and "delivered" is dated when the message reached the hub, so it is the same
 * receipt whichever event sends it. Undefined for events this does not answer (the connector's
 * `outbound` maps them).
 */
export function receiptsFor(event: HubEvent, db: Queryable, getConfig: () => SevOvvConfig = () => loadSevOvvConfig()): Promise<OutboundMessage[]> | undefined {
  if (event.source !== SOURCE || !ANSWERING_EVENTS.has(event.type)) return undefined;
  const original = parseExternalId(event.externalId);
  if (!original || !event.externalId) return undefined;
  const key = event.externalId;
  return (async () => {
    const final = acknowledgementsFor(event, getConfig);
    const progress: OutboundMessage[] = [];
    for (const ackType of progressSteps(event.type, await msgAcknowOf(event, db))) {
      if (!(await owns(db, event, key, ackType))) continue;
      const receivedAt = event.data.receivedAt;
      progress.push(acknowledgement(event, original, getConfig(), {
        ackType, errortext: TEXT[ackType] as string, messageId: uuidV5(`${key}/ack/${ackType}`),
        ...(ackType === ACK_TYPE.delivered && typeof receivedAt === 'string' ? { time: receivedAt } : {}),
      }));
    }
    return [...progress, ...final];
  })();
}
