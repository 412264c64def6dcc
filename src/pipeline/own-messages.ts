import type { PipelineDeps } from './context';
import type { Envelope } from './envelope';

/** What a connector's own message did when applied (e.g. a receipt moved a sent message's state). */
export interface AppliedMessage {
  what: string;
  /** The record it changed (an outgoing message's id). */
  id: string;
  /** Whether it changed anything (false: a repeat of a receipt already applied). */
  changed: boolean;
}

/**
 * A connector's messages that are not documents to register but answers to what the hub sent (a
 * СЕВ ОВВ receipt, msg_type 0: issue 18). The handler reads as little as it needs to tell (the
 * Header start tag): undefined lets the message go on to the pipeline's decoder as before. A
 * HubError it throws is permanent (the door quarantines the message, never applied); anything else
 * is retried like the pipeline's.
 */
export type MessageHandler = (env: Envelope, deps: PipelineDeps) => Promise<AppliedMessage | undefined>;

const handlers = new Map<string, MessageHandler>();

export function registerMessageHandler(format: string, handler: MessageHandler): void {
  handlers.set(format, handler);
}

/** Applies the message if its format's connector handles it as its own; undefined when it is for the pipeline. */
export async function applyOwnMessage(deps: PipelineDeps, env: Envelope): Promise<AppliedMessage | undefined> {
  const handler = handlers.get(env.format);
  return handler ? handler(env, deps) : undefined;
}
