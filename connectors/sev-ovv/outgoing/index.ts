/**
 * The outgoing side of СЕВ ОВВ (issue 18): the participants directory, outgoing registration and
 * sending (one 1207 message per addressee), and the receipts that come back for what was sent.
 */
export { outgoingError, type OutgoingErrorCode } from './errors';
export { importParticipants, listParticipants, parseParticipants, readParticipantsFile, requireParticipants } from './participants';
export { OUTGOING_RECEIPT_EVENTS, OUTGOING_SENT_EVENT } from './events';
export { OUTGOING_RULE, outgoingRoute, outgoingRule, registerOutgoing, type OutgoingDeps } from './register';
export { applyReceipt, withReceipt } from './receipts';
export { sentMessageFor } from './send';
export { getOutgoingCard, listMessages, type MessageState } from './store';
export { receiptDueAt } from './unconfirmed';
