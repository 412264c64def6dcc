import { registerConnectors } from '../../../connectors';
import { decode } from '../../pipeline/decoders';
import type { Envelope } from '../../pipeline/envelope';

/** What a decoder may read of an envelope: plain values only (a worker thread is told them). */
export type DecodeEnvelope = Omit<Envelope, 'payload' | 'receivedAt' | 'allowedSources'> & { payload: Uint8Array; receivedAtMs: number };

/**
 * Bytes → the canonical submission, by the format's decoder, on a worker thread: the shipped
 * formats only (json and the connectors'), which is what the worker has registered.
 */
export async function decodeInWorker(env: DecodeEnvelope): Promise<unknown> {
  registerConnectors();
  const { payload, receivedAtMs, ...rest } = env;
  return decode({ ...rest, payload: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), receivedAt: new Date(receivedAtMs) });
}
