import type { MessageHandler } from '../../src/pipeline';
import { applyAddition } from './additions';
import { applyReceipt } from './outgoing/receipts';
import type { SevAddition, SevReceipt } from './own-messages';

/**
 * The connector's handler of its own messages (src/pipeline/own-messages.ts): a receipt or an
 * addition the decoder made (own-messages.ts) applied to what is on file, on every door (issue 18).
 */
export const applySevOvvMessage: MessageHandler = (message, env, deps) =>
  message.own === 'sev-ovv.receipt' ? applyReceipt(message as SevReceipt, env, deps) : applyAddition(message as SevAddition, env, deps);
