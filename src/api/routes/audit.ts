import { Router } from 'express';
import { auditCsv, queryAudit, verifyAuditLog } from '../../audit';
import { kyivDayStart } from '../../domain/clock';
import { HubError } from '../../errors';
import type { Db } from '../../store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function param(req: { query: Record<string, unknown> }, name: string, pattern?: RegExp): string | undefined {
  const v = req.query[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || (pattern && !pattern.test(v))) throw HubError.of('INVALID_QUERY', { parameter: name });
  return v;
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The control log for auditors: query with filters (JSON or CSV) and verify the hash chain. */
export function auditRouter(db: Db): Router {
  const r = Router();
  r.get('/log', async (req, res) => {
    const limitRaw = param(req, 'limit', /^\d+$/);
    const limit = Math.min(10_000, Math.max(1, Number(limitRaw ?? 100)));
    const cursor = param(req, 'cursor', /^\d+$/);
    const from = param(req, 'from', DATE);
    const to = param(req, 'to', DATE);
    const entries = await queryAudit(db, {
      documentId: param(req, 'documentId', UUID),
      actor: param(req, 'actor'),
      action: param(req, 'action'),
      from: from ? kyivDayStart(from) : undefined,
      before: to ? kyivDayStart(dayAfter(to)) : undefined,
      afterSeq: cursor ? Number(cursor) : undefined,
      limit: limit + 1,
    });
    const items = entries.slice(0, limit);
    const nextCursor = entries.length > limit ? String(items[items.length - 1]!.seq) : null;
    if (param(req, 'format') === 'csv' || req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      if (nextCursor) res.setHeader('X-Next-Cursor', nextCursor);
      res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="audit-log.csv"');
      res.send(auditCsv(items, true));
      return;
    }
    res.json({ items, nextCursor });
  });
  r.get('/verify', async (_req, res) => {
    res.json(await verifyAuditLog(db));
  });
  return r;
}
