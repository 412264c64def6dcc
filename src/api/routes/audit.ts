import type { KeyObject } from 'node:crypto';
import { queryPersonalDataReads } from '../../identity';
import { secureRouter, type SecureRouter } from '../secure-router';
import { AUDIT_LOG_TABLE, queryAudit, verifyAuditLog } from '../../audit';
import type { AuditCheckpoints } from '../../audit/checkpoints';
import { listCheckpoints } from '../../store/audit-checkpoints';
import { addDays, kyivDayStart } from '../../domain/clock';
import type { Db } from '../../store';
import { filterUk, periodUk } from '../../exports';
import { sendExport } from '../export-response';
import { DATE, exportFormat, queryParam, seqCursor, UUID } from '../params';
import { AUDIT_ACTION_UK } from '../../domain/audit';

/** A registration index: as long as the documents list's `index` may be (schemas/document-query). */
const INDEX = { test: (v: string) => v.trim().length > 0 && v.length <= 60, problem: '1 to 60 characters' };

/**
 * For auditors: the control log with filters — the document (by id, or by the registration index
 * the auditor reads on paper), who, what, when — as JSON, CSV or XLSX; the hash chain's check, and
 * the record of who read citizens' personal data (Law «Про захист персональних даних», art. 14).
 */
export function auditRouter(db: Db, checkpoints?: AuditCheckpoints): SecureRouter {
  const r = secureRouter();
  r.get('/log', 'audit:read', async (req, res) => {
    const limitRaw = queryParam(req.query as Record<string, unknown>, 'limit', /^\d+$/);
    const limit = Math.min(10_000, Math.max(1, Number(limitRaw ?? 100)));
    const cursor = seqCursor(req.query as Record<string, unknown>);
    const from = queryParam(req.query as Record<string, unknown>, 'from', DATE);
    const to = queryParam(req.query as Record<string, unknown>, 'to', DATE);
    const documentId = queryParam(req.query as Record<string, unknown>, 'documentId', UUID);
    const documentIndex = queryParam(req.query as Record<string, unknown>, 'documentIndex', INDEX)?.trim();
    const actor = queryParam(req.query as Record<string, unknown>, 'actor');
    const action = queryParam(req.query as Record<string, unknown>, 'action');
    const format = exportFormat(req);
    const entries = await queryAudit(db, {
      documentId,
      documentIndex,
      actor,
      action,
      from: from ? kyivDayStart(from) : undefined,
      before: to ? kyivDayStart(addDays(to, 1)) : undefined,
      afterSeq: cursor,
      limit: limit + 1,
    });
    const items = entries.slice(0, limit);
    const nextCursor = entries.length > limit ? String(items[items.length - 1]!.seq) : null;
    if (format !== 'json') {
      await sendExport(res, format, AUDIT_LOG_TABLE, items, {
        caption: [
          periodUk(from, to), filterUk('хто', actor), filterUk('дія', action && (AUDIT_ACTION_UK[action] ? `${AUDIT_ACTION_UK[action]} (${action})` : action)),
          filterUk('документ', documentIndex ?? documentId), cursor !== undefined && `після запису № ${cursor}`,
        ],
        fileQualifiers: [from, to],
        nextCursor,
      });
      return;
    }
    res.json({ items, nextCursor });
  });
  // Against every checkpoint the hub keeps (its table and the auditor's file): a rewritten chain,
  // a deleted tail or an emptied log is reported even though each link still holds.
  r.get('/verify', 'audit:read', async (_req, res) => {
    res.json(checkpoints ? await checkpoints.verify() : await verifyAuditLog(db));
  });
  // Signed checkpoints, oldest first, with the public key to check them by (also the events
  // `audit.checkpoint` and the file DATA_DIR/audit-checkpoints.jsonl): for auditors to keep.
  // Several hubs sign with their own keys (issue 14): every key this hub trusts is listed too.
  r.get('/checkpoints', 'audit:read', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const limit = Math.min(10_000, Math.max(1, Number(queryParam(q, 'limit', /^\d{1,5}$/) ?? 1000)));
    const cursor = queryParam(q, 'cursor', /^\d{1,15}$/);
    const rows = await listCheckpoints(db, cursor ? Number(cursor) : 0, limit + 1);
    const items = rows.slice(0, limit);
    const signer = checkpoints?.settings.signer;
    res.json({
      publicKey: signer ? { algorithm: 'Ed25519', keyId: signer.keyId, pem: signer.publicKeyPem } : null,
      trustedKeys: [...(checkpoints?.settings.keys ?? new Map<string, KeyObject>())].map(([keyId, key]) => ({
        algorithm: 'Ed25519', keyId, pem: key.export({ type: 'spki', format: 'pem' }).toString(),
      })),
      items: items.map((row) => row.checkpoint),
      nextCursor: rows.length > limit ? String(items[items.length - 1]!.seq) : null,
    });
  });
  r.get('/personal-data-reads', 'audit:read', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const limit = Math.min(10_000, Math.max(1, Number(queryParam(q, 'limit', /^\d+$/) ?? 100)));
    const cursor = seqCursor(q);
    const from = queryParam(q, 'from', DATE);
    const to = queryParam(q, 'to', DATE);
    const rows = await queryPersonalDataReads(db, {
      principal: queryParam(q, 'principal'),
      recordId: queryParam(q, 'recordId'),
      from: from ? kyivDayStart(from) : undefined,
      before: to ? kyivDayStart(addDays(to, 1)) : undefined,
      afterSeq: cursor,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    res.json({ items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.seq) : null });
  });
  return r;
}
