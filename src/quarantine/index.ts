/**
 * Quarantine an operator can work (issue 12): an item whose cause is fixed (the nomenclature
 * imported, a connector configured) goes through the pipeline again with its original bytes and
 * envelope; one that will never register is dismissed with the reason. Each is written to the
 * control log with who did it; a replay that registers links the item to its document.
 */
import { appendAudit } from '../audit';
import { parseRoutingKey } from '../bus/topology';
import type { AuditActor } from '../domain/audit';
import { HubError } from '../errors';
import { acceptInput, knownFormats, ownMessageApplied, type Envelope, type PipelineDeps } from '../pipeline';
import { quarantine } from '../store';

/**
 * The `format` of an item that is the body of an API request refused as input (issue 14; src/api/
 * rejected-bodies.ts): no decoder's name; its routing key is the operation (`POST /api/v1/…`). It is
 * kept for the record and for whoever fixes the caller, never replayed through the pipeline (it is
 * no document): a replay is refused with QUARANTINE_NOT_REPLAYABLE, and a bulk replay passes it by.
 */
export const API_REQUEST_FORMAT = 'api-request';

const isApiRequestBody = (row: { channel: string; format: string | null }): boolean => row.channel === 'http' && row.format === API_REQUEST_FORMAT;

export type ReplayOutcome =
  | { id: string; outcome: 'registered' | 'already-on-file'; documentId: string }
  | { id: string; outcome: 'applied'; applied: string; changed: boolean; documentId?: string; outgoingId?: string }
  | { id: string; outcome: 'refused-again'; code: string; messageUk: string }
  | { id: string; outcome: 'not-open' };

/** The envelope it came in: the decoder it was given (older items: from the routing key, else the canonical JSON). */
function envelopeOf(row: quarantine.QuarantineRow & { payload: Buffer }): Envelope {
  const known = new Set(knownFormats());
  const fromKey = row.routing_key ? parseRoutingKey(row.routing_key).formats.find((f) => known.has(f)) : undefined;
  return {
    channel: row.channel, payload: row.payload, format: row.format ?? fromKey ?? 'json', contentType: row.content_type ?? undefined,
    routingKey: row.routing_key ?? undefined, messageId: row.message_id ?? undefined, sourceHint: row.source ?? undefined,
    receivedAt: row.received_at, traceId: `replay-${row.id}`,
  };
}

export async function replayQuarantined(deps: PipelineDeps, id: string, by: AuditActor): Promise<ReplayOutcome> {
  const row = await quarantine.getQuarantined(deps.db, id);
  if (!row) throw HubError.of('NOT_FOUND', { quarantineId: id });
  if (row.status !== 'open') return { id, outcome: 'not-open' };
  if (isApiRequestBody(row)) throw HubError.of('QUARANTINE_NOT_REPLAYABLE', { quarantineId: id, operation: row.routing_key });
  const now = deps.clock.now();
  try {
    const result = await acceptInput(deps, envelopeOf(row), { quarantine: false });
    if (result.status === 'rejected') throw result.error;
    // A connector's own message (a СЕВ ОВВ receipt or addition, issue 18) is applied, not registered:
    // the item links the incoming card an addition extended; a receipt's outgoing document is in the outcome and the log.
    const documentId = result.status === 'applied' ? result.applied.documentId ?? null : result.card.id;
    await deps.db.tx(async (q) => {
      await quarantine.markReplayed(q, id, documentId, by.actor, now);
      await appendAudit(q, {
        at: now.toISOString(), ...by, action: 'quarantine.replayed', documentId, before: { quarantineId: id, code: row.code },
        after: result.status === 'applied' ? { outcome: 'applied', ...ownMessageApplied(result.applied) } : { outcome: result.status }, reason: null,
      });
    });
    if (result.status === 'applied') {
      const { applied, changed, documentId: card, outgoingId } = ownMessageApplied(result.applied);
      return { id, outcome: 'applied', applied, changed, ...(card ? { documentId: card } : {}), ...(outgoingId ? { outgoingId } : {}) };
    }
    return { id, outcome: result.status === 'created' ? 'registered' : 'already-on-file', documentId: result.card.id };
  } catch (err) {
    if (!(err instanceof HubError) || err.transient) throw err;
    await quarantine.markReplayFailed(deps.db, id, { code: err.code, reason: err.spec.message, reasonUk: err.spec.messageUk, details: err.details }, now);
    return { id, outcome: 'refused-again', code: err.code, messageUk: err.spec.messageUk };
  }
}

/** Every open item with this code and/or source, in the order they came (API request bodies passed by). */
export async function replayAll(deps: PipelineDeps, filter: { code?: string; source?: string }, by: AuditActor): Promise<ReplayOutcome[]> {
  const out: ReplayOutcome[] = [];
  for (const id of await quarantine.openIds(deps.db, { ...filter, limit: 10_000 })) {
    try {
      out.push(await replayQuarantined(deps, id, by));
    } catch (err) {
      // The body of an API request (API_REQUEST_FORMAT) is not replayed: it stays open for a dismissal.
      if (!(err instanceof HubError && err.code === 'QUARANTINE_NOT_REPLAYABLE')) throw err;
    }
  }
  return out;
}

export async function dismissQuarantined(deps: Pick<PipelineDeps, 'db' | 'clock'>, id: string, reason: string, by: AuditActor): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const done = await quarantine.markDismissed(q, id, reason, by.actor, now);
    if (done) await appendAudit(q, { at: now.toISOString(), ...by, action: 'quarantine.dismissed', documentId: null, before: { quarantineId: id }, after: { status: 'dismissed' }, reason });
    return done;
  });
}
