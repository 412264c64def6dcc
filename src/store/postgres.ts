import pg from 'pg';
import { Db, Queryable, TYPE_PARSERS } from './db';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = TYPE_PARSERS[oid];
    if (parser && format !== 'binary') return parser;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

export interface PostgresOptions {
  connectionString: string;
  max?: number;
  onError?: (err: Error) => void;
  /** Waiting for a connection (a new one, or a free one from the pool) longer than this fails, transient. */
  connectTimeoutMs?: number;
  /** A query with no answer for this long fails, transient: a stalled server never holds a request or a message for ever. */
  queryTimeoutMs?: number;
}

export class PostgresDb implements Db {
  readonly backend = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly onError?: (err: Error) => void;

  constructor(opts: PostgresOptions) {
    this.onError = opts.onError;
    this.pool = new pg.Pool({
      connectionString: opts.connectionString,
      max: opts.max ?? 10,
      types,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
      query_timeout: opts.queryTimeoutMs ?? 30_000,
    });
    // An idle client losing its server must not crash the hub; the next query reconnects.
    this.pool.on('error', (err) => this.onError?.(err));
  }

  async query<R>(sql: string, params: unknown[] = [], name?: string): Promise<R[]> {
    const res = await this.pool.query({ text: sql, values: params, ...(name ? { name } : {}) });
    return res.rows as R[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    // pg-pool takes its own error listener off a client while it is checked out: a reset between
    // two queries of this transaction would be an unhandled 'error' event and end the process
    // (issue 14). Here it is reported, the client is not given back, and the next query fails.
    const onClientError = (err: Error) => {
      broken = true;
      this.onError?.(err);
    };
    client.on('error', onClientError);
    try {
      await client.query('BEGIN');
      const q: Queryable = {
        query: async <R>(sql: string, params: unknown[] = [], name?: string) => (await client.query({ text: sql, values: params, ...(name ? { name } : {}) })).rows as R[],
        exec: async (sql: string) => {
          await client.query(sql);
        },
      };
      const result = await fn(q);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // connection is gone; do not hand it back to the pool
      }
      throw err;
    } finally {
      client.removeListener('error', onClientError);
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
