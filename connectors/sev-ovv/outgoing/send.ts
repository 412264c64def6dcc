import type { HubEvent } from '../../../src/schemas';
import type { Queryable } from '../../../src/store';
import type { OutboundMessage } from '../../connector';
import { OUTGOING_SENT_EVENT } from './events';
import { markPublished, messageBody } from './store';

/**
 * `outgoing.sent` → the 1207 message kept when the document was registered, to its addressee
 * (routing key `sev-ovv.<org>/<system>` on dilovod.outbound, published with confirms by the
 * delivery as receipts are). Its AMQP message_id is the 1207 msg_id, so the exchange can drop a
 * repeat after a redelivery. A message not in the store is a broken event: dead-lettered.
 */
export function sentMessageFor(event: HubEvent, db: Queryable): Promise<OutboundMessage[]> | undefined {
  if (event.type !== OUTGOING_SENT_EVENT) return undefined;
  const msgId = (event.data as { msgId?: unknown }).msgId;
  return (async () => {
    const stored = typeof msgId === 'string' ? await messageBody(db, msgId) : undefined;
    if (!stored) throw new Error(`outgoing.sent ${event.eventId}: message ${String(msgId)} is not in the store`);
    return [{ destination: `${stored.toOrgId}/${stored.toSysId}`, contentType: 'application/xml; charset=utf-8', body: stored.body, messageId: msgId as string }];
  })();
}

/** The broker confirmed an outgoing.sent's message: its publishedAt on the card (the first confirmation stands). */
export async function sentMessagePublished(event: HubEvent, db: Queryable, at: Date): Promise<void> {
  const msgId = (event.data as { msgId?: unknown }).msgId;
  if (event.type === OUTGOING_SENT_EVENT && typeof msgId === 'string') await markPublished(db, msgId, at);
}
