/**
 * The events of the outgoing side (issue 18), in the outbox and the change feed: `outgoing.sent`
 * per message handed to the delivery, then one per receipt step (outgoing/receipts.ts).
 */
export const OUTGOING_SENT_EVENT = 'outgoing.sent';

/** On the incoming document an outgoing one answers (answersDocumentId): its card shows «answered by». */
export const DOCUMENT_ANSWERED_EVENT = 'document.answered';

export const OUTGOING_RECEIPT_EVENTS = ['outgoing.delivered', 'outgoing.accepted', 'outgoing.registered', 'outgoing.refused'] as const;
