/**
 * One interface over PostgreSQL (pg) and PGlite (PostgreSQL in WASM), so the same SQL and the
 * same migrations run on both. Values come back the same way from both:
 * int8 → number, date → 'YYYY-MM-DD' string, timestamptz → Date, jsonb → object, bytea → Buffer.
 */
export interface Queryable {
  /**
   * `name`: PostgreSQL prepares the statement once per connection under it and only binds it after
   * (the same SQL always under the same name), for a hot statement whose parsing and planning cost
   * more than its work; the embedded database ignores it.
   */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[], name?: string): Promise<R[]>;
  /** Runs a script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly backend: 'postgres' | 'pglite';
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Parsers both backends share (by PostgreSQL type OID). */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  20: (v) => Number(v), // int8: counters and sequences stay far below 2^53
  1082: (v) => v, // date: keep the calendar date as text, no time-zone shift
};
