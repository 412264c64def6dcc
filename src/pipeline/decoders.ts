import { HubError } from '../errors';
import type { Envelope } from './envelope';
import { assertStorableValue, parseJson } from './strict-json';

/**
 * Turns raw bytes into the canonical submission object (still unvalidated). 'json' is built in;
 * connectors register their own formats (inbound mapping external → canonical).
 */
export type Decoder = (payload: Buffer, envelope: Envelope) => Promise<unknown> | unknown;

const decoders = new Map<string, Decoder>();

export function registerDecoder(format: string, decoder: Decoder): void {
  decoders.set(format, decoder);
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
