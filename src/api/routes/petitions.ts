import express from 'express';
import { identityError, sourceAllowed } from '../../identity';
import { PETITION_SOURCE } from '../../../connectors/e-petitions';
import type { Db } from '../../store';
import type { Clock } from '../../domain/clock';
import { personalDataShown } from '../personal-data';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { HubError } from '../../errors';
import type { PetitionService } from '../../petitions';
import type { PetitionState } from '../../schemas';
import { exportFormat, queryParam } from '../params';
import { sendExport } from '../export-response';
import { kyivDate } from '../../domain/clock';
import { PETITION_STATE_UK, PETITIONS_TABLE, PETITIONS_UK } from '../../domain/petitions';
import { plural } from '../../domain/plural-uk';
import { asOfUk, filterUk } from '../../exports';

const STATES = /^(collecting|threshold-reached|below-threshold|under-consideration|answered)$/;

/**
 * E-petitions (Law «Про звернення громадян» art. 23-1): the platform's exports in, the list and
 * one petition with its transitions out. Mounted at /api/v1/petitions. The author's personal data
 * is shown only to the roles that may see it (X-Dilovod-Role, src/appeals/privacy.ts).
 */
export function petitionsRouter(deps: { petitions?: PetitionService; db: Db; clock: Clock }): SecureRouter {
  const r = secureRouter();
  const shown = (req: express.Request, ids: Array<string | null>) =>
    personalDataShown(deps.db, deps.clock, req, ids.map((id) => ({ kind: 'petition' as const, id: id ?? '' })));
  const service = (): PetitionService => {
    if (!deps.petitions) throw HubError.of('NOT_FOUND');
    return deps.petitions;
  };

  // Raw bytes: a rejected export is kept in quarantine exactly as sent.
  r.post('/', 'petitions:submit', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const who = principalOf(req);
    if (!sourceAllowed(who, PETITION_SOURCE)) throw identityError('SOURCE_NOT_ALLOWED', { source: PETITION_SOURCE, allowedSources: who.sources });
    const payload = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const out = await service().intake(payload, { contentType: req.header('content-type'), traceId: req.id, viewer: who });
    if (out.status === 'rejected') {
      res.status(out.error.status).json({ ...out.error.toBody(), quarantineId: out.quarantineId });
      return;
    }
    await shown(req, [out.result.petition.platformId]);
    res.status(out.result.outcome === 'created' ? 201 : 200).json(out.result);
  });

  // CSV and XLSX (issue 15): the same petitions as the JSON, the author masked the same way and
  // the read recorded the same way (src/domain/petitions/export-table.ts).
  r.get('/', 'petitions:read', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const format = exportFormat(req);
    const state = queryParam(q, 'state', STATES) as PetitionState | undefined;
    const limit = Number(queryParam(q, 'limit', /^([1-9]\d{0,2}|1000)$/) ?? 200);
    const items = await service().list(principalOf(req), { state, limit });
    await shown(req, items.map((p) => p.platformId));
    if (format === 'json') {
      res.json({ items });
      return;
    }
    const today = kyivDate(deps.clock.now());
    await sendExport(res, format, PETITIONS_TABLE, items, {
      caption: [
        asOfUk(today), filterUk('стан', state && PETITION_STATE_UK[state]),
        items.length === limit && `перелік обмежено: ${plural(limit, PETITIONS_UK)} (limit)`,
        items.some((p) => p.personalData === 'masked') && 'персональні дані авторів приховано',
      ],
      fileQualifiers: [today],
      createdAt: deps.clock.now(),
    });
  });

  // The platform id is <community>/<id>: one or two path segments (or %2F-encoded).
  r.get('/*platformId', 'petitions:read', async (req, res) => {
    const parts = (req.params as { platformId: string[] }).platformId;
    const view = await service().view(parts.join('/'), principalOf(req));
    await shown(req, [view.platformId]);
    res.json(view);
  });
  return r;
}
