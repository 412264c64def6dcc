import { createHash } from 'node:crypto';
import { HubError } from '../errors';
import type { Attachment } from '../schemas';
import type { NewAttachment } from '../store/documents';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeBase64(field: string, value: string): Buffer {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw HubError.of('INVALID_BASE64', { field });
  return Buffer.from(compact, 'base64');
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
