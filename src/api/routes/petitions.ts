import express, { Router, type Request } from 'express';
import { ROLE_HEADER } from '../../appeals';
import { HubError } from '../../errors';
import type { PetitionService } from '../../petitions';
import type { PetitionState } from '../../schemas';
import { queryParam } from '../params';

const roleOf = (req: Request): string | undefined => req.header(ROLE_HEADER) ?? undefined;

const STATES = /^(collecting|threshold-reached|below-threshold|under-consideration|answered)$/;

/**
 * E-petitions (Law «Про звернення громадян» art. 23-1): the platform's exports in, the list and
 * one petition with its transitions out. Mounted at /api/v1/petitions. The author's personal data
 * is shown only to the roles that may see it (X-Dilovod-Role, src/appeals/privacy.ts).
 */
export function petitionsRouter(deps: { petitions?: PetitionService }): Router {
  const r = Router();
  const service = (): PetitionService => {
    if (!deps.petitions) throw HubError.of('NOT_FOUND');
    return deps.petitions;
  };

  // Raw bytes: a rejected export is kept in quarantine exactly as sent.
  r.post('/', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const payload = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const out = await service().intake(payload, { contentType: req.header('content-type'), traceId: req.id, role: roleOf(req) });
    if (out.status === 'rejected') {
      res.status(out.error.status).json({ ...out.error.toBody(), quarantineId: out.quarantineId });
      return;
    }
    res.vary(ROLE_HEADER).status(out.result.outcome === 'created' ? 201 : 200).json(out.result);
  });

  r.get('/', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const state = queryParam(q, 'state', STATES) as PetitionState | undefined;
    const limit = Number(queryParam(q, 'limit', /^([1-9]\d{0,2}|1000)$/) ?? 200);
    res.vary(ROLE_HEADER).json({ items: await service().list(roleOf(req), { state, limit }) });
  });

  // The platform id is <community>/<id>: one or two path segments (or %2F-encoded).
  r.get('/*platformId', async (req, res) => {
    const parts = (req.params as { platformId: string[] }).platformId;
    res.vary(ROLE_HEADER).json(await service().view(parts.join('/'), roleOf(req)));
  });
  return r;
}
