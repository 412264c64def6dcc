import { loadConfig } from '../config';
import { openDb, type Db } from '../store';
import { migrateWithRoles } from '../store/roles';

/** Opens the configured database (DATABASE_URL, else the embedded one under DATA_DIR), migrated if asked, and closes it after. */
export async function withDatabase<T>(fn: (db: Db) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    // As the owner when DATABASE_MIGRATION_URL is set (then the runtime role's grants are renewed).
    if (opts.migrate) await migrateWithRoles(db, config.databaseMigrationUrl);
    return await fn(db);
  } finally {
    await db.close();
  }
}
