/**
 * Zero-configuration start stays two commands and still has no open door: on the first start
 * (no live administrator token in the database) the hub creates one and writes it to
 * DATA_DIR/admin-token, readable by its owner only (0600). The token itself never reaches the log.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../store';
import { createToken, hasLiveAdminToken } from './tokens';

/** Serialises the first start of several hub processes on one database. */
const BOOTSTRAP_LOCK = 704_117_010;

export async function ensureAdminToken(db: Db, file: string, now: Date): Promise<{ created: boolean; file: string }> {
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
    if (await hasLiveAdminToken(q, now)) return { created: false, file };
    const { token } = await createToken(q, { name: 'Адміністратор (перший запуск)', roles: ['admin'], createdBy: 'dilovod-bootstrap' }, now);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    chmodSync(file, 0o600); // an existing file keeps its old mode on write
    return { created: true, file };
  });
}
