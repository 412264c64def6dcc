import { Queryable } from './db';

/** What a kept key says: nothing yet (claimed now), still in flight, or the first answer. */
export type KeyState =
  | { state: 'claimed' }
  | { state: 'in-flight' }
  | { state: 'answered'; status: number; response: unknown }
  | { state: 'reused' };

/** Claims `key` for this request, or tells what the first request with it got (migration 011). */
export async function claimKey(q: Queryable, scope: string, key: string, requestSha256: string): Promise<KeyState> {
  const claimed = await q.query(
    'INSERT INTO idempotency_keys (scope, key, request_sha256, created_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING RETURNING key',
    [scope, key, requestSha256],
  );
  if (claimed.length) return { state: 'claimed' };
  const [first] = await q.query<{ request_sha256: string; status: number | null; response: unknown }>(
    'SELECT request_sha256, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
  if (!first || first.request_sha256 !== requestSha256) return { state: 'reused' };
  return first.status === null ? { state: 'in-flight' } : { state: 'answered', status: first.status, response: first.response };
}

export async function answerKey(q: Queryable, scope: string, key: string, status: number, response: unknown): Promise<void> {
  await q.query('UPDATE idempotency_keys SET status = $3, response = $4 WHERE scope = $1 AND key = $2', [scope, key, status, JSON.stringify(response)]);
}

/** Forgets a claim whose request failed for a transient reason, so its retry runs for real. */
export async function releaseKey(q: Queryable, scope: string, key: string): Promise<void> {
  await q.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL', [scope, key]);
}
