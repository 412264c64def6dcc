import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { canonicalJson } from '../domain/audit';
import { HubError, isTransient } from '../errors';
import type { Db } from '../store';
import { principalOf } from './secure-router';

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Runs a command once per `Idempotency-Key` (issue 11; the IETF draft «The Idempotency-Key HTTP
 * Header Field»): the first answer, success or refusal, is kept and a repeat with the same key and
 * the same request gets it again, marked `Idempotent-Replay: true`; the same key with another
 * request is 422; a repeat while the first is still running is 409. Keys are per caller (the
 * EDMS's token, or the person). A transient failure keeps nothing, so the retry runs for real.
 * Without the header the command simply runs.
 */
export async function idempotent(db: Db, req: Request, res: Response, run: () => Promise<{ status: number; body: unknown }>): Promise<void> {
  const key = req.header('idempotency-key');
  if (key === undefined) {
    const out = await run();
    res.status(out.status).json(out.body);
    return;
  }
  if (!KEY.test(key)) throw HubError.of('INVALID_IDEMPOTENCY_KEY');
  const who = principalOf(req);
  const scope = who.via?.tokenId ?? who.id;
  const requestHash = createHash('sha256').update(`${req.method} ${req.originalUrl.split('?')[0]} ${req.header('if-match') ?? ''} ${canonicalJson(req.body ?? null)}`).digest('hex');
  const claimed = await db.query(
    'INSERT INTO idempotency_keys (scope, key, request_sha256, created_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING RETURNING key',
    [scope, key, requestHash],
  );
  if (!claimed.length) {
    const [first] = await db.query<{ request_sha256: string; status: number | null; response: unknown }>(
      'SELECT request_sha256, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
    if (!first || first.request_sha256 !== requestHash) throw HubError.of('IDEMPOTENCY_KEY_REUSED', { key });
    if (first.status === null) throw HubError.of('IDEMPOTENCY_IN_PROGRESS', { key });
    res.status(first.status).setHeader('Idempotent-Replay', 'true').json(first.response);
    return;
  }
  let out: { status: number; body: unknown };
  try {
    out = await run();
  } catch (err) {
    if (!(err instanceof HubError) || isTransient(err) || err.status >= 500) {
      await db.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]).catch(() => undefined);
      throw err;
    }
    out = { status: err.status, body: err.toBody() };
  }
  await db.query('UPDATE idempotency_keys SET status = $3, response = $4 WHERE scope = $1 AND key = $2', [scope, key, out.status, JSON.stringify(out.body)]);
  res.status(out.status).json(out.body);
}

/** `If-Match: "7"` (or `7`): the card version the command was based on; absent: undefined. */
export function ifMatchVersion(req: Request): number | undefined {
  const raw = req.header('if-match');
  if (raw === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
  if (!m) throw HubError.of('INVALID_IF_MATCH', { ifMatch: raw });
  return Number(m[1]);
}
