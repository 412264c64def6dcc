import type { ControlAction, ControlService } from '../../control/service';
import { addDays, kyivDate, type Clock } from '../../domain/clock';
import { CONTROL_LIST_TABLE, CONTROL_STATUS_UK, DISCIPLINE_TABLE, isOverdue } from '../../domain/control';
import { dateUk } from '../../domain/csv';
import { asOfUk, filterUk, periodUk } from '../../exports';
import { HubError } from '../../errors';
import type { Db } from '../../store';
import * as controlStore from '../../store/control';
import { DATE, exportFormat, queryParam as str, UUID } from '../params';
import { sendExport } from '../export-response';
import { assertDocumentInScope } from '../scope';
import { idempotent, ifMatchVersion } from '../idempotency';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { ACTION_PERMISSIONS, executeCommand } from '../../control/commands';
import { assertValid, type ControlCommand } from '../../schemas';
import { documentScope, identityError } from '../../identity';
import { jsonBody } from '../hostile';

/** Each action's path; who may take it is the policy's (ACTION_PERMISSIONS). */
const ACTION_PATHS: Array<{ path: string; action: ControlAction }> = [
  { path: 'extension-requests', action: 'extension-request' },
  { path: 'extension-decision', action: 'extension-decision' },
  { path: 'interim-answers', action: 'interim-answer' },
  { path: 'execution', action: 'execution' },
  { path: 'release', action: 'release' },
];

/** Resolutions and control actions on one document: /api/v1/documents/{id}/… */
export function documentControlRouter(control: ControlService, db: Db): SecureRouter {
  const r = secureRouter({ mergeParams: true });
  const json = jsonBody({ limit: '1mb' });
  r.post('/:id/resolutions', 'control:resolve', json, async (req, res) => {
    if (!UUID.test(req.params.id)) throw HubError.of('NOT_FOUND');
    await idempotent(db, req, res, async () => ({ status: 201, body: await control.addResolution(req.params.id, req.body, principalOf(req)) }));
  });
  r.get('/:id/control', 'control:read', async (req, res) => {
    if (!UUID.test(req.params.id)) throw HubError.of('NOT_FOUND');
    await assertDocumentInScope(db, principalOf(req), req.params.id);
    res.json({ items: await control.cardsOf(req.params.id) });
  });
  for (const { path, action } of ACTION_PATHS) {
    r.post(`/:id/control/:cardId/${path}`, ACTION_PERMISSIONS[action], json, async (req, res) => {
      if (!UUID.test(req.params.id) || !UUID.test(req.params.cardId)) throw HubError.of('NOT_FOUND');
      const expected = ifMatchVersion(req);
      await idempotent(db, req, res, async () => ({ status: 200, body: await control.act(req.params.id, req.params.cardId, action, req.body, principalOf(req), expected) }));
    });
  }
  return r;
}

/**
 * The daily list of unexecuted items and the weekly plan (003 §165): GET /api/v1/control, and
 * executive discipline per executor (003 §117): GET /api/v1/reports/discipline. JSON, CSV or XLSX.
 */
