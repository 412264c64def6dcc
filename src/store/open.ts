import { join } from 'node:path';
import { Db } from './db';
import { PgliteThreadDb } from './pglite-thread';
import { PostgresDb } from './postgres';

/** DATABASE_URL set → real PostgreSQL; empty → embedded PGlite under DATA_DIR/pglite, on a thread of its own (./pglite-thread). */
export async function openDb(opts: { databaseUrl?: string; dataDir?: string; onError?: (err: Error) => void; connectTimeoutMs?: number; queryTimeoutMs?: number }): Promise<Db> {
  if (opts.databaseUrl) {
    return new PostgresDb({ connectionString: opts.databaseUrl, onError: opts.onError, connectTimeoutMs: opts.connectTimeoutMs, queryTimeoutMs: opts.queryTimeoutMs });
  }
  return PgliteThreadDb.open(opts.dataDir ? join(opts.dataDir, 'pglite') : undefined);
}
