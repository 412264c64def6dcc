/**
 * Who may do what: the one place that says it. Routes name the permission they need
 * (src/api/secure-router.ts); services ask `can` for what is finer than a route (personal data,
 * a document's scope). Each role is a job in the council (003 §12-18: the general department,
 * executors, controllers; the appeals unit, 003 §98-156; auditors; the administrator).
 */
import type { Role } from '../schemas';

export type { Role };

/** schemas/role.schema.json names the same roles (a test holds them equal). */
export const ROLES: readonly Role[] = [
  'registrar',
  'executor',
  'controller',
  'appeals-officer',
  'auditor',
  'integrator',
  'admin',
  'personal-data',
  'monitoring',
];

export const PERMISSIONS = [
  'documents:submit',
  'documents:read',
  'quarantine:read',
  'quarantine:manage',
  'control:read',
  'control:resolve',
  'control:execute',
  'control:decide',
  'reports:read',
  'appeals:read',
  'appeals:answer',
  'info-requests:read',
  'info-requests:act',
  'petitions:read',
  'petitions:submit',
  'signatures:verify',
  'nomenclature:read',
  'nomenclature:manage',
  'config:read',
  'audit:read',
  'personal-data',
  'staff:read',
  'staff:manage',
  'tokens:manage',
  'subscriptions:manage',
  'metrics:read',
  'archive:import',
  'outgoing:read',
  'outgoing:submit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_COMMON: Permission[] = ['documents:read', 'control:read', 'nomenclature:read', 'signatures:verify', 'staff:read'];

/**
 * The role table of the README's Security section. `personal-data` is a grant on its own: an
 * auditor sees applicants only with it too (Law «Про захист персональних даних», art. 10: access
 * only for the purpose it is needed for).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // The general department registers and sends the council's outgoing documents (003) and sees their receipts.
  registrar: [...READ_COMMON, 'documents:submit', 'quarantine:read', 'quarantine:manage', 'reports:read', 'appeals:read', 'petitions:read', 'petitions:submit', 'outgoing:read', 'outgoing:submit'],
  // Reads only what is given to them (documentScope), acts only on their own cards (003 §158-160).
  executor: [...READ_COMMON, 'control:execute'],
  // Decides only on cards they control or stand in for (003 §118, §158, §174, §196).
  controller: [...READ_COMMON, 'control:resolve', 'control:decide', 'reports:read', 'appeals:read', 'petitions:read', 'outgoing:read'],
  'appeals-officer': [
    ...READ_COMMON, 'reports:read', 'appeals:read', 'appeals:answer', 'info-requests:read', 'info-requests:act',
    'petitions:read', 'personal-data', 'quarantine:read',
  ],
  auditor: [...READ_COMMON, 'quarantine:read', 'reports:read', 'appeals:read', 'info-requests:read', 'petitions:read', 'audit:read', 'outgoing:read'],
  // Submits for its allowed sources, reads its own documents and its own source's quarantine.
  // The EDMS brings the archive of earlier years in batches, for its own sources (src/archive).
  integrator: ['documents:submit', 'documents:read', 'quarantine:read', 'petitions:submit', 'signatures:verify', 'nomenclature:read', 'subscriptions:manage', 'archive:import'],
  admin: ['metrics:read', 'tokens:manage', 'subscriptions:manage', 'staff:read', 'staff:manage', 'nomenclature:read', 'nomenclature:manage', 'config:read', 'audit:read', 'archive:import'],
  'personal-data': ['personal-data'],
  // Prometheus scrapes with it: numbers only, nothing about any document or person.
  monitoring: ['metrics:read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: Iterable<Role>): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r]) out.add(p);
  return out;
}
