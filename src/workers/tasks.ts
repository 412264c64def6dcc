/**
 * The worker thread's entry (piscina calls these by name): each job with its outcome wired back
 * (wire.ts). Nothing here keeps state but the parsed trust stores (trust-snapshot.ts).
 */
import { constants, setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import type { SignatureVerificationResult } from '../signatures';
import type { DecodeEnvelope } from './jobs/decode';
import type { VerifyTerms } from './jobs/verify';
import type { TrustSnapshot } from './trust-snapshot';
import { wire, type Wired } from './wire';

// A large input's work gives way to the hub's own thread (/healthz and small requests answer
// in < 100 ms while it runs, issue 14; on two cores a full-speed decode made them wait on the
// scheduler). On Linux a thread's nice value is its own: this lowers this thread only. Raising
// one's nice value needs no privilege; where it is refused the thread runs at normal priority.
try {
  setPriority(0, constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not permitted on this system: normal priority
}

// Each job's modules are loaded by the first task that needs them: a thread that only verifies
// signatures never loads the connectors and the pipeline (memory, and a new thread's start).
// (require, not import(): the project is CommonJS, and from source tsx hands import() to Node's ESM loader.)
/* eslint-disable @typescript-eslint/no-require-imports */
const jobs = {
  verify: async () => require('./jobs/verify') as typeof import('./jobs/verify'),
  verifyRequest: async () => require('./jobs/verify-request') as typeof import('./jobs/verify-request'),
  decode: async () => require('./jobs/decode') as typeof import('./jobs/decode'),
  trust: async () => require('./trust-snapshot') as typeof import('./trust-snapshot'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Every task carries a port to say it has begun: its time budget starts then (pool.ts). */
interface Begun { begun?: MessagePort }
export interface VerifyTask { signature: Uint8Array; content?: Uint8Array; trust: TrustSnapshot; terms: VerifyTerms }
/** Several containers against one trust store: one hop for all of them (index.ts verifySignatureBatch). */
export interface VerifyBatchTask { inputs: { signature: Uint8Array; content?: Uint8Array }[]; trust: TrustSnapshot; terms: VerifyTerms }
export interface VerifyRequestTask { body: Uint8Array; trust: TrustSnapshot; terms: Omit<VerifyTerms, 'atMs'> }
export interface DecodeTask { envelope: DecodeEnvelope }

function begin(task: Begun): void {
  task.begun?.postMessage(0);
  task.begun?.close();
}

// A task says it has begun once its modules are loaded: loading them is the thread's cost, not the input's.
export async function verify(task: VerifyTask & Begun): Promise<Wired<SignatureVerificationResult>> {
  const [job, trust] = await Promise.all([jobs.verify(), jobs.trust()]);
  begin(task);
  return wire(() => job.verifyContainer(task, trust.storeFromSnapshot(task.trust), task.terms));
}

/**
 * The reports go back as one JSON text: they are plain JSON data, and the hub's thread parses a
 * text for less than it takes to deserialize the same objects cloned (19 µs against 29 µs a report,
 * issue 16): that thread also serves every request.
 */
export async function verifyBatch(task: VerifyBatchTask & Begun): Promise<Wired<string>> {
  const [job, trust] = await Promise.all([jobs.verify(), jobs.trust()]);
  begin(task);
  const store = trust.storeFromSnapshot(task.trust);
  return wire(() => JSON.stringify(task.inputs.map((input) => job.verifyContainer(input, store, task.terms))));
}

export async function verifyRequest(task: VerifyRequestTask & Begun): Promise<Wired<SignatureVerificationResult>> {
  const [job, trust] = await Promise.all([jobs.verifyRequest(), jobs.trust()]);
  begin(task);
  return wire(() => job.verifyRequestBody(task.body, trust.storeFromSnapshot(task.trust), task.terms));
}

/** Loads every job's modules, so the first large input does not wait for them (pool.ts warmWorkers). */
export async function warm(task: Begun): Promise<Wired<null>> {
  await Promise.all(Object.values(jobs).map((load) => load()));
  begin(task);
  return wire(() => null);
}

export async function decode(task: DecodeTask & Begun): Promise<Wired<unknown>> {
  const job = await jobs.decode();
  begin(task);
  return wire(() => job.decodeInWorker(task.envelope));
}
