/**
 * Two database roles (issue 14): the owner (DATABASE_MIGRATION_URL) creates and alters the
 * tables; the hub runs as an unprivileged role (DATABASE_URL) that may read and write the working
 * tables but only INSERT and SELECT the append-only ones. Not being their owner, it cannot
 * `ALTER TABLE … DISABLE TRIGGER`, TRUNCATE or drop them: PostgreSQL itself refuses, whatever
 * bug or intruder is in the hub. (The owner still can: the signed checkpoints catch that.)
 */
import { migrate } from './migrate';
import type { Db, Queryable } from './db';
import { PostgresDb } from './postgres';

/** Tables nobody but the owner may change or empty: the hub appends and reads. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_checkpoints', 'personal_data_reads'] as const;

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The least the runtime role needs, granted again after every migration (new tables included). */
export async function grantRuntimeRole(owner: Queryable, role: string): Promise<void> {
  const [{ schema }] = (await owner.query<{ schema: string }>('SELECT current_schema() AS schema')) as [{ schema: string }];
  const r = ident(role);
  const s = ident(schema);
  await owner.exec(`
    GRANT USAGE ON SCHEMA ${s} TO ${r};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r};
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${APPEND_ONLY_TABLES.map(ident).join(', ')} FROM ${r};
    REVOKE CREATE ON SCHEMA ${s} FROM ${r};
  `);
}

export interface RoleCheck {
  runtimeRole: string;
  ownerRole: string;
  /** What still lets the runtime role rewrite the log (the hub warns): same role, superuser, member of the owner. */
  weakness?: 'same-role' | 'superuser' | 'member-of-owner';
}

async function whoAmI(q: Queryable): Promise<{ role: string; superuser: boolean }> {
  const [row] = await q.query<{ role: string; superuser: boolean }>('SELECT current_user AS role, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
  return { role: row?.role ?? '', superuser: !!row?.superuser };
}

/**
 * Migrates as the owner when DATABASE_MIGRATION_URL is given, then grants the runtime role (the
 * user of `runtime`) its least privileges; without it, migrates through `runtime` as before
 * (one role: the checkpoints alone catch a rewrite). The embedded database always takes this path.
 */
export async function migrateWithRoles(runtime: Db, migrationUrl?: string): Promise<{ applied: string[]; roles?: RoleCheck }> {
  if (!migrationUrl || runtime.backend !== 'postgres') return { applied: await migrate(runtime) };
  const owner = new PostgresDb({ connectionString: migrationUrl, max: 1 });
  try {
    const applied = await migrate(owner);
    const me = await whoAmI(runtime);
    const them = await whoAmI(owner);
    const roles: RoleCheck = { runtimeRole: me.role, ownerRole: them.role };
    if (me.role === them.role) return { applied, roles: { ...roles, weakness: 'same-role' } };
    await grantRuntimeRole(owner, me.role);
    const [member] = await runtime.query<{ member: boolean }>("SELECT pg_has_role(current_user, $1, 'USAGE') AS member", [them.role]);
    const weakness = me.superuser ? 'superuser' : member?.member ? 'member-of-owner' : undefined;
    return { applied, roles: weakness ? { ...roles, weakness } : roles };
  } finally {
    await owner.close();
  }
}
