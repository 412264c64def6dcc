/**
 * Who is calling: from the credentials of one request, the principal the rest of the hub works
 * with. Three ways in (README, Security): a person's JWT from the council's identity provider; an
 * API token (a system, or a person where there is no provider); an EDMS's token acting for a
 * signed-in person, proved by the person's own JWT or asserted for a listed set of people.
 */
import type { Queryable } from '../store';
import { identityError } from './errors';
import type { OidcVerifier } from './oidc';
import { looksLikeJwt } from './oidc';
import { makePrincipal, type Principal } from './principal';
import { isRole } from './roles';
import { getPerson } from './staff';
import { authenticateToken, looksLikeApiToken, type TokenInfo } from './tokens';

export interface CallerDeps {
  db: Queryable;
  oidc?: OidcVerifier;
  now(): Date;
}

export interface Credentials {
  /** The Authorization header as sent. */
  authorization?: string;
  /** X-On-Behalf-Of: the staff id an integrator acts for. */
  onBehalfOf?: string;
  /** X-User-Token: the signed-in person's own JWT, forwarded by the integrator. */
  userToken?: string;
  clientAddress?: string;
}

function bearer(authorization: string): string {
  const m = /^Bearer[ ]+([\x21-\x7e]+)\s*$/i.exec(authorization);
  if (!m) throw identityError('TOKEN_MALFORMED', { expected: 'Authorization: Bearer <token>' });
  return m[1] as string;
}

const systemRef = (t: TokenInfo) => ({ tokenId: t.id, name: t.name });

async function personFromToken(deps: CallerDeps, t: TokenInfo, staffId: string, clientAddress?: string): Promise<Principal> {
  const person = await getPerson(deps.db, staffId);
  return makePrincipal({
    kind: 'person', id: staffId, displayName: person?.fullName ?? staffId, roles: t.roles, method: 'api-token',
    via: systemRef(t), ...(t.sources ? { sources: t.sources } : {}), clientAddress,
  });
}

/** The EDMS acts for a person it names: allowed only for the people its token lists (or '*': anyone in the directory). */
async function onBehalfOf(deps: CallerDeps, t: TokenInfo, staffId: string, clientAddress?: string): Promise<Principal> {
  const listed = t.roles.includes('integrator') && (t.actFor?.includes(staffId) || t.actFor?.includes('*'));
  if (!listed) throw identityError('ON_BEHALF_OF_NOT_ALLOWED', { tokenId: t.id, onBehalfOf: staffId });
  const person = await getPerson(deps.db, staffId);
  if (!person || person.active === false) throw identityError('ON_BEHALF_OF_NOT_ALLOWED', { tokenId: t.id, onBehalfOf: staffId, problem: 'not in the staff directory' });
  return makePrincipal({
    kind: 'person', id: staffId, displayName: person.fullName, roles: (person.roles ?? []).filter(isRole), method: 'api-token+on-behalf-of',
    via: systemRef(t), ...(t.sources ? { sources: t.sources } : {}), clientAddress,
  });
}

/** The EDMS forwards the person's own JWT: the person is proved by the identity provider, the EDMS by its token. */
async function withUserJwt(deps: CallerDeps, t: TokenInfo, jwt: string, clientAddress?: string): Promise<Principal> {
  if (!t.roles.includes('integrator')) throw identityError('ON_BEHALF_OF_NOT_ALLOWED', { tokenId: t.id, problem: 'only an integrator forwards a user token' });
  if (!deps.oidc) throw identityError('OIDC_NOT_CONFIGURED');
  const who = await deps.oidc.verify(jwt);
  return makePrincipal({
    kind: 'person', id: who.staffId, displayName: who.displayName, roles: who.roles, method: 'api-token+user-jwt',
    via: systemRef(t), ...(t.sources ? { sources: t.sources } : {}), clientAddress,
  });
}

/** The principal, or undefined when no credentials came; a 401/403 HubError when they do not hold. */
export async function resolveCaller(deps: CallerDeps, c: Credentials): Promise<Principal | undefined> {
  if (c.authorization === undefined || c.authorization === '') {
    if (c.onBehalfOf || c.userToken) throw identityError('AUTHENTICATION_REQUIRED');
    return undefined;
  }
  const token = bearer(c.authorization);
  if (looksLikeApiToken(token)) {
    const t = await authenticateToken(deps.db, token, deps.now());
    if (c.userToken) return withUserJwt(deps, t, c.userToken, c.clientAddress);
    if (c.onBehalfOf) return onBehalfOf(deps, t, c.onBehalfOf, c.clientAddress);
    if (t.staffId) return personFromToken(deps, t, t.staffId, c.clientAddress);
    return makePrincipal({
      kind: 'system', id: `system:${t.id}`, displayName: t.name, roles: t.roles, method: 'api-token', via: systemRef(t),
      ...(t.sources ? { sources: t.sources } : {}), clientAddress: c.clientAddress,
    });
  }
  if (c.onBehalfOf || c.userToken) throw identityError('ON_BEHALF_OF_NOT_ALLOWED', { problem: 'only an integrator’s API token acts for people' });
  if (!looksLikeJwt(token)) throw identityError('TOKEN_MALFORMED');
  if (!deps.oidc) throw identityError('OIDC_NOT_CONFIGURED');
  const who = await deps.oidc.verify(token);
  return makePrincipal({ kind: 'person', id: who.staffId, displayName: who.displayName, roles: who.roles, method: 'oidc', clientAddress: c.clientAddress });
}
