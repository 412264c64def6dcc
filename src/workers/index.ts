/**
 * Work in proportion to an input's size — signature verification, decoding a large message —
 * inline when the input is small, on a worker thread with a time and memory budget when it is not
 * (issue 14). Callers do not choose: they call these.
 */
import { CONNECTORS } from '../../connectors';
import { rememberDecoded } from '../pipeline/attachments';
import { decode } from '../pipeline/decoders';
import type { Envelope } from '../pipeline/envelope';
import type { SignatureVerificationResult, TrustStore } from '../signatures';
import type { DecodedInWorker } from './jobs/decode';
import { verifyContainer, type VerifyTerms } from './jobs/verify';
import { verifyRequestBody } from './jobs/verify-request';
import { assertFitsBudget, offloads, runInWorker, workerSettings } from './pool';
import { trustSnapshot } from './trust-snapshot';
import { letIoIn } from '../event-loop';

export { closeWorkers, configureWorkers, DEFAULT_WORKER_SETTINGS, offloads, warmWorkers, workerSettings, type WorkerSettings } from './pool';
export type { VerifyTerms } from './jobs/verify';

/** A megabyte copies in about 2.5 ms into fresh pages on the reference machine: well under a tick. */
const SLICE_BYTES = 2 ** 20;

/**
 * The bytes as the worker takes them: shared memory, so the thread reads them in place and the
 * caller keeps its own (the pipeline still needs them, e.g. to quarantine exactly what came). A body
 * already read into shared memory (src/api/input-body.ts) goes as it is; anything else (an AMQP
 * message, a file) is copied a megabyte at a time with a turn of the event loop between: one 48 MB
 * copy into fresh pages held the hub's thread for 125 ms (--cpu-prof, issue 14).
 */
async function handOver(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  for (let at = 0; at < bytes.byteLength; at += SLICE_BYTES) {
    if (at > 0) await letIoIn();
    shared.set(bytes.subarray(at, at + SLICE_BYTES), at);
  }
  return shared;
}

/** One CMS container, verified (src/signatures/verify.ts). */
export async function verifySignature(input: { signature: Uint8Array; content?: Uint8Array }, trust: TrustStore, terms: VerifyTerms): Promise<SignatureVerificationResult> {
  const size = input.signature.length + (input.content?.length ?? 0);
  if (!offloads(size)) return verifyContainer(input, trust, terms);
  assertFitsBudget(size);
  const signature = await handOver(input.signature);
  const content = input.content ? await handOver(input.content) : undefined;
  return runInWorker('verify', { signature, ...(content ? { content } : {}), trust: trustSnapshot(trust), terms });
}

type VerifyInput = { signature: Uint8Array; content?: Uint8Array };

/** Inputs in one task at most: a hop costs what several small verifications do, so they go together. */
const BATCH_INPUTS = 32;

/**
 * Many CMS containers against one trust store, spread over the worker threads so verifications per
 * second grow with the cores (issue 16); the reports in the order of the inputs, each the same as
 * verifySignature's. One container per task would not scale: the hop (a task, its port, the report
 * cloned back) costs the hub's thread more than a small RSA or ECDSA verification, so the inputs go
 * in batches of up to BATCH_INPUTS and SLICE_BYTES, at most two batches per thread at a time (the
 * pool's queue is bounded). Each input must fit the budget, as for verifySignature.
 */
export async function verifySignatureBatch(inputs: readonly VerifyInput[], trust: TrustStore, terms: VerifyTerms): Promise<SignatureVerificationResult[]> {
  for (const input of inputs) assertFitsBudget(input.signature.length + (input.content?.length ?? 0));
  const { threads } = workerSettings();
  const perBatch = Math.max(1, Math.min(BATCH_INPUTS, Math.ceil(inputs.length / threads)));
  const batches: VerifyInput[][] = [];
  let bytes = 0;
  for (const input of inputs) {
    const size = input.signature.length + (input.content?.length ?? 0);
    const last = batches[batches.length - 1];
    if (!last || last.length >= perBatch || bytes + size > SLICE_BYTES) {
      batches.push([input]);
      bytes = size;
    } else {
      last.push(input);
      bytes += size;
    }
  }
  const snapshot = trustSnapshot(trust);
  const results: SignatureVerificationResult[][] = new Array(batches.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < batches.length) {
      const index = next++;
      const batch = batches[index] as VerifyInput[];
      const shared = await handOverBatch(batch);
      const reports = await runInWorker<string>('verifyBatch', { inputs: shared, trust: snapshot, terms });
      results[index] = JSON.parse(reports) as SignatureVerificationResult[];
    }
  };
  await Promise.all(Array.from({ length: Math.min(batches.length, threads * 2) }, lane));
  return results.flat();
}

/** A batch's bytes in one piece of shared memory (a batch over SLICE_BYTES is one input: handed over a slice at a time). */
async function handOverBatch(batch: VerifyInput[]): Promise<VerifyInput[]> {
  const total = batch.reduce((n, i) => n + i.signature.length + (i.content?.length ?? 0), 0);
  if (total > SLICE_BYTES) {
    return Promise.all(batch.map(async (i) => ({ signature: await handOver(i.signature), ...(i.content ? { content: await handOver(i.content) } : {}) })));
  }
  const memory = new Uint8Array(new SharedArrayBuffer(total));
  let at = 0;
  const place = (bytes: Uint8Array): Uint8Array => {
    memory.set(bytes, at);
    at += bytes.length;
    return memory.subarray(at - bytes.length, at);
  };
  return batch.map((i) => ({ signature: place(i.signature), ...(i.content ? { content: place(i.content) } : {}) }));
}

/** POST /api/v1/signatures/verify's raw body → its report (jobs/verify-request.ts). */
export async function verifyRequest(body: Buffer, trust: TrustStore, terms: Omit<VerifyTerms, 'atMs'>): Promise<SignatureVerificationResult> {
  if (!offloads(body.length)) return verifyRequestBody(body, trust, terms);
  assertFitsBudget(body.length);
  return runInWorker('verifyRequest', { body: await handOver(body), trust: trustSnapshot(trust), terms });
}

/** The formats a worker thread knows: the canonical JSON and the shipped connectors' (asked late: connectors import the pipeline). */
let shipped: Set<string> | undefined;
const shippedFormats = () => (shipped ??= new Set(['json', ...CONNECTORS.flatMap((c) => Object.keys(c.decoders))]));

/** The pipeline's decode (src/pipeline/decoders.ts), on a worker for a large input of a shipped format. */
export async function decodeInput(env: Envelope): Promise<unknown> {
  if (!offloads(env.payload.length) || !shippedFormats().has(env.format)) return decode(env);
  const { payload, receivedAt, allowedSources: _allowed, ...rest } = env;
  assertFitsBudget(payload.length);
  const decoded = await runInWorker<DecodedInWorker>('decode', { envelope: { ...rest, payload: await handOver(payload), receivedAtMs: receivedAt.getTime() } });
  // Large attachments came back decoded, in shared memory, their base64 text blanked (jobs/decode.ts).
  const list = (decoded.value as { attachments?: object[] } | null)?.attachments;
  for (const a of decoded.attachments) {
    const attachment = list?.[a.index];
    if (attachment) rememberDecoded(attachment, Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength), a.sha256);
  }
  return decoded.value;
}
