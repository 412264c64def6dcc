import { appealError, maySeePersonalData, quarantinedHoldsApplicantData } from '../../appeals';
import type { Clock } from '../../domain/clock';
import { documentScope, identityError, type Principal } from '../../identity';
import { personalDataShown } from '../personal-data';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { HubError } from '../../errors';
import type { Db } from '../../store';
import { quarantine } from '../../store';
import type { QuarantineRow } from '../../store/quarantine';
import type { QuarantineItem } from '../../schemas';
import { decodeCursor, page } from '../cursor';
import { UUID } from '../params';

function toItem(r: QuarantineRow): QuarantineItem & { attempts: number; lastSeenAt: string } {
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
export function quarantineRouter(db: Db, clock: Clock): SecureRouter {
  const r = secureRouter();
  r.get('/', 'quarantine:read', async (req, res) => {
    const limit = Math.min(200, Math.max(1, Number(req.query.limit ?? 50) || 50));
    const cursor = typeof req.query.cursor === 'string' ? decodeCursor(req.query.cursor) : undefined;
    const rows = await quarantine.listQuarantine(db, {
      limit: limit + 1,
      after: cursor,
      code: typeof req.query.code === 'string' ? req.query.code : undefined,
      source: typeof req.query.source === 'string' ? req.query.source : undefined,
      onlySources: sourcesOf(principalOf(req)),
    });
    res.json(page(rows.map(toItem), limit, (i) => [i.receivedAt, i.id]));
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
    res.type(row.content_type || 'application/octet-stream').send(row.payload);
  });
  return r;
}
