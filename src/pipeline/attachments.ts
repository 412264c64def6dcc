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

/** Decodes every attachment and checks it against the SHA-256 the sender declared. */
export function decodeAttachments(list: Attachment[] | undefined): NewAttachment[] {
  return (list ?? []).map((a, i) => {
    const content = decodeBase64(`/attachments/${i}/contentBase64`, a.contentBase64);
    const actual = createHash('sha256').update(content).digest('hex');
    if (actual !== a.sha256) {
      throw HubError.of('ATTACHMENT_HASH_MISMATCH', { attachment: a.name, declared: a.sha256, actual });
    }
    return { name: a.name, mediaType: a.mediaType ?? 'application/octet-stream', sha256: actual, content };
  });
}
