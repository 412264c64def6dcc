/**
 * The embedded database's own thread (./pglite-thread.ts): PGlite opened here, each query,
 * script and transaction step asked for by message. Nothing but this runs on the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Queryable } from './db';
import { PgliteDb } from './pglite';

export type Request =
  | { id: number; op: 'query'; sql: string; params: unknown[]; tx?: number }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

export type Reply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: WiredError };

/** A database error as it crosses: its message and the fields callers read (SQLSTATE `code` above all). */
export interface WiredError { name: string; message: string; fields: Record<string, unknown> }

const FIELDS = ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'dataDir', 'messageUk'];

function wireError(err: unknown): WiredError {
  const e = (err ?? {}) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const k of FIELDS) if (e[k] !== undefined) fields[k] = e[k];
  return { name: typeof e.name === 'string' ? e.name : 'Error', message: err instanceof Error ? err.message : String(err), fields };
}

/** Rolled back on purpose (the caller's function threw on the main thread). */
const ROLLBACK = Symbol('rollback');

async function serve(): Promise<void> {
  const port = parentPort!;
  let db: PgliteDb;
  try {
    db = await PgliteDb.open(workerData.dataDir as string | undefined);
  } catch (err) {
    port.postMessage({ id: 0, ok: false, error: wireError(err) } satisfies Reply);
    return;
  }
  port.postMessage({ id: 0, ok: true } satisfies Reply);
  const open = new Map<number, { q: Queryable; end: (commit: boolean) => void }>();
  let nextTx = 1;
  const target = (tx?: number): Queryable => (tx === undefined ? db : open.get(tx)?.q ?? db);
  port.on('message', (req: Request) => {
    const reply = (p: Promise<unknown>) =>
      p.then((value) => port.postMessage({ id: req.id, ok: true, value } satisfies Reply), (err) => port.postMessage({ id: req.id, ok: false, error: wireError(err) } satisfies Reply));
    switch (req.op) {
      case 'query':
        return reply(target(req.tx).query(req.sql, req.params));
      case 'exec':
        return reply(target(req.tx).exec(req.sql));
      case 'begin': {
        const tx = nextTx++;
        // The transaction stays open (PGlite holds every other query) until 'end' settles it.
        const done = db.tx((q) => new Promise<void>((resolve, reject) => {
          open.set(tx, { q, end: (commit) => (commit ? resolve() : reject(ROLLBACK)) });
          port.postMessage({ id: req.id, ok: true, value: tx } satisfies Reply);
        }));
        done.catch(() => undefined).finally(() => open.delete(tx));
        // 'end' answers when the commit (or rollback) is through.
        pending.set(tx, done);
        return;
      }
      case 'end': {
        const entry = open.get(req.tx);
        const done = pending.get(req.tx);
        pending.delete(req.tx);
        entry?.end(req.commit);
        return reply((done ?? Promise.resolve()).catch((err) => { if (err !== ROLLBACK) throw err; }));
      }
      case 'close':
        return reply(db.close().then(() => setImmediate(() => port.close())));
    }
  });
}

const pending = new Map<number, Promise<void>>();
void serve();
