/**
 * Work in proportion to an input's size — signature verification, decoding a large message —
 * inline when the input is small, on a worker thread with a time and memory budget when it is not
 * (issue 14). Callers do not choose: they call these.
 */
import { CONNECTORS } from '../../connectors';
import { decode } from '../pipeline/decoders';
import type { Envelope } from '../pipeline/envelope';
import type { SignatureVerificationResult, TrustStore } from '../signatures';
import { verifyContainer, type VerifyTerms } from './jobs/verify';
import { verifyRequestBody } from './jobs/verify-request';
import { offloads, runInWorker } from './pool';
import { trustSnapshot } from './trust-snapshot';

export { closeWorkers, configureWorkers, DEFAULT_WORKER_SETTINGS, offloads, warmWorkers, workerSettings, type WorkerSettings } from './pool';
export type { VerifyTerms } from './jobs/verify';

/**
 * Bytes the worker can take without a second copy on the hub's thread: a body read into shared
 * memory (src/api/shared-body.ts) is shared as it is; anything else is copied once and moved (a
 * view into a larger buffer would carry all of it).
 */
function handOver(bytes: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  if (bytes.buffer instanceof SharedArrayBuffer) return { bytes, transfer: [] };
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return { bytes: copy, transfer: [copy.buffer as ArrayBuffer] };
}

/** One CMS container, verified (src/signatures/verify.ts). */
export async function verifySignature(input: { signature: Uint8Array; content?: Uint8Array }, trust: TrustStore, terms: VerifyTerms): Promise<SignatureVerificationResult> {
  if (!offloads(input.signature.length + (input.content?.length ?? 0))) return verifyContainer(input, trust, terms);
  const signature = handOver(input.signature);
  const content = input.content ? handOver(input.content) : undefined;
  return runInWorker('verify', { signature: signature.bytes, ...(content ? { content: content.bytes } : {}), trust: trustSnapshot(trust), terms }, [...signature.transfer, ...(content?.transfer ?? [])]);
}

/** POST /api/v1/signatures/verify's raw body → its report (jobs/verify-request.ts). */
export async function verifyRequest(body: Buffer, trust: TrustStore, terms: Omit<VerifyTerms, 'atMs'>): Promise<SignatureVerificationResult> {
  if (!offloads(body.length)) return verifyRequestBody(body, trust, terms);
  const { bytes, transfer } = handOver(body);
  return runInWorker('verifyRequest', { body: bytes, trust: trustSnapshot(trust), terms }, transfer);
}

/** The formats a worker thread knows: the canonical JSON and the shipped connectors' (asked late: connectors import the pipeline). */
let shipped: Set<string> | undefined;
const shippedFormats = () => (shipped ??= new Set(['json', ...CONNECTORS.flatMap((c) => Object.keys(c.decoders))]));

/** The pipeline's decode (src/pipeline/decoders.ts), on a worker for a large input of a shipped format. */
export async function decodeInput(env: Envelope): Promise<unknown> {
  if (!offloads(env.payload.length) || !shippedFormats().has(env.format)) return decode(env);
  const { payload, receivedAt, allowedSources: _allowed, ...rest } = env;
  const { bytes, transfer } = handOver(payload);
  return runInWorker('decode', { envelope: { ...rest, payload: bytes, receivedAtMs: receivedAt.getTime() } }, transfer);
}
