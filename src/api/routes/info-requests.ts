import express from 'express';
import type { ControlService } from '../../control';
import { JOURNAL_TABLE, journalSummaryUk } from '../../domain/info-requests';
import { asOfUk, periodUk } from '../../exports';
import { HubError } from '../../errors';
import { InfoRequestService } from '../../info-requests';
import type { PipelineDeps } from '../../pipeline';
import { sendExport } from '../export-response';
import { DATE, exportFormat, queryParam as str, UUID } from '../params';
import { personalDataShown } from '../personal-data';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { jsonBody } from '../hostile';

/**
 * Public-information requests (Закон «Про доступ до публічної інформації» № 2939-VI): the journal
 * (JSON, CSV or XLSX), the extension to 20 working days (ст. 20 ч. 4), the answer (ст. 20, 22).
 * Mounted at /api/v1.
 */
export function infoRequestsRouter(deps: Pick<PipelineDeps, 'db' | 'clock' | 'log' | 'onEventsCommitted'> & { control: ControlService }): SecureRouter {
  const service = new InfoRequestService(deps);
  const r = secureRouter();
  const shown = (req: express.Request, ids: string[]) => personalDataShown(deps.db, deps.clock, req, ids.map((id) => ({ kind: 'info-request' as const, id })));

  r.get('/info-requests', 'info-requests:read', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const from = str(q, 'from', DATE);
    const to = str(q, 'to', DATE);
    if (!from || !to || from > to) throw HubError.of('INVALID_QUERY', { parameter: 'from/to', problem: 'both dates are required, from ≤ to' });
    const format = exportFormat(req);
    const journal = await service.journal(from, to, principalOf(req));
    await shown(req, journal.entries.map((e) => e.documentId));
    if (format === 'json') res.json(journal);
    else {
      await sendExport(res, format, JOURNAL_TABLE, journal.entries, {
        caption: [
          periodUk(from, to, 'Період надходження'), asOfUk(journal.today), journal.personalData === 'masked' && 'персональні дані запитувачів приховано',
          journalSummaryUk(journal.summary),
        ],
        fileQualifiers: [from, to],
        createdAt: deps.clock.now(),
      });
    }
  });

  r.post('/documents/:id/info-request/extension', 'info-requests:act', jsonBody({ limit: '1mb' }), async (req, res) => {
    if (!UUID.test(req.params.id)) throw HubError.of('NOT_FOUND');
    const entry = await service.extend(req.params.id, req.body, principalOf(req));
    await shown(req, [entry.documentId]);
    res.json(entry);
  });

  r.post('/documents/:id/info-request/answer', 'info-requests:act', jsonBody({ limit: '1mb' }), async (req, res) => {
    if (!UUID.test(req.params.id)) throw HubError.of('NOT_FOUND');
    const entry = await service.answer(req.params.id, req.body, principalOf(req));
    await shown(req, [entry.documentId]);
    res.json(entry);
  });
  return r;
}
