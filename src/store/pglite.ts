import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { Db, Queryable, TYPE_PARSERS } from './db';

function normalise<R>(rows: unknown[]): R[] {
  // PGlite returns bytea as Uint8Array; pg returns Buffer. Hand back Buffers from both.
  for (const row of rows as Record<string, unknown>[]) {
    for (const [k, v] of Object.entries(row)) {
      if (v instanceof Uint8Array && !Buffer.isBuffer(v)) row[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    }
  }
  return rows as R[];
}

/** Embedded PostgreSQL (WASM) for a zero-configuration start; dataDir undefined = in memory. */
export class PgliteDb implements Db {
  readonly backend = 'pglite' as const;
  private constructor(private readonly pg: PGlite) {}

  static async open(dataDir?: string): Promise<PgliteDb> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const pg = await PGlite.create(dataDir ?? 'memory://', { parsers: TYPE_PARSERS });
    return new PgliteDb(pg);
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
  }
}
