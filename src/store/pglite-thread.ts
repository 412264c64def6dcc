import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db, Queryable } from './db';
import { DatabaseLockedError } from './errors';
// Buffers cross a thread as Uint8Arrays: handed back as Buffers, as from in-process PGlite.
import { normalise } from './pglite';
import type { Reply, Request, WiredError } from './pglite-thread-worker';

type Ask = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The embedded database on a thread of its own (issue 14, "one input never takes the hub down").
 * PGlite is PostgreSQL compiled to WebAssembly: whatever it does — a 48 MB write, a checkpoint —
 * it does on the thread that calls it. On the hub's thread that held /healthz for 0.7-3 s; here
 * the event loop only passes messages. The same `Db` as ./pglite (which the thread runs: the same
 * lock, first-start child process, parsers and settings); rows, parameters and errors are cloned
 * across, bytea comes back as Buffer, a database error keeps its SQLSTATE `code`.
 */
export class PgliteThreadDb implements Db {
  readonly backend = 'pglite' as const;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => this.settle(reply));
    const fail = (err: Error) => {
      this.exited = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the embedded database's thread ended (exit ${code})`)));
  }

  static async open(dataDir?: string): Promise<PgliteThreadDb> {
    const source = extname(__filename) === '.ts';
    const worker = new Worker(join(__dirname, `pglite-thread-worker${extname(__filename)}`), {
      workerData: { dataDir },
      execArgv: source ? ['--require', 'tsx/cjs'] : [],
    });
    const db = new PgliteThreadDb(worker);
    db.idle();
    try {
      worker.ref();
      await new Promise((resolve, reject) => db.waiting.set(0, { resolve, reject }));
    } catch (err) {
      await worker.terminate();
      throw err;
    }
    return db;
  }

  // The thread keeps the process alive only while something waits for it (as a socket would);
  // an idle open database does not hold a finished CLI command, as in-process PGlite did not.
  private idle(): void {
    if (this.waiting.size === 0) this.worker.unref();
  }

  private settle(reply: Reply): void {
    const w = this.waiting.get(reply.id);
    if (!w) return;
    this.waiting.delete(reply.id);
    this.idle();
    if (reply.ok) w.resolve(reply.value);
    else w.reject(unwire(reply.error));
  }

  private ask<T>(req: Ask): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.ref();
      this.worker.postMessage({ ...req, id });
    });
  }

  private on(tx?: number): Queryable {
    return {
      query: async <R>(sql: string, params: unknown[] = []) => normalise<R>(await this.ask<R[]>({ op: 'query', sql, params: params.map(compact), ...(tx ? { tx } : {}) })),
      exec: async (sql: string) => {
        await this.ask({ op: 'exec', sql, ...(tx ? { tx } : {}) });
      },
    };
  }

  query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.on().query<R>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.on().exec(sql);
  }

  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const tx = await this.ask<number>({ op: 'begin' });
    let value: T;
    try {
      value = await fn(this.on(tx));
    } catch (err) {
      await this.ask({ op: 'end', tx, commit: false }).catch(() => undefined);
      throw err;
    }
    await this.ask({ op: 'end', tx, commit: true });
    return value;
  }

  async close(): Promise<void> {
    if (!this.exited) await this.ask({ op: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }
}

/**
 * A view into a larger buffer (a 64 KiB part of a 48 MB payload) would cross with all of that
 * buffer — structured cloning copies a view's whole ArrayBuffer: send a copy of the view alone.
 */
function compact(v: unknown): unknown {
  return v instanceof Uint8Array && v.byteLength !== v.buffer.byteLength ? new Uint8Array(v) : v;
}

function unwire(e: WiredError): Error {
  if (e.name === 'DatabaseLockedError' && typeof e.fields.dataDir === 'string') return new DatabaseLockedError(e.fields.dataDir);
  const err = Object.assign(new Error(e.message), e.fields);
  err.name = e.name;
  return err;
}
