import { createHash } from 'node:crypto';
import { HubError } from '../errors';
import type { Attachment } from '../schemas';
import type { NewAttachment } from '../store/documents';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** From this much base64 text on, the bytes are decoded straight into shared memory (see decodeBase64). */
const SHARED_FROM_CHARS = 64 * 1024;

/**
 * Strict base64 (RFC 4648 §4, white space between allowed) → bytes, else INVALID_BASE64 naming the
 * field. Large contents are decoded into a SharedArrayBuffer, which a worker thread hands to the
 * hub's thread as it is (src/workers/jobs/decode.ts): no second copy of a 25 MiB file (issue 18).
 */
export function decodeBase64(field: string, value: string): Buffer {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw HubError.of('INVALID_BASE64', { field });
  if (compact.length < SHARED_FROM_CHARS) return Buffer.from(compact, 'base64');
  const size = (compact.length / 4) * 3 - (compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0);
  const bytes = Buffer.from(new SharedArrayBuffer(size));
  const written = bytes.write(compact, 'base64');
  if (written !== size) throw new Error(`base64 of ${size} bytes decoded to ${written}`);
  return bytes;
}

/**
 * A body as the request it stands for (an Idempotency-Key's digest, src/api/idempotency.ts): each
 * attachment's content named by the SHA-256 of its bytes, whether a worker thread decoded it (its
 * text did not come back: src/workers decodeInput) or it came as text here, so the digest is the
 * same wherever the body was parsed. The digests go beside the body (`files`, one per attachment,
 * '-' for text that is not base64, which stays in the body), where no field a client sends can
 * stand for them.
 */
export function requestContent(body: unknown): { body: unknown; files: string[] } {
  const list = (body as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(list)) return { body, files: [] };
  const files: string[] = [];
  const attachments = list.map((a: unknown) => {
    const text = (a as { contentBase64?: unknown } | null)?.contentBase64;
    const known = typeof a === 'object' && a !== null ? predecoded.get(a) : undefined;
    let sha256 = known?.sha256;
    if (!sha256 && typeof text === 'string') {
      try {
        sha256 = createHash('sha256').update(decodeBase64('', text)).digest('hex');
      } catch {
        sha256 = undefined;
      }
    }
    files.push(sha256 ?? '-');
    if (!sha256) return a;
    const { contentBase64: _text, ...rest } = a as { contentBase64?: unknown };
    return rest;
  });
  return { body: { ...(body as object), attachments }, files };
}

/**
 * Attachments a worker thread has already decoded (src/workers decodeInput): the bytes in shared
 * memory and their SHA-256, keyed by the attachment object, whose base64 text the worker did not
 * send back. Decoding 25 MiB of base64 and hashing it took over 0.5 s on the hub's thread, once
 * for the signature step and once for registration (issue 18, `npm run bench -- sev-ovv`).
 */
const predecoded = new WeakMap<object, { content: Buffer; sha256: string }>();

/** For src/workers: these bytes are this attachment's content, decoded from its base64 by decodeBase64. */
export function rememberDecoded(attachment: object, content: Buffer, sha256: string): void {
  predecoded.set(attachment, { content, sha256 });
}

/** What rememberDecoded was told of this attachment, if anything. */
export function rememberedContent(attachment: object): { content: Buffer; sha256: string } | undefined {
  return predecoded.get(attachment);
}

/** An attachment's bytes: as a worker decoded them, else decoded here (INVALID_BASE64 if they are not base64). */
export function attachmentContent(a: Attachment, i: number): Buffer {
  return predecoded.get(a)?.content ?? decodeBase64(`/attachments/${i}/contentBase64`, a.contentBase64);
}

/** Decodes every attachment and checks it against the SHA-256 the sender declared. */
export function decodeAttachments(list: Attachment[] | undefined): NewAttachment[] {
  return (list ?? []).map((a, i) => {
    const content = attachmentContent(a, i);
    const actual = predecoded.get(a)?.sha256 ?? createHash('sha256').update(content).digest('hex');
    if (actual !== a.sha256) {
      throw HubError.of('ATTACHMENT_HASH_MISMATCH', { attachment: a.name, declared: a.sha256, actual });
    }
    return { name: a.name, mediaType: a.mediaType ?? 'application/octet-stream', sha256: actual, content };
  });
}
