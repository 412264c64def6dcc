import { HubError } from '../errors';
import type { Envelope } from './envelope';
import { assertStorableValue, parseJson } from './strict-json';

/**
 * Turns raw bytes into the canonical submission object (still unvalidated). 'json' is built in;
 * connectors register their own formats (inbound mapping external → canonical).
 */
export type Decoder = (payload: Buffer, envelope: Envelope) => Promise<unknown> | unknown;

/**
 * Who sent an input, read from its bytes as far as they can be read, for a refusal to be told
 * back (issue 18: every sender hears back). `externalId` is the idempotency key the decoder would
 * have made, so the connector's outbound mapping addresses the refusal as it addresses a
 * registration receipt. Undefined: nobody to tell (unreadable, or a receipt itself, which is never
 * answered with one).
 */
export type SenderReader = (payload: Buffer) => InputSender | undefined;

export interface InputSender {
  source: string;
  externalId: string;
  /** What the sender asked of the answers (СЕВ ОВВ: Header@msg_acknow), for the connector's outbound mapping: input.refused data.senderAsks. */
  asks?: Record<string, string | number>;
}

const decoders = new Map<string, Decoder>();
const senders = new Map<string, SenderReader>();

export function registerDecoder(format: string, decoder: Decoder, senderOf?: SenderReader): void {
  decoders.set(format, decoder);
  if (senderOf) senders.set(format, senderOf);
}

/** The sender of a refused input of this format, if its connector can read one (never throws). */
export function senderOf(format: string, payload: Buffer): InputSender | undefined {
  try {
    return senders.get(format)?.(payload);
  } catch {
    return undefined;
  }
}

export function knownFormats(): string[] {
  return [...decoders.keys()].sort();
}

export async function decode(envelope: Envelope): Promise<unknown> {
  const decoder = decoders.get(envelope.format);
  if (!decoder) throw HubError.of('UNSUPPORTED_FORMAT', { format: envelope.format, supported: knownFormats() });
  const value = await decoder(envelope.payload, envelope);
  // Whatever the format, what a decoder made of the bytes must be storable as sent (no NUL, no
  // lone surrogate, bounded depth): a connector's decoder gets the same check as JSON.
  assertStorableValue(value);
  return value;
}

export { jsonParserProblem } from './strict-json';

// UTF-8 only, no NUL, no lone surrogate, nesting bounded: src/pipeline/strict-json.ts.
registerDecoder('json', (payload) => parseJson(payload));
