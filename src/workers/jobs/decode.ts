import { createHash } from 'node:crypto';
import { registerConnectors } from '../../../connectors';
import { decodeBase64, rememberedContent } from '../../pipeline/attachments';
import { decode } from '../../pipeline/decoders';
import { MAX_JSON_DEPTH, parseJson } from '../../pipeline/strict-json';
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
  const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  if (env.format === 'json') {
    // The json decoder's parseJson, with each large file decoded straight from the body's bytes.
    const files: TakenFiles = new Map();
    const value = parseJson(bytes, MAX_JSON_DEPTH, (holder, key, range) => takeFile(bytes, holder, key, range, files));
    return { value, attachments: predecodeAttachments(value, files, bytes) };
  }
  const value = await decode({ ...rest, payload: bytes, receivedAt: new Date(receivedAtMs) });
  return { value, attachments: predecodeAttachments(value) };
}

/** Files takeFile decoded, by the object whose `contentBase64` they were, with where their text is in the body. */
type TakenFiles = Map<object, { content: Uint8Array; sha256: string; range: [number, number] }>;

/** Base64 text decoded per step from the body's bytes: a few megabytes of string at a time, never the file's whole text. */
const DECODE_STEP_CHARS = 4 * 1024 * 1024;

/**
 * A `contentBase64` string set aside by parseJson, decoded from the body's bytes into shared
 * memory and hashed, when it is strict base64 (its length a multiple of 4, `=` only as the last
 * one or two): a 25 MiB file's 33 MB text is never made a string (issue 18, peak memory). Where it
 * is not an attachment's after all, predecodeAttachments puts the text back.
 */
function takeFile(bytes: Buffer, holder: object, key: string, [from, to]: [number, number], files: TakenFiles): boolean {
  if (key !== 'contentBase64' || Array.isArray(holder)) return false;
  const length = to - from;
  const pad = bytes[to - 1] === 0x3d ? (bytes[to - 2] === 0x3d ? 2 : 1) : 0;
  // Within this string only: past it the body may be megabytes more, once per file.
  const firstPad = bytes.subarray(from, to).indexOf(0x3d);
  if (length % 4 !== 0 || (firstPad >= 0 && firstPad < length - pad)) return false;
  const content = Buffer.from(new SharedArrayBuffer((length / 4) * 3 - pad));
  let at = 0;
  for (let i = from; i < to; i += DECODE_STEP_CHARS) at += content.write(bytes.toString('latin1', i, Math.min(to, i + DECODE_STEP_CHARS)), at, 'base64');
  if (at !== content.length) return false;
  files.set(holder, { content, sha256: createHash('sha256').update(content).digest('hex'), range: [from, to] });
  return true;
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
function predecodeAttachments(value: unknown, taken: TakenFiles = new Map(), body?: Buffer): DecodedInWorker['attachments'] {
  const list = (value as { attachments?: unknown } | null)?.attachments;
  const out: DecodedInWorker['attachments'] = [];
  // A file decoded as parseJson set it aside (takeFile): an attachment's is handed over as it is;
  // a `contentBase64` anywhere else gets its text back, exactly as it was sent.
  const attachments = new Set(Array.isArray(list) ? list : []);
  for (const [holder, file] of taken) {
    if (!attachments.has(holder) && body) (holder as { contentBase64: string }).contentBase64 = body.toString('latin1', file.range[0], file.range[1]);
  }
  if (!Array.isArray(list)) return [];
  list.forEach((a: unknown, index) => {
    const file = typeof a === 'object' && a !== null ? taken.get(a) : undefined;
    if (file) {
      out.push({ index, content: file.content, sha256: file.sha256 });
      return;
    }
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
