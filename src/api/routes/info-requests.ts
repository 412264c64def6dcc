import express, { Router, type Request } from 'express';
import { ROLE_HEADER } from '../../appeals';
import type { ControlService } from '../../control';
import { journalCsv } from '../../domain/info-requests';
import { HubError } from '../../errors';
import { InfoRequestService } from '../../info-requests';
import type { PipelineDeps } from '../../pipeline';
import { DATE, queryParam as str, UUID, wantsCsv } from '../params';

/** The caller's role (X-Dilovod-Role), as for appeals: see src/appeals/privacy.ts. */
const roleOf = (req: Request): string | undefined => req.header(ROLE_HEADER) ?? undefined;

/**
 * Public-information requests (Закон «Про доступ до публічної інформації» № 2939-VI): the journal
 * (JSON or CSV), the extension to 20 working days (ст. 20 ч. 4), the answer (ст. 20, 22).
 * Mounted at /api/v1.
 */
export function infoRequestsRouter(deps: Pick<PipelineDeps, 'db' | 'clock' | 'log' | 'onEventsCommitted'> & { control: ControlService }): Router {
  const service = new InfoRequestService(deps);
  const r = Router();

  r.get('/info-requests', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const from = str(q, 'from', DATE);
    const to = str(q, 'to', DATE);
    if (!from || !to || from > to) throw HubError.of('INVALID_QUERY', { parameter: 'from/to', problem: 'both dates are required, from ≤ to' });
    const journal = await service.journal(from, to, roleOf(req));
    res.vary(ROLE_HEADER);
    if (wantsCsv(req)) res.type('text/csv; charset=utf-8').send(journalCsv(journal.entries));
    else res.json(journal);
  });

  r.post('/documents/:id/info-request/extension', express.json({ limit: '1mb' }), async (req, res) => {
    if (!UUID.test(req.params.id)) throw HubError.of('NOT_FOUND');
    res.vary(ROLE_HEADER).json(await service.extend(req.params.id, req.body, roleOf(req)));
  });

  r.post('/documents/:id/info-request/answer', express.json({ limit: '1mb' }), async (req, res) => {
    if (!UUID.test(req.params.id)) throw HubError.of('NOT_FOUND');
    res.vary(ROLE_HEADER).json(await service.answer(req.params.id, req.body, roleOf(req)));
  });
  return r;
}
