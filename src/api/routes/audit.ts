import { queryPersonalDataReads } from '../../identity';
import { secureRouter, type SecureRouter } from '../secure-router';
import { AUDIT_LOG_TABLE, queryAudit, verifyAuditLog } from '../../audit';
import { addDays, kyivDayStart } from '../../domain/clock';
import type { Db } from '../../store';
import { filterUk, periodUk } from '../../exports';
import { sendExport } from '../export-response';
import { DATE, exportFormat, queryParam, UUID } from '../params';

/**
 * For auditors: the control log with filters (JSON, CSV or XLSX), the hash chain's check, and the
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
    const documentId = queryParam(req.query as Record<string, unknown>, 'documentId', UUID);
    const actor = queryParam(req.query as Record<string, unknown>, 'actor');
    const action = queryParam(req.query as Record<string, unknown>, 'action');
    const format = exportFormat(req);
    const entries = await queryAudit(db, {
      documentId,
      actor,
      action,
      from: from ? kyivDayStart(from) : undefined,
      before: to ? kyivDayStart(addDays(to, 1)) : undefined,
      afterSeq: cursor ? Number(cursor) : undefined,
      limit: limit + 1,
    });
    const items = entries.slice(0, limit);
    const nextCursor = entries.length > limit ? String(items[items.length - 1]!.seq) : null;
    if (format !== 'json') {
      await sendExport(res, format, AUDIT_LOG_TABLE, items, {
        caption: [periodUk(from, to), filterUk('хто', actor), filterUk('дія', action), filterUk('документ', documentId), cursor && `після запису № ${cursor}`],
        fileQualifiers: [from, to],
        nextCursor,
      });
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
