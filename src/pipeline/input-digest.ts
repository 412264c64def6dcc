import { createHash } from 'node:crypto';
import { quarantine } from '../store';
import type { Envelope } from './envelope';

/**
 * What an input was, to tell a true repeat from a conflicting one (issue 18, "conflicting repeats,
 * on every channel"): the same idempotency key with other content is refused (409
 * CONFLICTING_REPEAT), never answered with the card on file.
 *
 * - The canonical JSON format: the canonical content, i.e. the parsed body with its object keys
 *   in order (key order and whitespace are how a client serialises, not what it sent).
 * - Every other format (СЕВ ОВВ XML, a connector's): the bytes as they came. Their decoders may put
 *   the arrival time into the submission, so the decoded submission differs between two
 *   deliveries of the same message and is not what is compared.
 */
export async function inputDigest(env: Envelope, parsed: unknown): Promise<string> {
  if (env.format === 'json') return createHash('sha256').update(canonicalJson(parsed)).digest('hex');
  return quarantine.sha256Hex(env.payload);
}

/** JSON text with every object's keys sorted (RFC 8785's ordering is by UTF-16 code units too). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj).sort().filter((k) => obj[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
