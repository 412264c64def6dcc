import { HubError } from '../errors';
import type { Envelope } from './envelope';

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
  return decoder(envelope.payload, envelope);
}

/**
 * What the JSON parser said, without the excerpt of the body V8 quotes («Unexpected token 'П',
 * "Прошу відр"... is not valid JSON»): the quarantine item is shown to every role that sees
 * quarantine, and a citizen's letter begins with their name. Position messages quote no data.
 */
export function jsonParserProblem(message: string): string {
  return /is not valid JSON$/.test(message) ? 'Unexpected token: the body is not valid JSON' : message;
}

registerDecoder('json', (payload) => {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch (err) {
    throw HubError.of('INVALID_JSON', { parser: jsonParserProblem((err as Error).message) });
  }
});
