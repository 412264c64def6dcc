import type { AppliedMessage, Envelope, PipelineDeps } from '../../../src/pipeline';
import type { OutgoingMessage } from '../../../src/schemas';
import { outbox } from '../../../src/store';
import { sameOrganization } from '../due-date';
import { externalIdOf } from '../external-id';
import { ACK_TYPE } from '../format';
import { SOURCE } from '../inbound';
import type { SevAcknowledgement } from '../message';
import type { SevReceipt } from '../own-messages';
import { outgoingError } from './errors';
import { OUTGOING_RECEIPT_EVENTS } from './events';
import { lockMessage, saveMessage, type MessageState } from './store';

/** What each ack_type records on the message, the state it moves to, and its event (issue 18). */
const STEPS: Record<number, { field: 'deliveredAt' | 'acceptedAt' | 'registeredAt' | 'refusedAt'; state: MessageState; event: string }> = {
  [ACK_TYPE.delivered]: { field: 'deliveredAt', state: 'delivered', event: OUTGOING_RECEIPT_EVENTS[0] },
  [ACK_TYPE.accepted]: { field: 'acceptedAt', state: 'accepted', event: OUTGOING_RECEIPT_EVENTS[1] },
  [ACK_TYPE.registered]: { field: 'registeredAt', state: 'registered', event: OUTGOING_RECEIPT_EVENTS[2] },
  [ACK_TYPE.refused]: { field: 'refusedAt', state: 'refused', event: OUTGOING_RECEIPT_EVENTS[3] },
};

/** Receipts may come out of order: the state only moves forward, and registered / refused are final. */
const RANK: Record<MessageState, number> = { sent: 0, delivered: 1, accepted: 2, registered: 3, refused: 3 };

/** The message with this receipt applied; unchanged (a repeat) when its step was recorded already. */
export function withReceipt(m: OutgoingMessage, ack: Pick<SevAcknowledgement, 'ackType' | 'regNumber' | 'results'>, at: Date): OutgoingMessage | undefined {
  const step = STEPS[Number(ack.ackType)];
  if (!step || m[step.field]) return undefined;
  const next: OutgoingMessage = { ...m, [step.field]: at.toISOString() };
  if (RANK[step.state] > RANK[m.state]) next.state = step.state;
  if (step.state === 'registered' && ack.regNumber) next.theirRegistration = { number: ack.regNumber.number, date: ack.regNumber.date };
  if (step.state === 'refused') next.refusalReason = ack.results.map((r) => r.errortext).filter(Boolean).join('; ').slice(0, 2000) || null;
  return next;
}

/**
 * Incoming receipts (msg_type 0) to the messages the hub sent (issue 18, "Receipts back"): matched
 * by Acknowledgement@msg_id to a message the hub sent, from the organisation it was addressed to;
 * ack_type 1 delivered, 2 accepted, 3 registered by the addressee (their RegNumber), 4 refused (their
 * reason), each step once, with its event (`outgoing.delivered` …) in the change feed, and logged. A
 * receipt for a message never sent, or from another organisation, is quarantined, never applied.
 * Called by ../apply-own.ts with the receipt the decoder read and routed (../own-messages.ts), on
 * every door.
 */
export async function applyReceipt(message: SevReceipt, env: Envelope, deps: PipelineDeps): Promise<AppliedMessage> {
  const { header, acknowledgement: ack } = message;
  const at = deps.clock.now();
  const result = await deps.db.tx(async (q) => {
    const sent = await lockMessage(q, ack.msgId);
    if (!sent) throw outgoingError('SEV_OVV_RECEIPT_UNKNOWN_MESSAGE', { acknowledgesMsgId: ack.msgId, ackType: Number(ack.ackType), fromOrgId: header.fromOrgId, msgId: header.msgId });
    if (!sameOrganization(header.fromOrgId, sent.toOrgId)) {
      throw outgoingError('SEV_OVV_RECEIPT_WRONG_SENDER', { acknowledgesMsgId: ack.msgId, ackType: Number(ack.ackType), fromOrgId: header.fromOrgId, addressedTo: sent.toOrgId, msgId: header.msgId });
    }
    const next = withReceipt(sent, ack, at);
    if (!next) return { sent, next: undefined };
    await saveMessage(q, next, at);
    const step = STEPS[Number(ack.ackType)] as (typeof STEPS)[number];
    await outbox.appendEvent(q, {
      type: step.event, documentId: next.outgoingId, occurredAt: at,
      body: {
        type: step.event, documentId: next.outgoingId, occurredAt: at.toISOString(), source: SOURCE,
        externalId: externalIdOf({ orgId: next.toOrgId, sysId: next.toSysId, msgId: next.msgId }), kind: 'outgoing-document', status: next.state,
        data: {
          outgoingId: next.outgoingId, msgId: next.msgId, toOrgId: next.toOrgId, ackType: Number(ack.ackType), state: next.state, receiptMsgId: header.msgId,
          ...(step.state === 'registered' ? { theirRegistration: next.theirRegistration } : {}),
          ...(step.state === 'refused' ? { reason: next.refusalReason } : {}),
        },
      },
    });
    return { sent, next };
  });
  if (result.next) deps.onEventsCommitted?.();
  deps.log.info(
    { traceId: env.traceId, msgId: ack.msgId, outgoingId: result.sent.outgoingId, to: result.sent.toOrgId, ackType: Number(ack.ackType), state: (result.next ?? result.sent).state, repeat: !result.next },
    result.next ? 'квитанцію СЕВ ОВВ на вихідне повідомлення застосовано / receipt to an outgoing message applied' : 'повторна квитанція СЕВ ОВВ; нічого не змінено / repeated receipt; nothing changed',
  );
  return { what: 'sev-ovv.receipt', id: ack.msgId, changed: !!result.next, outgoingId: result.sent.outgoingId };
}
