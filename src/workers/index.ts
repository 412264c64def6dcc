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
import { assertFitsBudget, offloads, runInWorker } from './pool';
import { trustSnapshot } from './trust-snapshot';

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
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
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
  const list = (decoded.value as { attachments?: object[] }).attachments;
  for (const a of decoded.attachments) {
    const attachment = list?.[a.index];
    if (attachment) rememberDecoded(attachment, Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength), a.sha256);
  }
  return decoded.value;
}
