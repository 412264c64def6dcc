import { appendAudit } from '../../audit';
import { auditActor } from '../../identity';
import { parseNomenclature } from '../../nomenclature';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { kyivDate } from '../../domain/clock';
import { HubError } from '../../errors';
import type { PipelineDeps } from '../../pipeline';
import { nomenclature } from '../../store';
import { jsonBody } from '../hostile';

/** The nomenclature of files of a year, as loaded: what clerks file documents to. */
export function nomenclatureRouter(deps: PipelineDeps): SecureRouter {
  const r = secureRouter();
  r.get('/', 'nomenclature:read', async (req, res) => {
    const raw = typeof req.query.year === 'string' ? req.query.year : kyivDate(deps.clock.now()).slice(0, 4);
    const year = Number(raw);
    if (!Number.isInteger(year) || year < 1991 || year > 2100) throw HubError.of('INVALID_QUERY', { parameter: 'year' });
    res.json({ year, cases: await nomenclature.listNomenclature(deps.db, year) });
  });

  // The administrator loads a year's nomenclature through the running hub (the CLI does the same on the server).
  r.put('/:year', 'nomenclature:manage', jsonBody({ limit: '5mb' }), async (req, res) => {
    const year = Number(req.params.year);
    if (!/^\d{4}$/.test(req.params.year) || year < 1991 || year > 2100) throw HubError.of('INVALID_QUERY', { parameter: 'year' });
    const nom = parseNomenclature(req.body ?? null, 'the body');
    if (nom.year !== undefined && nom.year !== year) throw HubError.of('VALIDATION_FAILED', { problem: `the body is the nomenclature for ${nom.year}, not ${year}`, problemUk: `у тілі запиту номенклатура на ${nom.year} рік, а не на ${year}` });
    const now = deps.clock.now();
    const done = await deps.db.tx(async (q) => {
      const result = await nomenclature.importNomenclature(q, year, nom.cases);
      await appendAudit(q, { at: now.toISOString(), ...auditActor(principalOf(req)), action: 'nomenclature.imported', documentId: null, before: null, after: { year, cases: nom.cases.map((c) => c.index) }, reason: null });
      return result;
    });
    res.json({ year, ...done });
  });
  return r;
}
