import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HubError, isTransient } from '../errors';
import { identityError } from '../identity';
import type { Logger } from '../log';

/** Unknown routes answer in the same structured shape; to nobody signed in, 401 like any route (nothing is told). */
export const notFound: RequestHandler = (req, _res, next) => {
  next(req.principal ? HubError.of('NOT_FOUND') : identityError('AUTHENTICATION_REQUIRED'));
};

/**
 * Maps every failure to { code, message, messageUk, details? }: a HubError keeps its status;
 * body-parser problems are the client's (4xx); an outage is 503; only a bug is 500.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let hubError: HubError;
    if (err instanceof HubError) hubError = err;
    else if (err?.type === 'entity.too.large') hubError = HubError.of('PAYLOAD_TOO_LARGE', { limit: err.limit });
    else if (err?.type === 'entity.parse.failed') hubError = HubError.of('INVALID_JSON');
    else if (err?.type === 'charset.unsupported' || err?.type === 'encoding.unsupported') hubError = HubError.of('UNSUPPORTED_FORMAT', { problem: err.type });
    // A path segment whose percent-encoding is not UTF-8 (express's decode_param): the client's, not a bug.
    else if (err instanceof URIError && (err as { status?: number }).status === 400) hubError = HubError.of('INVALID_ENCODING', { problem: 'a path segment is not percent-encoded UTF-8' });
    else if (isTransient(err)) hubError = HubError.of('STORE_UNAVAILABLE');
    else {
      (req as { log?: Logger }).log?.error({ err: err?.message, stack: err?.stack }, 'неочікувана помилка / unhandled error') ??
        log.error({ err: err?.message }, 'неочікувана помилка / unhandled error');
      hubError = HubError.of('INTERNAL_ERROR');
    }
    // RFC 6750 §3: a 401 says how to authenticate.
    if (hubError.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="dilovod"');
    res.status(hubError.status).json(hubError.toBody());
  };
}
