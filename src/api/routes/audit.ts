import { queryPersonalDataReads } from '../../identity';
import { secureRouter, type SecureRouter } from '../secure-router';
import { auditCsv, queryAudit, verifyAuditLog } from '../../audit';
import { addDays, kyivDayStart } from '../../domain/clock';
import type { Db } from '../../store';
import { DATE, queryParam, UUID, wantsCsv } from '../params';

/**
 * For auditors: the control log with filters (JSON or CSV), the hash chain's check, and the
 * record of who read citizens' personal data (Law «Про захист персональних даних», art. 14).
 */
export function auditRouter(db: Db): SecureRouter {
  const r = secureRouter();
  r.get('/log', 'audit:read', async (req, res) => {
    const limitRaw = queryParam(req.query as Record<string, unknown>, 'limit', /^\d+$/);
    const limit = Math.min(10_000, Math.max(1, Number(limitRaw ?? 100)));
    const cursor = queryParam(req.query as Record<string, unknown>, 'cursor', /^\d+$/);
    const from = queryParam(req.query as Record<string, unknown>, 'from', DATE);
    const to = queryParam(req.query as Record<string, unknown>, 'to', DATE);
    const entries = await queryAudit(db, {
      documentId: queryParam(req.query as Record<string, unknown>, 'documentId', UUID),
      actor: queryParam(req.query as Record<string, unknown>, 'actor'),
      action: queryParam(req.query as Record<string, unknown>, 'action'),
      from: from ? kyivDayStart(from) : undefined,
      before: to ? kyivDayStart(addDays(to, 1)) : undefined,
      afterSeq: cursor ? Number(cursor) : undefined,
      limit: limit + 1,
    });
    const items = entries.slice(0, limit);
    const nextCursor = entries.length > limit ? String(items[items.length - 1]!.seq) : null;
    if (wantsCsv(req)) {
      if (nextCursor) res.setHeader('X-Next-Cursor', nextCursor);
      res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="audit-log.csv"');
      res.send(auditCsv(items));
      return;
    }
    res.json({ items, nextCursor });
  });
  r.get('/verify', 'audit:read', async (_req, res) => {
    res.json(await verifyAuditLog(db));
  });
  r.get('/personal-data-reads', 'audit:read', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const limit = Math.min(10_000, Math.max(1, Number(queryParam(q, 'limit', /^\d+$/) ?? 100)));
    const cursor = queryParam(q, 'cursor', /^\d+$/);
    const from = queryParam(q, 'from', DATE);
    const to = queryParam(q, 'to', DATE);
    const rows = await queryPersonalDataReads(db, {
      principal: queryParam(q, 'principal'),
      recordId: queryParam(q, 'recordId'),
      from: from ? kyivDayStart(from) : undefined,
      before: to ? kyivDayStart(addDays(to, 1)) : undefined,
      afterSeq: cursor ? Number(cursor) : undefined,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    res.json({ items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.seq) : null });
  });
  return r;
}