export function controlListsRouter(db: Db, clock: Clock, control: ControlService): SecureRouter {
  const r = secureRouter();
  r.get('/control', 'control:read', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const today = kyivDate(clock.now());
    const limit = Math.min(1000, Math.max(1, Number(str(q, 'limit', /^\d+$/) ?? 100)));
    const cursor = str(q, 'cursor');
    let after: { term: string; id: string } | undefined;
    if (cursor) {
      const [term, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
      if (!term || !DATE.test(term) || !id || !UUID.test(id)) throw HubError.of('INVALID_CURSOR');
      after = { term, id };
    }
    // The first page of terms from a day on (the morning page's «due within 3 working days»): keyset after the day before.
    const dueFrom = str(q, 'dueFrom', DATE);
    if (dueFrom && !after) after = { term: addDays(dueFrom, -1), id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };
    const format = exportFormat(req);
    const status = str(q, 'status', /^(under-control|executed|released)$/);
    // An executor with no wider role sees the list of their own cards only.
    const scope = documentScope(principalOf(req));
    // A system reads documents of its sources, not the council's control lists.
    if ('sources' in scope) throw identityError('NOT_IN_SCOPE');
    const executor = 'executor' in scope ? scope.executor : str(q, 'executor');
    const dueBefore = str(q, 'dueBefore', DATE);
    const overdueOnly = str(q, 'overdue', /^(true|false)$/) === 'true';
    const rows = await controlStore.listCards(db, {
      executor,
      status,
      dueBefore,
      overdueOn: overdueOnly ? today : undefined,
      limit: limit + 1,
      after,
    });
    const items = rows.slice(0, limit).map((c) => ({ ...c, overdue: isOverdue(c, today) }));
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? Buffer.from(`${last.term}|${last.id}`).toString('base64url') : null;
    if (format !== 'json') {
      await sendExport(res, format, CONTROL_LIST_TABLE, items, {
        caption: [
          asOfUk(today), overdueOnly && 'лише прострочені', filterUk('стан', status && CONTROL_STATUS_UK[status as keyof typeof CONTROL_STATUS_UK]),
          filterUk('виконавець', executor), filterUk('строк не раніше', dueFrom && dateUk(dueFrom)), filterUk('строк не пізніше', dueBefore && dateUk(dueBefore)),
        ],
        fileQualifiers: [today],
        nextCursor,
        createdAt: clock.now(),
      });
      return;
    }
    res.json({ today, items, nextCursor });
  });

  /**
   * What an EDMS user did, as a command on the card (issue 11): the same rules and the same log as
   * the routes above, the permission of the action itself, If-Match with the version it was based
   * on (412 and the card as it is when it moved on) and an Idempotency-Key. A refusal by a rule is
   * answered with the rule's code and basis and announced as `control.command-refused`.
   */
  r.post('/control/:cardId/commands', 'control:read', jsonBody({ limit: '1mb' }), async (req, res) => {
    const command = assertValid<ControlCommand>('control-command.schema.json', req.body ?? null);
    if (!UUID.test(req.params.cardId)) throw HubError.of('NOT_FOUND', { cardId: req.params.cardId });
    const expectedVersion = ifMatchVersion(req);
    await idempotent(db, req, res, async () => ({
      status: 200,
      body: await executeCommand(control, db, { cardId: req.params.cardId, command, by: principalOf(req), expectedVersion, announce: 'rules', key: req.header('idempotency-key') }),
    }));
  });

  // One card as it stands, its version as the ETag: the EDMS compares it with what it holds.
  r.get('/control/:cardId', 'control:read', async (req, res) => {
    const card = UUID.test(req.params.cardId) ? await controlStore.getCard(db, req.params.cardId) : undefined;
    if (!card) throw HubError.of('NOT_FOUND', { cardId: req.params.cardId });
    await assertDocumentInScope(db, principalOf(req), card.documentId);
    res.setHeader('ETag', `"${card.version}"`);
    res.json({ ...card, overdue: isOverdue(card, kyivDate(clock.now())) });
  });

  r.get('/reports/discipline', 'reports:read', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const from = str(q, 'from', DATE);
    const to = str(q, 'to', DATE);
    if (!from || !to || from > to) throw HubError.of('INVALID_QUERY', { parameter: 'from/to', problem: 'both dates are required, from ≤ to' });
    const format = exportFormat(req);
    const today = kyivDate(clock.now());
    const rows = (await controlStore.discipline(db, from, to, today)).map((r) => {
      const counted = r.onTime + r.late + r.overdue;
      return { ...r, shareOnTime: counted ? Math.round((r.onTime / counted) * 10000) / 10000 : null };
    });
    if (format !== 'json') {
      await sendExport(res, format, DISCIPLINE_TABLE, rows, { caption: [periodUk(from, to, 'Строки виконання'), asOfUk(today)], fileQualifiers: [from, to], createdAt: clock.now() });
      return;
    }
    res.json({ from, to, today, executors: rows });
  });
  return r;
}
