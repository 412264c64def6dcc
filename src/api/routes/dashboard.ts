import { configuredCalendar } from '../../control/terms';
import { DISCIPLINE_OUTCOMES, disciplineCards, todayFigures, type DisciplineOutcome } from '../../dashboard';
import { LAW_IN_FORCE } from '../../domain/calendar';
import { kyivDate, type Clock } from '../../domain/clock';
import { isOverdue } from '../../domain/control';
import { HubError } from '../../errors';
import { can, documentScope, identityError } from '../../identity';
import type { Config } from '../../config';
import type { Db } from '../../store';
import { DATE, queryParam } from '../params';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';

/**
 * What the department's pages (web/, issue 15) need beyond the lists: the morning page's figures
 * (GET /api/v1/dashboard/today) and the cards behind one figure of executive discipline
 * (GET /api/v1/reports/discipline/cards). Mounted at /api/v1.
 */
export function dashboardRouter(db: Db, clock: Clock, config?: Config): SecureRouter {
  const r = secureRouter();
  const calendar = config ? configuredCalendar(config) : LAW_IN_FORCE;

  r.get('/dashboard/today', 'control:read', async (req, res) => {
    const who = principalOf(req);
    const scope = documentScope(who);
    // A system reads documents of its sources, not the council's control lists.
    if ('sources' in scope) throw identityError('NOT_IN_SCOPE');
    res.json(await todayFigures(db, {
      today: kyivDate(clock.now()),
      calendar,
      // An executor with no wider role counts their own cards only, and sees no journals.
      executor: 'executor' in scope ? scope.executor : undefined,
      documents: 'all' in scope,
      quarantine: can(who, 'quarantine:read'),
    }));
  });

  r.get('/reports/discipline/cards', 'reports:read', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const executor = queryParam(q, 'executor');
    // The report's row of cards with no executor yet (the sender's control before a resolution).
    const unassigned = queryParam(q, 'unassigned', /^(true|false)$/) === 'true';
    const from = queryParam(q, 'from', DATE);
    const to = queryParam(q, 'to', DATE);
    const outcome = queryParam(q, 'outcome', { test: (v) => (DISCIPLINE_OUTCOMES as readonly string[]).includes(v) }) as DisciplineOutcome | undefined;
    if (!executor === !unassigned || !from || !to || !outcome || from > to) {
      throw HubError.of('INVALID_QUERY', { parameter: 'executor/unassigned/from/to/outcome', problem: 'executor or unassigned=true (one of them), from, to and outcome are required, from ≤ to' });
    }
    const limit = Math.min(1000, Math.max(1, Number(queryParam(q, 'limit', /^\d{1,4}$/) ?? 500)));
    const today = kyivDate(clock.now());
    const items = await disciplineCards(db, { executor: executor ?? null, from, to, today, outcome, limit });
    res.json({ today, items: items.map((c) => ({ ...c, overdue: isOverdue(c, today) })) });
  });
  return r;
}
