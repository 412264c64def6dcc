import { createHash } from 'node:crypto';
import { sevOvvError } from './errors';
import { decodeBase64, rememberDecoded } from '../../src/pipeline/attachments';
import type { Attachment } from '../../src/schemas';
import type { SevDocTransfer } from './message';

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  rtf: 'application/rtf',
  txt: 'text/plain',
  xml: 'application/xml',
  htm: 'text/html',
  html: 'text/html',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  zip: 'application/zip',
  '7z': 'application/x-7z-compressed',
  rar: 'application/vnd.rar',
  p7s: 'application/pkcs7-signature',
  p7m: 'application/pkcs7-mime',
  asice: 'application/vnd.etsi.asic-e+zip',
  asics: 'application/vnd.etsi.asic-s+zip',
};

const MAX_NAME = 255;

function extensionOf(name: string): string | undefined {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m?.[1]?.toLowerCase();
}

/**
 * DocTransfer@description is the file name and @type its type, usually the extension ("Test" +
 * "txt" in ДС11). Path separators and control characters are replaced, so a name can never
 * point outside a folder it is saved to.
 */
export function fileNameOf(t: SevDocTransfer): string {
  let name = t.description.replace(/[\\/\u0000-\u001f\u007f]/g, '_').trim();
  if (!name || /^\.+$/.test(name)) name = `attachment-${t.idnumber}`;
  const type = t.type.trim().toLowerCase().replace(/^\./, '');
  if (/^[a-z0-9]{1,10}$/.test(type) && extensionOf(name) !== type) name = `${name}.${type}`;
  if (name.length > MAX_NAME) {
    const ext = extensionOf(name);
    const tail = ext ? `.${ext}` : '';
    name = name.slice(0, MAX_NAME - tail.length) + tail;
  }
  return name;
}

/**
 * Own keys only: a DocTransfer@type of "__proto__" or "constructor" found Object.prototype's members
 * and made the media type an object or a function (issue 14, fuzzing).
 */
function knownMediaType(ext: string | undefined): string | undefined {
  return ext !== undefined && Object.hasOwn(MEDIA_TYPES, ext) ? MEDIA_TYPES[ext] : undefined;
}

function mediaTypeOf(t: SevDocTransfer, name: string): string {
  const type = knownMediaType(t.type.trim().toLowerCase().replace(/^\./, '')) ?? knownMediaType(extensionOf(name)) ?? 'application/octet-stream';
  return type === 'text/plain' && t.charSet && /^[A-Za-z0-9._-]{1,40}$/.test(t.charSet) ? `${type}; charset=${t.charSet}` : type;
}

function uniqueName(name: string, idnumber: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  const ext = extensionOf(name);
  const base = ext ? name.slice(0, -(ext.length + 1)) : name;
  return `${base} (${idnumber})${ext ? `.${ext}` : ''}`;
}

/** Decoded size of base64 text without decoding it, to refuse an oversized file cheaply. */
function decodedSize(compact: string): number {
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  return Math.floor((compact.length * 3) / 4) - padding;
}

export interface MappedAttachments {
  attachments: Attachment[];
  /** DocTransfer@idnumber → attachment name, for the signatures that cover them. */
  nameById: Map<string, string>;
}

/**
 * Every DocTransfer → a canonical attachment with the SHA-256 of its decoded content computed
 * here (the 1207 format carries none). Not base64 → INVALID_BASE64 naming the element; larger
 * than SEV_OVV_MAX_ATTACHMENT_BYTES → SEV_OVV_ATTACHMENT_TOO_LARGE.
 */
export function mapAttachments(transfers: SevDocTransfer[], maxBytes: number): MappedAttachments {
  const attachments: Attachment[] = [];
  const nameById = new Map<string, string>();
  const taken = new Set<string>();
  for (const t of transfers) {
    const name = uniqueName(fileNameOf(t), t.idnumber, taken);
    taken.add(name);
    const compact = t.base64.replace(/\s+/g, '');
    const size = decodedSize(compact);
    if (size > maxBytes) {
      throw sevOvvError('SEV_OVV_ATTACHMENT_TOO_LARGE', { attachment: name, path: t.path, size, maxBytes });
    }
    const content = decodeBase64(t.path, compact);
    const attachment: Attachment = {
      name,
      mediaType: mediaTypeOf(t, name),
      contentBase64: compact,
      sha256: createHash('sha256').update(content).digest('hex'),
    };
    // Decoded once: the worker hands these bytes on rather than decoding the text again (issue 18).
    rememberDecoded(attachment, content, attachment.sha256);
    attachments.push(attachment);
    nameById.set(t.idnumber, name);
  }
  return { attachments, nameById };
}
