/**
 * Standard Webhooks (https://www.standardwebhooks.com, spec v1): each delivery carries
 * `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`: space-separated
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the base64 part of a `whsec_`
 * secret. During a secret's rotation both the new and the old secret sign, so a receiver that
 * still holds the old one keeps verifying. The tests check every delivery with the
 * specification's reference implementation (npm `standardwebhooks`), not with this code.
 */
import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new secret: 32 random bytes (the specification asks for 24 to 64). */
export function newSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

function sign(secret: string, content: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  return 'v1,' + createHmac('sha256', key).update(content, 'utf8').digest('base64');
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three headers for one delivery of `body`, signed with every secret given (the current one first). */
export function signDelivery(id: string, at: Date, body: string, secrets: readonly string[]): SignedHeaders {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const content = `${id}.${timestamp}.${body}`;
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': secrets.map((s) => sign(s, content)).join(' ') };
}
