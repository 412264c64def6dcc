import { secureRouter, type SecureRouter } from '../secure-router';
import { kyivDate } from '../../domain/clock';
import { HubError } from '../../errors';
import type { PipelineDeps } from '../../pipeline';
import { nomenclature } from '../../store';

/** The nomenclature of files of a year, as loaded: what clerks file documents to. */
export function nomenclatureRouter(deps: PipelineDeps): SecureRouter {
  const r = secureRouter();
  r.get('/', 'nomenclature:read', async (req, res) => {
    const raw = typeof req.query.year === 'string' ? req.query.year : kyivDate(deps.clock.now()).slice(0, 4);
    const year = Number(raw);
    if (!Number.isInteger(year) || year < 1991 || year > 2100) throw HubError.of('INVALID_QUERY', { parameter: 'year' });
    res.json({ year, cases: await nomenclature.listNomenclature(deps.db, year) });
  });
  return r;
}
