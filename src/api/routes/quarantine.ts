import { appealError, maySeePersonalData, quarantinedHoldsApplicantData } from '../../appeals';
import type { PipelineDeps } from '../../pipeline';
import { dismissQuarantined, replayAll, replayQuarantined } from '../../quarantine';
import { assertValid, type QuarantineDismissRequest } from '../../schemas';
import type { QuarantineStatus } from '../../store/quarantine';
import { auditActor, documentScope, identityError, type Principal } from '../../identity';
import { personalDataShown } from '../personal-data';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { HubError } from '../../errors';
import type { Db } from '../../store';
import { quarantine } from '../../store';
import type { QuarantineRow } from '../../store/quarantine';
import type { QuarantineItem } from '../../schemas';
import { decodeCursor, page } from '../cursor';
import { sendStoredBytes } from '../hostile';
import { exportFormat, queryParam, UUID } from '../params';
import { jsonBody } from '../hostile';
import { kyivDate } from '../../domain/clock';
import { asOfUk, filterUk } from '../../exports';
import { QUARANTINE_STATUS_UK, QUARANTINE_TABLE } from '../../quarantine/export-table';
import { sendExport } from '../export-response';

function toItem(r: QuarantineRow): QuarantineItem {
  return {
    id: r.id,
    code: r.code,
    reason: r.reason,
    reasonUk: r.reason_uk,
    ...(r.details !== null ? { details: r.details } : {}),
    channel: r.channel,
    source: r.source,
    externalId: r.external_id,
    routingKey: r.routing_key,
    messageId: r.message_id,
    receivedAt: r.received_at.toISOString(),
    payloadRef: `/api/v1/quarantine/${r.id}/payload`,
    payloadSha256: r.payload_sha256,
    contentType: r.content_type,
    attempts: r.attempts,
    lastSeenAt: r.last_seen_at.toISOString(),
    format: r.format,
    status: r.status,
    documentId: r.document_id,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedBy: r.resolved_by,
    dismissReason: r.dismiss_reason,
  };
}

/** An integrator sees its own sources' quarantine only (README, Security). */
function sourcesOf(who: Principal): readonly string[] | undefined {
  const scope = documentScope(who);
  return 'sources' in scope ? scope.sources : undefined;
}

function assertSource(who: Principal, row: QuarantineRow): void {
  const only = sourcesOf(who);
  if (only && (!row.source || !only.includes(row.source))) throw identityError('NOT_IN_SCOPE', { quarantineId: row.id });
}

/** Operators list what was rejected and why, and fetch the raw bytes to fix and resend. */
export function quarantineRouter(deps: PipelineDeps): SecureRouter {
  const { db, clock } = deps;
  const r = secureRouter();
  // CSV and XLSX (issue 15) are the same page as the JSON, without the payloads: those are read
  // one at a time, by permission (below), and no file carries them (src/quarantine/export-table.ts).
  r.get('/', 'quarantine:read', async (req, res) => {
    const format = exportFormat(req);
    const limit = Math.min(200, Math.max(1, Number(req.query.limit ?? 50) || 50));
    const cursor = typeof req.query.cursor === 'string' ? decodeCursor(req.query.cursor) : undefined;
    const code = typeof req.query.code === 'string' ? req.query.code : undefined;
    const source = typeof req.query.source === 'string' ? req.query.source : undefined;
    // The list is the work to do: open items, unless ?status= asks for replayed, dismissed or all.
    const status = req.query.status === 'all' ? undefined : queryParam(req.query as Record<string, unknown>, 'status', /^(open|replayed|dismissed)$/) as QuarantineStatus ?? 'open';
    const rows = await quarantine.listQuarantine(db, { limit: limit + 1, after: cursor, code, source, onlySources: sourcesOf(principalOf(req)), ...(status ? { status } : {}) });
    const body = page(rows.map(toItem), limit, (i) => [i.receivedAt, i.id]);
    if (format === 'json') {
      res.json(body);
      return;
    }
    const today = kyivDate(clock.now());
    await sendExport(res, format, QUARANTINE_TABLE, body.items, {
      caption: [asOfUk(today), filterUk('стан', status ? QUARANTINE_STATUS_UK[status] : 'усі'), filterUk('код', code), filterUk('джерело', source)],
      fileQualifiers: [today],
      nextCursor: body.nextCursor,
      createdAt: clock.now(),
    });
  });
  // After a fix: every open item with this code and/or source goes through the pipeline again.
  r.post('/replay', 'quarantine:manage', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const code = queryParam(q, 'code', /^[A-Z0-9_]{1,80}$/);
    const source = queryParam(q, 'source', /^[a-z0-9][a-z0-9._-]{0,63}$/);
    if (!code && !source) throw HubError.of('INVALID_QUERY', { parameter: 'code/source', problem: 'name the code or the source of the items to replay' });
    res.json({ items: await replayAll(deps, { code, source }, auditActor(principalOf(req))) });
  });

  r.post('/:id/replay', 'quarantine:manage', async (req, res) => {
    if (!UUID.test(req.params.id)) throw HubError.of('NOT_FOUND');
    res.json(await replayQuarantined(deps, req.params.id, auditActor(principalOf(req))));
  });

  r.post('/:id/dismiss', 'quarantine:manage', jsonBody({ limit: '64kb' }), async (req, res) => {
    if (!UUID.test(req.params.id)) throw HubError.of('NOT_FOUND');
    const body = assertValid<QuarantineDismissRequest>('quarantine-dismiss.schema.json', req.body ?? null);
    if (!(await dismissQuarantined(deps, req.params.id, body.reason, auditActor(principalOf(req))))) throw HubError.of('NOT_FOUND', { quarantineId: req.params.id, problem: 'no open item with this id' });
    res.json(toItem((await quarantine.getQuarantined(db, req.params.id))!));
  });

  r.get('/:id', 'quarantine:read', async (req, res) => {
    const row = UUID.test(req.params.id) ? await quarantine.getQuarantined(db, req.params.id) : undefined;
    if (!row) throw HubError.of('NOT_FOUND');
    assertSource(principalOf(req), row);
    res.json(toItem(row));
  });
  r.get('/:id/payload', 'quarantine:read', async (req, res) => {
    const row = UUID.test(req.params.id) ? await quarantine.getQuarantined(db, req.params.id) : undefined;
    if (!row) throw HubError.of('NOT_FOUND');
    const who = principalOf(req);
    assertSource(who, row);
    // An applicant's rejected letter goes only to a caller granted personal data: see quarantinedHoldsApplicantData.
    if (quarantinedHoldsApplicantData(row)) {
      if (!maySeePersonalData(who)) throw appealError('PERSONAL_DATA_ROLE_REQUIRED', { quarantineId: row.id });
      await personalDataShown(db, clock, req, [{ kind: 'quarantine', id: row.id }]);
    }
    // The sender's content type (an AMQP property, any bytes) only if well-formed; never sniffed.
    sendStoredBytes(res, row.payload, { mediaType: row.content_type });
  });
  return r;
}
