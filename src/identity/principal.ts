import type { AuditVia } from '../domain/audit';
import { permissionsOf, type Permission, type Role } from './roles';

/** How the caller proved who it is; recorded in the control log with every action. */
export type AuthMethod = 'oidc' | 'api-token' | 'api-token+on-behalf-of' | 'api-token+user-jwt' | 'broker-user' | 'cli' | 'system';

/** The system a person acted through (the EDMS's token), or the system acting itself. */
export interface SystemRef {
  tokenId: string;
  name: string;
}

/**
 * The authenticated caller. A person has a staff id (the directory's, or the identity provider's
 * claim); a system (the EDMS, an oblast system, a gateway) has only its token. When the EDMS acts
 * for a signed-in person, the principal is that person with `via` naming the EDMS.
 */
export interface Principal {
  kind: 'person' | 'system';
  /** Staff id of a person; for a system, `system:<tokenId>`. What the control log names as actor. */
  id: string;
  displayName: string;
  roles: readonly Role[];
  method: AuthMethod;
  /** The system that authenticated the call: the token itself, or the EDMS acting for the person. */
  via?: SystemRef;
  /** Sources the caller may submit for and whose documents and quarantine it reads; undefined = any. */
  sources?: readonly string[];
  /** The caller's address as the socket (or a trusted proxy) saw it. */
  clientAddress?: string;
  /** Set at creation from `roles`: what the caller may do. */
  readonly permissions: ReadonlySet<Permission>;
}

export function makePrincipal(p: Omit<Principal, 'permissions'>): Principal {
  return { ...p, permissions: permissionsOf(p.roles) };
}

export function can(principal: Principal | undefined, permission: Permission): boolean {
  return !!principal && principal.permissions.has(permission);
}

/** May this caller see a citizen's personal data (name, address, contacts)? */
export function maySeePersonalData(principal: Principal | undefined): boolean {
  return can(principal, 'personal-data');
}

/**
 * Which documents a caller may read: everything, a system's own sources, or (an executor with
 * no wider role) only the documents whose control cards name them as an executor.
 */
export type DocumentScope = { all: true } | { sources: readonly string[] } | { executor: string };

export function documentScope(principal: Principal): DocumentScope {
  const wide = principal.roles.some((r) => r !== 'executor' && r !== 'integrator' && r !== 'personal-data' && r !== 'admin');
  if (wide) return { all: true };
  if (principal.roles.includes('integrator')) return { sources: principal.sources ?? [] };
  if (principal.roles.includes('executor')) return { executor: principal.id };
  return { sources: [] };
}

/** Whether a caller restricted to sources may act for this one. */
export function sourceAllowed(principal: Principal, source: string): boolean {
  return principal.sources === undefined || principal.sources.includes(source);
}

/** What the control log records of who acted: the person (or system) and how they got in. */
export function auditActor(principal: Principal, standingInFor?: string): { actor: string; via: AuditVia } {
  return {
    actor: principal.id,
    via: {
      method: principal.method,
      principalKind: principal.kind,
      ...(principal.via ? { system: principal.via } : {}),
      ...(standingInFor ? { standingInFor } : {}),
      ...(principal.clientAddress ? { clientAddress: principal.clientAddress } : {}),
    },
  };
}
