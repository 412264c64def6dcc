import type { RequestHandler } from 'express';
import { resolveCaller, type CallerDeps } from '../identity';

/**
 * Reads the caller's credentials on every request but the health checks (mounted after them)
 * and sets req.principal. Bad credentials are refused here with 401 (errors.ts adds WWW-Authenticate);
 * no credentials leave req.principal undefined, and the route's requireAccess answers 401.
 */
export function authenticate(deps: CallerDeps): RequestHandler {
  return async (req, _res, next) => {
    try {
      req.principal = await resolveCaller(deps, {
        authorization: req.header('authorization'),
        onBehalfOf: req.header('x-on-behalf-of'),
        userToken: req.header('x-user-token'),
        clientAddress: req.ip ?? req.socket.remoteAddress,
      });
      if (req.principal) req.log = req.log.child({ principal: req.principal.id, via: req.principal.via?.tokenId });
      next();
    } catch (err) {
      next(err);
    }
  };
}
