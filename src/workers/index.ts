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

export { closeWorkers, configureWorkers, DEFAULT_WORKER_SETTINGS, warmWorkers, workerSettings, type WorkerSettings } from './pool';
export type { VerifyTerms } from './jobs/verify';

/** A copy the worker can own (moved, not cloned again): a view into a larger buffer would carry all of it. */
function own(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/** One CMS container, verified (src/signatures/verify.ts). */
export async function verifySignature(input: { signature: Uint8Array; content?: Uint8Array }, trust: TrustStore, terms: VerifyTerms): Promise<SignatureVerificationResult> {
  if (!offloads(input.signature.length + (input.content?.length ?? 0))) return verifyContainer(input, trust, terms);
  const signature = own(input.signature);
  const content = input.content ? own(input.content) : undefined;
  return runInWorker('verify', { signature, ...(content ? { content } : {}), trust: trustSnapshot(trust), terms }, [signature.buffer as ArrayBuffer, ...(content ? [content.buffer as ArrayBuffer] : [])]);
}

/** POST /api/v1/signatures/verify's raw body → its report (jobs/verify-request.ts). */
export async function verifyRequest(body: Buffer, trust: TrustStore, terms: Omit<VerifyTerms, 'atMs'>): Promise<SignatureVerificationResult> {
  if (!offloads(body.length)) return verifyRequestBody(body, trust, terms);
  const bytes = own(body);
  return runInWorker('verifyRequest', { body: bytes, trust: trustSnapshot(trust), terms }, [bytes.buffer as ArrayBuffer]);
}

/** The formats a worker thread knows: the canonical JSON and the shipped connectors' (asked late: connectors import the pipeline). */
let shipped: Set<string> | undefined;
const shippedFormats = () => (shipped ??= new Set(['json', ...CONNECTORS.flatMap((c) => Object.keys(c.decoders))]));

/** The pipeline's decode (src/pipeline/decoders.ts), on a worker for a large input of a shipped format. */
export async function decodeInput(env: Envelope): Promise<unknown> {
  if (!offloads(env.payload.length) || !shippedFormats().has(env.format)) return decode(env);
  const { payload, receivedAt, allowedSources: _allowed, ...rest } = env;
  const bytes = own(payload);
  return runInWorker('decode', { envelope: { ...rest, payload: bytes, receivedAtMs: receivedAt.getTime() } }, [bytes.buffer as ArrayBuffer]);
}
