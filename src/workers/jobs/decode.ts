import { createHash } from 'node:crypto';
import { registerConnectors } from '../../../connectors';
import { decodeBase64, rememberedContent } from '../../pipeline/attachments';
import { decode } from '../../pipeline/decoders';
import type { Envelope } from '../../pipeline/envelope';

/** What a decoder may read of an envelope: plain values only (a worker thread is told them). */
export type DecodeEnvelope = Omit<Envelope, 'payload' | 'receivedAt' | 'allowedSources'> & { payload: Uint8Array; receivedAtMs: number };

/**
 * Bytes → the canonical submission, by the format's decoder, on a worker thread: the shipped
 * formats only (json and the connectors'), which is what the worker has registered.
 */
export async function decodeInWorker(env: DecodeEnvelope): Promise<DecodedInWorker> {
  registerConnectors();
  const { payload, receivedAtMs, ...rest } = env;
  const value = await decode({ ...rest, payload: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), receivedAt: new Date(receivedAtMs) });
  return { value, attachments: predecodeAttachments(value) };
}

/** The decoded value, and the large attachments already decoded here (their base64 text left out of the value). */
export interface DecodedInWorker {
  value: unknown;
  attachments: Array<{ index: number; content: Uint8Array; sha256: string }>;
}

/** An attachment smaller than this crosses back as its base64 text: decoding it costs less than a megabyte copy. */
const PREDECODE_FROM_CHARS = 64 * 1024;

/**
 * Large attachments of a submission, decoded from base64 and hashed here rather than on the hub's
 * thread (issue 18): their bytes go back in shared memory and their text is blanked in the value
 * (a 25 MiB attachment is 33 MB of text to copy back). One the hub would refuse (not base64) is
 * left as it is, for the pipeline to refuse in its usual order.
 */
function predecodeAttachments(value: unknown): DecodedInWorker['attachments'] {
  const list = (value as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(list)) return [];
  const out: DecodedInWorker['attachments'] = [];
  list.forEach((a: unknown, index) => {
    const text = (a as { contentBase64?: unknown } | null)?.contentBase64;
    if (typeof text !== 'string' || text.length < PREDECODE_FROM_CHARS) return;
    // The decoder may have decoded it already (the СЕВ ОВВ one hashes every file: mapAttachments).
    const known = rememberedContent(a as object);
    let bytes: Buffer;
    try {
      bytes = known?.content ?? decodeBase64(`/attachments/${index}/contentBase64`, text);
    } catch {
      return;
    }
    // decodeBase64 puts large contents in shared memory already: handed over as they are.
    let content: Uint8Array = bytes;
    if (!(bytes.buffer instanceof SharedArrayBuffer)) {
      content = new Uint8Array(new SharedArrayBuffer(bytes.length));
      content.set(bytes);
    }
    out.push({ index, content, sha256: known?.sha256 ?? createHash('sha256').update(bytes).digest('hex') });
    (a as { contentBase64: string }).contentBase64 = '';
  });
  return out;
}
