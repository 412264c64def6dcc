import type { Request, Response } from 'express';
import { parseIfMatch, requestHash, runOnce } from '../control/commands';
import { requestContent } from '../pipeline/attachments';
import type { Db } from '../store';
import { rejectionOf } from './rejected-bodies';
import { principalOf } from './secure-router';

/**
 * The HTTP door of runOnce (src/control/commands.ts): `Idempotency-Key` per caller (the EDMS's
 * token, or the person), the request being the method, path, If-Match and body; a replay is
 * marked `Idempotent-Replay: true`. Without the header the command simply runs.
 */
export async function idempotent(db: Db, req: Request, res: Response, run: () => Promise<{ status: number; body: unknown }>): Promise<void> {
  const key = req.header('idempotency-key');
  if (key === undefined) {
    const out = await run();
    res.status(out.status).json(out.body);
    return;
  }
  const who = principalOf(req);
  const content = requestContent(req.body);
  const parts = [req.method, req.originalUrl.split('?')[0] ?? '', req.header('if-match') ?? '', ...(content.files.length ? [`files ${content.files.join(' ')}`] : [])];
  const hash = requestHash(parts, content.body);
  const out = await runOnce(db, who.via?.tokenId ?? who.id, key, hash, run);
  if (out.replay) res.setHeader('Idempotent-Replay', 'true');
  // A body refused as input, first or repeated, is answered by the error handler, which keeps it in
  // quarantine like any other refused body (issue 14; src/api/rejected-bodies.ts).
  const rejection = rejectionOf(out);
  if (rejection) throw rejection;
  res.status(out.status).json(out.body);
}

/** The card version a command was based on (If-Match), or undefined. */
export const ifMatchVersion = (req: Request): number | undefined => parseIfMatch(req.header('if-match'));
