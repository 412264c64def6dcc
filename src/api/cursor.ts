import { HubError } from '../errors';
import { UUID } from './params';

/** Opaque keyset cursor over (receivedAt, id), newest first. */
export function encodeCursor(receivedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([receivedAt, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const receivedAt = new Date(at);
    // A time PostgreSQL's timestamptz holds (years 1-9999), else its out-of-range error was a 500.
    const year = receivedAt.getUTCFullYear();
    if (typeof at !== 'string' || Number.isNaN(receivedAt.getTime()) || year < 1 || year > 9999 || typeof id !== 'string' || !UUID.test(id)) throw new Error('bad cursor');
    return { receivedAt, id };
  } catch {
    throw HubError.of('INVALID_CURSOR');
  }
}

/** Builds a page: asks for one row more than the limit to know whether there is a next page. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => [string, string]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(...keyOf(last)) : null };
}
