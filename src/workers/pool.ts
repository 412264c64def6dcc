import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { MessageChannel, SHARE_ENV } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { HubError } from '../errors';
import type { DecodeTask, VerifyBatchTask, VerifyRequestTask, VerifyTask } from './tasks';
import { unwire, type Wired } from './wire';

/**
 * The hub's worker threads (issue 14, "one input never takes the hub down"): signature
 * verification and the decoding of large inputs run here, each with a budget of time and memory,
 * so the event loop keeps answering /healthz and the other requests while one input is worked on.
 * One pool per process (like libuv's thread pool): every hub in it shares the threads.
 */
export interface WorkerSettings {
  /** Threads at most (WORKER_THREADS, default: the machine's cores). */
  threads: number;
  /** One input's longest run before its thread is stopped (WORKER_TASK_TIMEOUT_MS). */
  taskTimeoutMs: number;
  /** One thread's heap (WORKER_MEMORY_MB); an input that needs more stops its thread. */
  memoryMb: number;
  /** Inputs of at most this many bytes are worked on inline (WORKER_INLINE_BYTES): a hop costs more than they do. */
  inlineBytes: number;
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  threads: Math.max(1, availableParallelism()),
  taskTimeoutMs: 30_000,
  memoryMb: 256,
  // A DSTU 4145 container of 64 KiB hashes (GOST 34.311) in ~15 ms: inline is cheaper than a hop.
  inlineBytes: 64 * 1024,
};

let settings: WorkerSettings = DEFAULT_WORKER_SETTINGS;
let pool: Piscina | undefined;
/** Why the last pool ended by itself (a thread that could not start), for the error its tasks get. */
let lastFailure: Error | undefined;

/** Set at start-up from the configuration; a running pool is replaced (its threads finish first). */
export function configureWorkers(next: Partial<WorkerSettings>): void {
  const changed = { ...settings, ...next };
  if (JSON.stringify(changed) === JSON.stringify(settings)) return;
  settings = changed;
  const old = pool;
  pool = undefined;
  void old?.close();
}

export function workerSettings(): WorkerSettings {
  return settings;
}

/** The largest input a thread with this budget is given: a quarter of its heap. */
export function maxInputBytes(): number {
  return Math.floor((settings.memoryMb * 2 ** 20) / 4);
}

/** Whether an input of this many bytes goes to a worker thread. */
export function offloads(bytes: number): boolean {
  return bytes > settings.inlineBytes;
}

/** Ends the threads (a process that is shutting down; idle threads end by themselves too). */
export async function closeWorkers(): Promise<void> {
  const old = pool;
  pool = undefined;
  await old?.close({ force: true });
}

function thePool(): Piscina {
  if (pool) return pool;
  const source = extname(__filename) === '.ts';
  const created = new Piscina({
    filename: join(__dirname, `tasks${extname(__filename)}`),
    // The export a new thread loads first: one that exists (piscina's 'default' does not, and its
    // fallback import() of a .ts file fails when running from source).
    name: 'decode',
    // One thread is kept, warmed at start-up (warmWorkers): the first large input does not wait
    // for a thread to start and load its modules (~0.3 s built, seconds from source).
    minThreads: 1,
    maxThreads: settings.threads,
    // Idle threads end after a minute: a quiet hub holds no worker memory.
    idleTimeout: 60_000,
    // Past this many waiting inputs the answer is 503 WORKERS_BUSY (AMQP retries): a queue without a bound is memory without one.
    maxQueue: settings.threads * 16,
    // A small young generation, as `npm start` gives the main thread (--max-semi-space-size=2): an idle thread stays small.
    resourceLimits: { maxOldGenerationSizeMb: settings.memoryMb, maxYoungGenerationSizeMb: 6 },
    // The connectors read their settings (SEV_OVV_*) from the environment on each message, as inline.
    env: SHARE_ENV,
    // From source (tests, DILOVOD_FROM_SOURCE=1) the thread compiles TypeScript the way the process does.
    execArgv: source ? ['--require', 'tsx/cjs'] : [],
  });
  // A thread that cannot start fails no task by itself (they would wait for their budget): end the
  // pool, which fails what waits now, and start afresh on the next input. The 'error' event must
  // have a listener, or it would end the process.
  created.on('error', (err: Error) => {
    lastFailure = err;
    if (pool === created) pool = undefined;
    void created.destroy();
  });
  pool = created;
  return created;
}

type TaskName = 'verify' | 'verifyBatch' | 'verifyRequest' | 'decode' | 'warm';
type TaskOf<N extends TaskName> = N extends 'verify'
  ? VerifyTask
  : N extends 'verifyBatch'
    ? VerifyBatchTask
    : N extends 'verifyRequest'
      ? VerifyRequestTask
      : N extends 'decode'
        ? DecodeTask
        : Record<string, never>;

/**
 * Starts a thread and loads the jobs' modules; resolves when done (never rejects: a thread that
 * cannot start is reported by the first input that needs one). The hub starts it first and awaits
 * it last, so it costs start-up nothing but a busy core.
 */
export function warmWorkers(): Promise<void> {
  return runInWorker('warm', {}).then(() => undefined, () => undefined);
}

/**
 * V8 stops a thread that nears its heap limit with 16 MB to spare; one allocation larger than
 * that (the input as one string: up to twice its bytes in UTF-16) aborts the whole process
 * instead. So an input must fit its budget several times over before it is given to a thread:
 * callers ask before they hand the bytes over.
 */
export function assertFitsBudget(bytes: number): void {
  if (bytes > maxInputBytes()) throw HubError.of('INPUT_TOO_COSTLY', { budget: 'memory', limitMb: settings.memoryMb, bytes, maxBytes: maxInputBytes() });
}

/** Runs a task on a worker thread within the budget (its input's size checked by assertFitsBudget first); its HubError arrives as a HubError. */
export async function runInWorker<T>(name: TaskName, task: TaskOf<typeof name>): Promise<T> {
  const limits = { timeoutMs: settings.taskTimeoutMs, memoryMb: settings.memoryMb };
  const running = thePool();
  // The time budget is the input's own: it starts when a thread begins it (the task says so on
  // its port), not while it waits in the queue or while a new thread loads its modules.
  const { port1: begun, port2: beginning } = new MessageChannel();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  begun.once('message', () => {
    timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  });
  let outcome: Wired<T>;
  try {
    outcome = (await running.run({ ...task, begun: beginning }, { name, signal: controller.signal, transferList: [beginning] })) as Wired<T>;
  } catch (err) {
    const budget = budgetError(err, limits);
    if (budget) throw budget;
    throw lastFailure ? new Error(`a worker thread failed: ${lastFailure.message}`, { cause: err }) : err;
  } finally {
    clearTimeout(timer);
    begun.close();
  }
  return unwire(outcome);
}

/** A stopped thread as the input's own 4xx, a full queue as a transient 503; anything else stays a bug. */
function budgetError(err: unknown, limits: { timeoutMs: number; memoryMb: number }): HubError | undefined {
  const e = err as { name?: string; code?: string; message?: string };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return HubError.of('INPUT_TOO_COSTLY', { budget: 'time', limitMs: limits.timeoutMs });
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap limit/i.test(e?.message ?? '')) {
    return HubError.of('INPUT_TOO_COSTLY', { budget: 'memory', limitMb: limits.memoryMb });
  }
  if (/queue is at limit/i.test(e?.message ?? '')) return HubError.of('WORKERS_BUSY', { threads: settings.threads });
  return undefined;
}
