import { createToken, importStaff, makePrincipal, type Principal, type Role } from '../../src/identity';
import type { Db } from '../../src/store';

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** People of the test directory: every id a test names as executor, controller or author. */
export async function ensureStaff(db: Db, ids: string[], standIns: Array<{ deputy: string; for: string; from: string; to?: string }> = []): Promise<void> {
  await db.tx((q) => importStaff(q, {
    staff: ids.map((id) => ({
      id, fullName: `Працівник ${id}`, position: 'головний спеціаліст',
      standsInFor: standIns.filter((s) => s.deputy === id).map((s) => ({ staffId: s.for, from: s.from, ...(s.to ? { to: s.to } : {}) })),
    })),
  }, new Date()));
}

/** A personal API token: the person signs in without an identity provider. */
export async function personToken(db: Db, staffId: string, roles: Role[]): Promise<string> {
  return (await db.tx((q) => createToken(q, { name: `test ${staffId}`, roles, staffId, createdBy: 'test' }, new Date()))).token;
}

/** A system's API token (the EDMS, a gateway). */
export async function systemToken(db: Db, roles: Role[], over: { sources?: string[]; actFor?: string[]; expiresAt?: Date; name?: string } = {}): Promise<string> {
  return (await db.tx((q) => createToken(q, { name: over.name ?? `test system ${roles.join('+')}`, roles, createdBy: 'test', ...over }, new Date()))).token;
}

/** The roles of the general department's test operator: reads everything, registers, controls, sees personal data. */
export const OPERATOR_ROLES: Role[] = ['registrar', 'controller', 'executor', 'appeals-officer', 'auditor', 'personal-data'];

/**
 * Headers of a person acting in the tests: their staff entry and a personal token with the
 * operator's roles, made once per hub and person.
 */
export function people(db: Db, roles: Role[] = OPERATOR_ROLES): (staffId: string) => Promise<Record<string, string>> {
  const cache = new Map<string, Promise<Record<string, string>>>();
  return (staffId) => {
    let got = cache.get(staffId);
    if (!got) {
      got = (async () => {
        await addIfAbsent(db, staffId);
        return bearer(await personToken(db, staffId, roles));
      })();
      cache.set(staffId, got);
    }
    return got;
  };
}

/** Adds a person unless the directory has them (keeping what a test set up, e.g. their stand-ins). */
async function addIfAbsent(db: Db, staffId: string): Promise<void> {
  await db.query("INSERT INTO staff (id, full_name, position) VALUES ($1, $2, 'головний спеціаліст') ON CONFLICT (id) DO NOTHING", [staffId, `Працівник ${staffId}`]);
}

/** A person as the services see them (for tests that call a service, not HTTP); in the directory too. */
export async function principalFor(db: Db, staffId: string, roles: Role[] = OPERATOR_ROLES): Promise<Principal> {
  await addIfAbsent(db, staffId);
  return makePrincipal({ kind: 'person', id: staffId, displayName: `Працівник ${staffId}`, roles, method: 'api-token' });
}

/** The secret part of `dlv_<12-character id>_<secret>` (the secret is base64url: it may hold `_`). */
export function secretOf(token: string): string {
  const m = /^dlv_[A-Za-z0-9]{12}_(.+)$/.exec(token);
  if (!m) throw new Error('not an API token');
  return m[1]!;
}
