import type { OwnMessageApplied } from '../schemas';
import type { PipelineDeps } from './context';
import type { Envelope } from './envelope';

/**
 * What a connector's decoder makes of a message that is not a document to register but an answer
 * to what the hub sent, or a change to what it has (a СЕВ ОВВ receipt, msg_type 0; an addition,
 * msg_type 2 and 4: issue 18). `own` names what it is; `source` and `externalId` are what a
 * submission's are (who may submit it, and the sender's key, kept if it is quarantined). Only a
 * format whose connector registered a handler can make one: a JSON body with an `own` field is
 * just an invalid submission.
 */
export interface OwnMessage {
  own: string;
  source: string;
  externalId: string;
}

/** What a connector's own message did when applied (e.g. a receipt moved a sent message's state). */
export interface AppliedMessage {
  what: string;
  /** The record it changed (an outgoing message's msg_id, a card's id). */
  id: string;
  /** Whether it changed anything (false: a repeat of one applied already). */
  changed: boolean;
  /** The incoming document's card it changed (an addition). */
  documentId?: string;
  /** The outgoing document whose message it moved (a receipt). */
  outgoingId?: string;
}

/**
 * Applies a connector's own message to what is on file. A HubError it throws is permanent (the
 * pipeline quarantines the message, never applied); anything else is retried like the pipeline's.
 */
export type MessageHandler = (message: OwnMessage, env: Envelope, deps: PipelineDeps) => Promise<AppliedMessage>;

const handlers = new Map<string, MessageHandler>();

export function registerMessageHandler(format: string, handler: MessageHandler): void {
  handlers.set(format, handler);
}

/** The decoded value as the format's own message, if its connector has a handler and the decoder made one. */
export function ownMessageOf(format: string, value: unknown): OwnMessage | undefined {
  if (!handlers.has(format) || !value || typeof value !== 'object') return undefined;
  const v = value as Partial<OwnMessage>;
  return typeof v.own === 'string' && typeof v.source === 'string' && typeof v.externalId === 'string' ? (v as OwnMessage) : undefined;
}

/** Hands the decoded own message to its format's handler (ownMessageOf said there is one). */
export function applyOwnMessage(deps: PipelineDeps, env: Envelope, message: OwnMessage): Promise<AppliedMessage> {
  const handler = handlers.get(env.format);
  if (!handler) throw new Error(`no handler for the own messages of format ${env.format}`);
  return handler(message, env, deps);
}

/** How a door answers it (schemas/own-message-applied.schema.json): HTTP 200, a replay's outcome. */
export function ownMessageApplied(a: AppliedMessage): OwnMessageApplied {
  return {
    applied: a.what as OwnMessageApplied['applied'], id: a.id, changed: a.changed,
    ...(a.documentId ? { documentId: a.documentId } : {}), ...(a.outgoingId ? { outgoingId: a.outgoingId } : {}),
  };
}
