import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HubError, isTransient } from '../errors';
import { identityError } from '../identity';
import type { Logger } from '../log';
import type { RejectedBodyKeeper } from './rejected-bodies';

/** Unknown routes answer in the same structured shape; to nobody signed in, 401 like any route (nothing is told). */
export const notFound: RequestHandler = (req, _res, next) => {
  next(req.principal ? HubError.of('NOT_FOUND') : identityError('AUTHENTICATION_REQUIRED'));
};

/** Any failure as the HubError it is answered with (logging a bug, which is the only 500). */
function toHubError(err: any, req: { log?: Logger }, log: Logger): HubError {
  if (err instanceof HubError) return err;
  if (err?.type === 'entity.too.large') return HubError.of('PAYLOAD_TOO_LARGE', { limit: err.limit });
  if (err?.type === 'entity.parse.failed') return HubError.of('INVALID_JSON');
  // raw-body's words for a body cut short (src/api/input-body.ts says the same for a large one).
  if (err?.type === 'request.aborted' || err?.type === 'request.size.invalid') return HubError.of('BODY_INCOMPLETE', { problem: err.type });
  if (err?.type === 'charset.unsupported' || err?.type === 'encoding.unsupported') return HubError.of('UNSUPPORTED_FORMAT', { problem: err.type });
  // A path segment whose percent-encoding is not UTF-8 (express's decode_param): the client's, not a bug.
  if (err instanceof URIError && (err as { status?: number }).status === 400) return HubError.of('INVALID_ENCODING', { problem: 'a path segment is not percent-encoded UTF-8' });
  if (isTransient(err)) return HubError.of('STORE_UNAVAILABLE');
  req.log?.error({ err: err?.message, stack: err?.stack }, 'неочікувана помилка / unhandled error') ??
    log.error({ err: err?.message }, 'неочікувана помилка / unhandled error');
  return HubError.of('INTERNAL_ERROR');
}

/**
 * Maps every failure to { code, message, messageUk, details?, quarantineId? }: a HubError keeps its
 * status; body-parser problems are the client's (4xx); an outage is 503; only a bug is 500. A body
 * refused as input is kept in quarantine first (`keep`, src/api/rejected-bodies.ts) and the answer
 * names the item; if it cannot be kept (the database is away), the answer is that failure (503
 * STORE_UNAVAILABLE: the client sends it again), never a refusal whose bytes were lost (issue 14).
 */
export function errorHandler(log: Logger, keep?: RejectedBodyKeeper): ErrorRequestHandler {
  return async (err, req, res, _next) => {
    let hubError = toHubError(err, req, log);
    let quarantineId: string | undefined;
    try {
      quarantineId = await keep?.(req, hubError);
    } catch (keepErr) {
      hubError = toHubError(keepErr, req, log);
    }
    // RFC 6750 §3: a 401 says how to authenticate.
    if (hubError.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="dilovod"');
    res.status(hubError.status).json(quarantineId ? { ...hubError.toBody(), quarantineId } : hubError.toBody());
  };
}
