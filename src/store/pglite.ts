import { PGlite, type Extension, type PGliteOptions } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import lockfile from 'proper-lockfile';
import { Db, Queryable, TYPE_PARSERS } from './db';
import { DatabaseLockedError } from './errors';
import { initialiseApart, isInitialised } from './pglite-init';
import { compileEngineForMemory, EMBEDDED_START_PARAMS } from './pglite-settings';

export { DatabaseLockedError };

const BYTEA = 17;

/**
 * bytea as a binary parameter: the bytes go to the database as they are (PGlite sends a
 * Uint8Array in the binary format). PGlite's own serializer turns every byte into a string of its
 * own and joins them (a 48 MB message on its way to the quarantine took 3.6 GB and 13 s), and hex
 * text doubles the bytes and is then measured character by character (2.3 s for 48 MB): both with
 * the event loop blocked (issue 14, `npm run bench -- hostile`). 256 KiB in binary is ~6 ms.
 */
const PGLITE_SERIALIZERS = {
  [BYTEA]: ((v: unknown): Uint8Array => {
    if (!(v instanceof Uint8Array)) throw new Error('bytea takes a Buffer or Uint8Array');
    return v;
    // Typed for strings, but PGlite sends any ArrayBuffer view as it is, in the binary format.
  }) as unknown as (value: unknown) => string,
};
const PGLITE_PARSERS = { ...TYPE_PARSERS, [BYTEA]: (v: string): Buffer => Buffer.from(v.slice(2), 'hex') };

export function normalise<R>(rows: unknown[]): R[] {
  // PGlite returns bytea as Uint8Array; pg returns Buffer. Hand back Buffers from both.
  for (const row of rows as Record<string, unknown>[]) {
    for (const [k, v] of Object.entries(row)) {
      if (v instanceof Uint8Array && !Buffer.isBuffer(v)) row[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    }
  }
  return rows as R[];
}

/**
 * pg_trgm, which PGlite ships apart (migration 018: the trigram index of the document search).
 * Required, not imported: the package exports it as `contrib/*`, which the project's `node`
 * module resolution does not read; the shape is PGlite's own `Extension`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
const EXTENSIONS = { pg_trgm };

/** Embedded PostgreSQL (WASM) for a zero-configuration start; dataDir undefined = in memory. */
/** Every PGlite the store opens: its settings and extensions, the engine compiled for memory (./pglite-settings). */
function createEngine(dataDir: string, options: PGliteOptions): Promise<PGlite> {
  compileEngineForMemory();
  return PGlite.create(dataDir, { startParams: EMBEDDED_START_PARAMS, extensions: EXTENSIONS, ...options });
}

export class PgliteDb implements Db {
  readonly backend = 'pglite' as const;
  private constructor(private readonly pg: PGlite, private readonly unlock?: () => Promise<void>) {}

  /**
   * Opens the directory for this process alone (proper-lockfile: a `.lock` beside it, kept fresh
   * while we run, taken over only once stale after a crash); another process gets DatabaseLockedError.
   * A new directory is created and migrated in a child process (./pglite-init), which opens it
   * with `lockHeldByParent` while this process holds the lock.
   */
  static async open(dataDir?: string, options: { lockHeldByParent?: boolean } = {}): Promise<PgliteDb> {
    let unlock: (() => Promise<void>) | undefined;
    if (dataDir && !options.lockHeldByParent) {
      mkdirSync(dataDir, { recursive: true });
      try {
        unlock = await lockfile.lock(dataDir, {
          realpath: false, stale: 10_000, update: 2_000, retries: 0,
          // The lock was lost (the disk stalled past `stale`): say so; another process may take it.
          onCompromised: (err) => process.emitWarning(`embedded database lock lost: ${err.message}`),
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DatabaseLockedError(dataDir);
        throw err;
      }
    }
    try {
      if (dataDir && !options.lockHeldByParent && !isInitialised(dataDir)) await initialiseApart(dataDir);
      const pg = await createEngine(dataDir ?? 'memory://', { parsers: PGLITE_PARSERS, serializers: PGLITE_SERIALIZERS });
      return new PgliteDb(pg, unlock);
    } catch (err) {
      await unlock?.().catch(() => undefined);
      throw err;
    }
  }

  async query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    const res = await this.pg.query(sql, params as unknown[]);
    return normalise<R>(res.rows);
  }

  async exec(sql: string): Promise<void> {
    await this.pg.exec(sql);
  }

  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.pg.transaction(async (t) =>
      fn({
        query: async <R>(sql: string, params: unknown[] = []) => normalise<R>((await t.query(sql, params as unknown[])).rows),
        exec: async (sql: string) => {
          await t.exec(sql);
        },
      }),
    );
  }

  async close(): Promise<void> {
    await this.pg.close();
    await this.unlock?.().catch(() => undefined);
  }

  /** A consistent copy of the whole database (PGlite's own dump of its data directory, gzip tar). */
  async backup(): Promise<Buffer> {
    const blob = await this.pg.dumpDataDir('gzip');
    return Buffer.from(await blob.arrayBuffer());
  }

  /**
   * A database made from a backup, in a directory that must be empty or absent (never over a
   * database that is there: the operator moves it aside first). Taken under the same lock.
   */
  static async restore(dataDir: string, backup: Buffer): Promise<void> {
    if (existsSync(dataDir) && readdirSync(dataDir).length) {
      throw new Error(`${dataDir} is not empty: move the current database aside first / ${dataDir} не порожній: спершу перенесіть поточну базу`);
    }
    mkdirSync(dataDir, { recursive: true });
    const unlock = await lockfile.lock(dataDir, { realpath: false, stale: 10_000, update: 2_000, retries: 0 }).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'ELOCKED' ? new DatabaseLockedError(dataDir) : err;
    });
    try {
      const pg = await createEngine(dataDir, { loadDataDir: new Blob([backup]) });
      await pg.close();
    } finally {
      await unlock();
    }
  }
}
