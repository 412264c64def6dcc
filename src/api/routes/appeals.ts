import { type Request } from 'express';
import { AppealService } from '../../appeals';
import { APPEAL_REPORT_TABLE, appealReportRows, OPEN_APPEALS_TABLE, OPEN_PETITIONS_TABLE, openAppealsJson, openPetitionsJson } from '../../domain/appeals';
import { periodUk } from '../../exports';
import { HubError } from '../../errors';
import type { PipelineDeps } from '../../pipeline';
import { sendExport } from '../export-response';
import { DATE, exportFormat, queryParam as str, UUID } from '../params';
import { personalDataShown } from '../personal-data';
import { assertDocumentInScope } from '../scope';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { jsonBody } from '../hostile';

function period(req: Request, required: boolean): { from?: string; to?: string } {
  const q = req.query as Record<string, unknown>;
  const from = str(q, 'from', DATE);
  const to = str(q, 'to', DATE);
  if ((required && (!from || !to)) || (from && to && from > to)) {
    throw HubError.of('INVALID_QUERY', { parameter: 'from/to', problem: required ? 'both dates are required, from ≤ to' : 'from ≤ to' });
  }
  return { from, to };
}

/**
 * Citizens' appeals: the card and intake's decisions, the answer (003 §132), the department's
 * report (seeds 000, 002) and the open data sets (001 §2.2.11). Mounted at /api/v1.
 */
export function appealsRouter(deps: Pick<PipelineDeps, 'db' | 'clock' | 'log' | 'onEventsCommitted'>): SecureRouter {
  const service = new AppealService(deps);
  const r = secureRouter();
  const shown = (req: Request, id: string) => personalDataShown(deps.db, deps.clock, req, [{ kind: 'appeal', id }]);

  r.get('/documents/:id/appeal', 'appeals:read', async (req, res) => {
    if (!UUID.test(req.params.id)) throw HubError.of('NOT_FOUND');
    const who = principalOf(req);
    await assertDocumentInScope(deps.db, who, req.params.id);
    const view = await service.view(req.params.id, who);
    await shown(req, req.params.id);
    res.json(view);
  });

  r.post('/documents/:id/appeal/answer', 'appeals:answer', jsonBody({ limit: '1mb' }), async (req, res) => {
    if (!UUID.test(req.params.id)) throw HubError.of('NOT_FOUND');
    const view = await service.answer(req.params.id, req.body, principalOf(req));
    await shown(req, req.params.id);
    res.json(view);
  });

  r.get('/reports/appeals', 'reports:read', async (req, res) => {
    const { from, to } = period(req, true) as { from: string; to: string };
    const format = exportFormat(req);
    const report = await service.report(from, to);
    if (format === 'json') res.json(report);
    else await sendExport(res, format, APPEAL_REPORT_TABLE, appealReportRows(report), { caption: [periodUk(from, to)], fileQualifiers: [from, to], createdAt: deps.clock.now() });
  });

  // Open data: no names, addresses, contacts or free text, so any signed-in caller may have it
  // (001 §2.2.13); the council publishes it on its open-data portal, not the hub.
  r.get('/open-data/appeals', 'authenticated', async (req, res) => {
    const { from, to } = period(req, false);
    const format = exportFormat(req);
    const rows = await service.openAppeals(from, to);
    if (format === 'json') res.type('application/json; charset=utf-8').send(openAppealsJson(rows));
    else await sendExport(res, format, OPEN_APPEALS_TABLE, rows, { caption: [periodUk(from, to, 'Період надходження')], fileQualifiers: [from, to], dialect: 'open-data', createdAt: deps.clock.now() });
  });

  r.get('/open-data/petitions', 'authenticated', async (req, res) => {
    const { from, to } = period(req, false);
    const format = exportFormat(req);
    const rows = await service.openPetitions(from, to);
    if (format === 'json') res.type('application/json; charset=utf-8').send(openPetitionsJson(rows));
    else await sendExport(res, format, OPEN_PETITIONS_TABLE, rows, { caption: [periodUk(from, to, 'Період реєстрації')], fileQualifiers: [from, to], dialect: 'open-data', createdAt: deps.clock.now() });
  });
  return r;
}
