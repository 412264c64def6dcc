/**
 * Issue 14, "500s from bad input": «Each must be a 4xx with a stable code, and every rejected HTTP
 * body kept in quarantine as AMQP ones are». POST /api/v1/documents and POST /api/v1/petitions keep
 * theirs through the pipeline (src/pipeline/intake.ts, src/petitions); this module does it for every
 * other route that takes a body (resolutions and control actions, EDMS commands, appeal and
 * information-request answers, direct-line calls, the archive import, the nomenclature, webhook
 * subscriptions): the exact bytes, channel `http`, the operation (method and path template, never
 * the path's ids or the query string, which may name a person) as the routing key, the code and
 * both reasons; the answer carries `quarantineId` as the documents route's does. The same bytes
 * refused again by the same operation land on the same row, attempts + 1 (putInQuarantine's
 * fingerprint: channel, routing key, code, payload hash).
 *
 * What is kept, and what is not:
 * - Only a body the route read (jsonBody / rawBody in src/api/hostile.ts) of a caller who passed
 *   the route's door (requireAccess in src/api/secure-router.ts records it): the body of an
 *   anonymous caller, or of one without the route's permission, is never even read, so nobody
 *   unauthenticated can fill the quarantine (issue 14, "Personal data to anonymous callers").
 *   An empty body is nothing to keep.
 * - Input rejections only (isInputRejection): a body that cannot be read (INVALID_JSON,
 *   INVALID_ENCODING, NUL_CHARACTER, LONE_SURROGATE, JSON_TOO_DEEP, an unsupported charset) or
 *   does not match its schema (VALIDATION_FAILED, APPEAL_ANSWER_INVALID, …): 400 and 415. Not
 *   401/403 (who may do it), 404 (an unknown id), 409/412/422 (a rule or the record's state
 *   refusing a well-formed request: the caller is told why and decides; the request itself is on
 *   file in the control log when it counts), 413 (not read in full, or a batch to split), nor a
 *   400 about the query string or a header (INVALID_QUERY, INVALID_CURSOR, INVALID_IF_MATCH,
 *   INVALID_IDEMPOTENCY_KEY: the body may be fine), nor 5xx (the hub's or the store's failure).
 * - Not for the routes in NOT_KEPT (by the permission they take), whatever they answer.
 *
 * Such an item is the body of an operation on a record, not a document: a replay through the
 * pipeline would be meaningless (src/quarantine refuses it, QUARANTINE_NOT_REPLAYABLE); the caller
 * sends the request again, corrected, and an operator dismisses the item. Its `source` is null, so
 * its payload goes only to a caller granted personal data (quarantinedHoldsApplicantData) and not
 * to an integrator (who sees its own sources' items only); the item itself carries the error's
 * details, which quote no body (strict-json.ts jsonParserProblem). Payloads are never logged.
 */
import type { Request } from 'express';
import { HubError, type ErrorBody } from '../errors';
import type { Permission } from '../identity';
import { quarantineFailure, type PipelineDeps } from '../pipeline';
import { API_REQUEST_FORMAT } from '../quarantine';

/**
 * Routes whose rejected bodies are never kept, by the permission they take:
 * - `tokens:manage`, `staff:manage`: identity administration (API tokens, the staff directory);
 *   credentials and what grants them are never stored beyond what the hub must keep.
 * - `signatures:verify`: a check that keeps nothing of what it checks (a signed letter, the
 *   signer's certificate), so a refused request keeps nothing either.
 * - `quarantine:manage`: the operator's own work on the quarantine (a dismissal's reason); a
 *   refused one is answered to the operator, and an item about it would only add to the list.
 */
export const NOT_KEPT: ReadonlySet<Permission> = new Set<Permission>(['tokens:manage', 'staff:manage', 'signatures:verify', 'quarantine:manage']);

/** 400s about the query string or a header, not the body. */
const NOT_ABOUT_THE_BODY = new Set(['INVALID_QUERY', 'INVALID_CURSOR', 'INVALID_IF_MATCH', 'INVALID_IDEMPOTENCY_KEY']);

/** Whether a refusal is of the body itself: unreadable (400, 415) or not matching its schema (400). */
export function isInputRejection(e: { status: number; code: string }): boolean {
  return (e.status === 400 || e.status === 415) && !NOT_ABOUT_THE_BODY.has(e.code);
}

interface Received {
  /** `POST /api/v1/documents/:id/resolutions`: the method and the route's template. */
  operation: string;
  access: string;
  bytes?: Buffer;
}

const received = new WeakMap<Request, Received>();

/** Called by the route's door once the caller may use it (requireAccess): the operation and its access. */
export function notePassedDoor(req: Request, operation: string, access: string): void {
  received.set(req, { operation, access });
}

/** Called by the body parsers with the bytes as they came, before anything decodes them. */
export function rememberBody(req: Request, bytes: Buffer): void {
  const entry = received.get(req);
  if (entry) entry.bytes = bytes;
}

/**
 * An input rejection that the idempotency store answered (runOnce keeps the first answer, refusal
 * or not, and gives it again to a repeat), as the HubError it was, so that it goes to the error
 * handler like any other and its body is kept (the repeat lands on the same row); else undefined.
 */
export function rejectionOf(out: { status: number; body: unknown }): HubError | undefined {
  const body = out.body as Partial<ErrorBody> | null;
  if (out.status < 400 || !body || typeof body.code !== 'string' || !isInputRejection({ status: out.status, code: body.code })) return undefined;
  return new HubError(body.code, { status: out.status, message: body.message ?? '', messageUk: body.messageUk ?? '' }, body.details);
}

export type RejectedBodyKeeper = (req: Request, error: HubError) => Promise<string | undefined>;

/** Keeps the body of this rejected request in quarantine if it is one to keep (see above); its id, else undefined. */
export function rejectedBodyKeeper(deps: PipelineDeps): RejectedBodyKeeper {
  return async (req, error) => {
    const entry = received.get(req);
    if (!entry?.bytes?.length || !req.principal || NOT_KEPT.has(entry.access as Permission) || !isInputRejection(error)) return undefined;
    const kept = await quarantineFailure(deps, {
      channel: 'http',
      payload: entry.bytes,
      format: API_REQUEST_FORMAT,
      contentType: req.header('content-type'),
      routingKey: entry.operation,
      receivedAt: deps.clock.now(),
      traceId: req.id,
    }, error);
    return kept.status === 'rejected' ? kept.quarantineId : undefined;
  };
}
