import { loadConfig } from '../config';
import { migrate, openDb, type Db } from '../store';

/** Opens the configured database (DATABASE_URL, else the embedded one under DATA_DIR), migrated if asked, and closes it after. */
export async function withDatabase<T>(fn: (db: Db) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (opts.migrate) await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}
