import { type Request } from 'express';
import { directLineCalls, recordDirectLineCall } from '../../appeals/direct-line';
import type { Clock } from '../../domain/clock';
import { HubError } from '../../errors';
import type { Db } from '../../store';
import { idempotent } from '../idempotency';
import { DATE, queryParam as str } from '../params';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { jsonBody } from '../hostile';

function period(req: Request): { from?: string; to?: string } {
  const q = req.query as Record<string, unknown>;
  const from = str(q, 'from', DATE);
  const to = str(q, 'to', DATE);
  if (from && to && from > to) throw HubError.of('INVALID_QUERY', { parameter: 'from/to', problem: 'from ≤ to' });
  return { from, to };
}

/**
 * The «Пряма лінія» (003 §87-91): a call answered orally, with no registration card, is recorded
 * here and counted in the appeals report's directLine (seed 000 line 25). Answering orally is
 * answering an appeal, so it takes `appeals:answer`; the list takes `appeals:read`. Mounted at
 * /api/v1/direct-line. No personal data goes in or comes out.
 */
export function directLineRouter(deps: { db: Db; clock: Clock }): SecureRouter {
  const r = secureRouter();

  r.post('/calls', 'appeals:answer', jsonBody({ limit: '64kb' }), async (req, res) => {
    await idempotent(deps.db, req, res, async () => ({ status: 201, body: await recordDirectLineCall(deps.db, deps.clock, req.body, principalOf(req)) }));
  });

  r.get('/calls', 'appeals:read', async (req, res) => {
    res.json({ items: await directLineCalls(deps.db, period(req)) });
  });
  return r;
}
