import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 §5.5, version 5, SHA-1) in the given namespace: the same name always
 * yields the same id. Connectors derive outbound message ids from the event id with it, so a
 * redelivered event maps to the same message and the receiver can drop the repeat.
 */
export function uuidV5(name: string, namespace: string): string {
  const h = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
