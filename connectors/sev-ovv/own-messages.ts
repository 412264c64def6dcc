import { ConfigError } from '../../src/config';
import type { MessageHandler } from '../../src/pipeline';
import { applyAddition } from './additions';
import { loadSevOvvConfig } from './config';
import { MSG_TYPE } from './format';
import { checkRouting } from './inbound';
import { applyReceipt } from './outgoing/receipts';
import { readSevMessage } from './read-message';
import { headerAttributes } from './sender';
import { parseXml } from './xml';

/** msg_type values that are not documents to register (z1306-11: сповіщення, доповнення). */
const OWN = new Set([String(MSG_TYPE.acknowledgement), String(MSG_TYPE.documentAddition), String(MSG_TYPE.replyAddition)]);

/**
 * СЕВ ОВВ messages that answer or extend what is on file rather than register anew (issue 18):
 * receipts (msg_type 0) to the hub's outgoing messages, additions (2, 4) to a registered document.
 * Told apart by the Header start tag alone, so a document is parsed once, by the decoder; a message
 * before the connector is configured goes to the decoder too (SEV_OVV_NOT_CONFIGURED, replayable).
 */
export const applySevOvvMessage: MessageHandler = async (env, deps) => {
  if (!OWN.has(headerAttributes(env.payload)?.get('msg_type') ?? '')) return undefined;
  let config;
  try {
    config = loadSevOvvConfig();
  } catch (err) {
    if (err instanceof ConfigError) return undefined;
    throw err;
  }
  const message = readSevMessage(await parseXml(env.payload));
  checkRouting(message.header, config);
  return message.header.msgType === MSG_TYPE.acknowledgement ? applyReceipt(message, env, deps) : applyAddition(message, env, deps, config);
};
