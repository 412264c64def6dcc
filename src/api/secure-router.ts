/**
 * Every route names what it needs, and nothing else decides: `secureRouter().get(path,
 * 'documents:read', handler)` puts the policy's check in front of the handler and records the
 * route in the table the permission-matrix test walks (test/identity/permission-matrix.test.ts).
 * A route added with a bare express router is not in the table, and that test fails.
 */
import { Router, type Request, type RequestHandler, type RouterOptions } from 'express';
import type { RouteParameters } from 'express-serve-static-core';
import { can, identityError, type Permission, type Principal } from '../identity';
import { notePassedDoor } from './rejected-bodies';

/** 'public': the health checks only; 'authenticated': any signed-in caller, whatever its roles. */
export type Access = Permission | 'public' | 'authenticated';

export interface RouteEntry {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  access: Access;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The authenticated caller (src/api/authenticate.ts); undefined when none came. */
    principal?: Principal;
  }
}

/**
 * The policy at the door: 401 without a caller, 403 naming the missing permission. A caller let
 * through is noted with the operation, so that a body it sends and the route refuses can be kept
 * in quarantine (src/api/rejected-bodies.ts); nobody else's body is ever read.
 */
export function requireAccess(access: Access): RequestHandler {
  return (req, _res, next) => {
    if (access === 'public') return next();
    if (!req.principal) return next(identityError('AUTHENTICATION_REQUIRED'));
    try {
      if (access !== 'authenticated') requirePermission(req.principal, access);
    } catch (err) {
      return next(err);
    }
    notePassedDoor(req, operationOf(req), access);
    next();
  };
}

/** `POST /api/v1/documents/:id/resolutions`: the method and the route's template, no ids, no query string. */
export function operationOf(req: Request): string {
  return `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`;
}

/** For what one route does in several ways (a command): the same policy, asked inside the handler. */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (!can(principal, permission)) throw identityError('PERMISSION_DENIED', { permission, roles: principal.roles });
}

/** The principal of a route that required one (requireAccess ran before the handler). */
export function principalOf(req: { principal?: Principal }): Principal {
  if (!req.principal) throw identityError('AUTHENTICATION_REQUIRED');
  return req.principal;
}

/** A route: its path (typed params, as express infers them), its access, its handlers. */
type AddRoute = <P extends string>(path: P, access: Access, ...handlers: Array<RequestHandler<RouteParameters<P>>>) => SecureRouter;

export interface SecureRouter {
  readonly router: Router;
  readonly routes: RouteEntry[];
  get: AddRoute;
  post: AddRoute;
  put: AddRoute;
  delete: AddRoute;
}

export function secureRouter(options?: RouterOptions): SecureRouter {
  const router = Router(options);
  const routes: RouteEntry[] = [];
  const add = (method: RouteEntry['method']): AddRoute => (path, access, ...handlers) => {
    routes.push({ method, path, access });
    router[method](path, requireAccess(access), ...(handlers as RequestHandler[]));
    return self;
  };
  const self: SecureRouter = { router, routes, get: add('get'), post: add('post'), put: add('put'), delete: add('delete') };
  return self;
}

/** Mounts secured routers under their prefixes and keeps the whole table (app.locals.routes). */
export class RouteTable {
  readonly entries: RouteEntry[] = [];

  mount(app: { use(path: string, router: Router): unknown }, prefix: string, sr: SecureRouter): void {
    app.use(prefix || '/', sr.router);
    for (const r of sr.routes) this.entries.push({ ...r, path: (prefix + r.path).replace(/\/+$/, '') || '/' });
  }
}
