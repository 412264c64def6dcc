/**
 * A minimal BER/DER TLV reader (ITU-T X.690). It keeps the exact bytes of every element,
 * which signature checks need: RFC 5652 §5.4 signs the DER of the signed attributes as they were
 * sent, ETSI EN 319 122-1 §5.2.2.3 hashes the signing certificate as it was encoded.
 * Semantic parsing of certificates, CRLs and TSTInfo is left to @peculiar/asn1-*.
 */
export class Asn1Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Asn1Error';
  }
}

export const TagClass = { universal: 0, application: 1, context: 2, private: 3 } as const;

/** Universal tag numbers used in this module (X.680 §8.4). */
export const Tag = {
  boolean: 1,
  integer: 2,
  bitString: 3,
  octetString: 4,
  null: 5,
  oid: 6,
  utf8String: 12,
  sequence: 16,
  set: 17,
  printableString: 19,
  teletexString: 20,
  ia5String: 22,
  utcTime: 23,
  generalizedTime: 24,
  universalString: 28,
  bmpString: 30,
} as const;

export interface Tlv {
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  tagClass: number;
  constructed: boolean;
  tagNumber: number;
  /** The whole element: identifier, length and contents (and end-of-contents for indefinite length). */
  raw: Uint8Array;
  /** The contents octets only (for indefinite length: without the end-of-contents octets). */
  contents: Uint8Array;
  indefinite: boolean;
  /**
   * Nesting level (0 for the outermost element). children() reads one level deeper, so every walk
   * over the tree (octetStringValue, names, attributes …) stops at MAX_DEPTH with an Asn1Error
   * instead of overflowing the stack on thousands of definite-length SEQUENCEs (issue 14, fuzzing).
   */
  depth: number;
}

export const MAX_DEPTH = 64;

/** Reads one element at `offset`; returns it and the offset just after it. */
export function readTlv(bytes: Uint8Array, offset = 0, depth = 0): { tlv: Tlv; next: number } {
  if (depth > MAX_DEPTH) throw new Asn1Error('ASN.1 nesting too deep');
  const end = bytes.length;
  let pos = offset;
  if (pos >= end) throw truncated(offset);
  const first = bytes[pos++] as number;
  const tagClass = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (pos >= end) throw truncated(offset);
      const b = bytes[pos++] as number;
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
      if (i > 4) throw new Asn1Error('ASN.1 tag number too large');
    }
  }
  if (pos >= end) throw truncated(offset);
  const lengthByte = bytes[pos++] as number;
  if (lengthByte === 0x80) {
    if (!constructed) throw new Asn1Error('indefinite length on a primitive element');
    const contentStart = pos;
    for (;;) {
      if (pos + 2 > end) throw truncated(offset);
      if (bytes[pos] === 0 && bytes[pos + 1] === 0) break;
      pos = readTlv(bytes, pos, depth + 1).next;
    }
    const contentEnd = pos;
    pos += 2;
    return {
      tlv: {
        tagClass,
        constructed,
        tagNumber,
        raw: bytes.subarray(offset, pos),
        contents: bytes.subarray(contentStart, contentEnd),
        indefinite: true,
        depth,
      },
      next: pos,
    };
  }
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 4) throw new Asn1Error('ASN.1 length too large');
    if (pos + count > end) throw truncated(offset);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[pos++] as number);
  }
  if (pos + length > end) throw truncated(offset);
  const contents = bytes.subarray(pos, pos + length);
  pos += length;
  return {
    tlv: { tagClass, constructed, tagNumber, raw: bytes.subarray(offset, pos), contents, indefinite: false, depth },
    next: pos,
  };
}

function truncated(offset: number): Asn1Error {
  return new Asn1Error(`truncated ASN.1 element at offset ${offset}`);
}

/** Parses exactly one element spanning all of `bytes`. */
export function parseTlv(bytes: Uint8Array): Tlv {
  const { tlv, next } = readTlv(bytes, 0);
  if (next !== bytes.length) throw new Asn1Error(`${bytes.length - next} trailing bytes after ASN.1 element`);
  return tlv;
}

/** The child elements of a constructed element. */
/**
 * The most elements one constructed element of a signature container may hold. A real CMS holds a
 * few dozen (certificates, attributes, signers); 20 MB of ten million two-byte elements drove the
 * hub to 3 GB and a 13-second stall (issue 14), so more is refused before they are read.
 */
export const MAX_CHILDREN = 10_000;

export function children(tlv: Tlv): Tlv[] {
  if (!tlv.constructed) throw new Asn1Error('expected a constructed ASN.1 element');
  const out: Tlv[] = [];
  let pos = 0;
  while (pos < tlv.contents.length) {
    if (out.length === MAX_CHILDREN) throw new Asn1Error(`more than ${MAX_CHILDREN} ASN.1 elements in one`);
    const { tlv: child, next } = readTlv(tlv.contents, pos, tlv.depth + 1);
    out.push(child);
    pos = next;
  }
  return out;
}

export function isUniversal(tlv: Tlv, tagNumber: number): boolean {
  return tlv.tagClass === TagClass.universal && tlv.tagNumber === tagNumber;
}

export function isContext(tlv: Tlv, tagNumber: number): boolean {
  return tlv.tagClass === TagClass.context && tlv.tagNumber === tagNumber;
}

export function expectUniversal(tlv: Tlv | undefined, tagNumber: number, what: string): Tlv {
  if (!tlv || !isUniversal(tlv, tagNumber)) throw new Asn1Error(`${what}: unexpected ASN.1 element`);
  return tlv;
}

/** OCTET STRING contents, joining the segments of a constructed (BER) OCTET STRING. */
export function octetStringValue(tlv: Tlv): Uint8Array {
  if (!tlv.constructed) return tlv.contents;
  const parts = children(tlv).map(octetStringValue);
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** BIT STRING contents without the unused-bits octet (signatures and keys use whole octets). */
export function bitStringBytes(tlv: Tlv): Uint8Array {
  if (tlv.constructed || tlv.contents.length === 0) throw new Asn1Error('malformed BIT STRING');
  return tlv.contents.subarray(1);
}

/** Dotted OBJECT IDENTIFIER (X.690 §8.19). */
export function oidValue(tlv: Tlv): string {
  if (!isUniversal(tlv, Tag.oid) || tlv.contents.length === 0) throw new Asn1Error('expected an OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let value = 0;
  for (const b of tlv.contents) {
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        arcs.push(first, value - first * 40);
      } else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

/** INTEGER as unsigned big-endian hex without leading zero octets (certificate serials). */
export function integerHex(tlv: Tlv): string {
  if (!isUniversal(tlv, Tag.integer)) throw new Asn1Error('expected an INTEGER');
  let i = 0;
  while (i < tlv.contents.length - 1 && tlv.contents[i] === 0) i++;
  return Buffer.from(tlv.contents.subarray(i)).toString('hex').toUpperCase();
}

export function integerNumber(tlv: Tlv): number {
  const hex = integerHex(tlv);
  return hex.length > 12 ? Number.MAX_SAFE_INTEGER : parseInt(hex || '0', 16);
}

/** UTCTime / GeneralizedTime (RFC 5280 §4.1.2.5: UTCTime years 50–99 are 19xx). */
export function timeValue(tlv: Tlv): Date {
  const text = Buffer.from(tlv.contents).toString('latin1');
  let m: RegExpMatchArray | null;
  if (isUniversal(tlv, Tag.utcTime)) {
    m = text.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/);
    if (!m) throw new Asn1Error(`malformed UTCTime ${text}`);
    const yy = Number(m[1]);
    const year = yy >= 50 ? 1900 + yy : 2000 + yy;
    return buildDate(year, m[2], m[3], m[4], m[5], m[6] ?? '00', undefined, m[7] as string);
  }
  if (isUniversal(tlv, Tag.generalizedTime)) {
    m = text.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/);
    if (!m) throw new Asn1Error(`malformed GeneralizedTime ${text}`);
    return buildDate(Number(m[1]), m[2], m[3], m[4], m[5], m[6] ?? '00', m[7], m[8] ?? 'Z');
  }
  throw new Asn1Error('expected a time');
}

function buildDate(
  year: number,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string,
  fraction: string | undefined,
  zone: string,
): Date {
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  let t = Date.UTC(year, Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  }
  const date = new Date(t);
  if (Number.isNaN(date.getTime())) throw new Asn1Error('invalid date');
  return date;
}

/** The text of a string type used in names (UTF8, Printable, IA5, Teletex, BMP, Universal). */
export function stringValue(tlv: Tlv): string {
  const c = Buffer.from(tlv.contents);
  switch (tlv.tagNumber) {
    case Tag.bmpString:
      // swap16 throws a RangeError on an odd length: malformed input, not a bug (issue 14, fuzzing).
      if (c.length % 2 !== 0) throw new Asn1Error('malformed BMPString: odd number of octets');
      return c.swap16().toString('utf16le');
    case Tag.universalString: {
      let s = '';
      for (let i = 0; i + 3 < c.length; i += 4) {
        const cp = c.readUInt32BE(i);
        // String.fromCodePoint throws a RangeError past U+10FFFF: malformed input, not a bug (issue 14, fuzzing).
        if (cp > 0x10ffff) throw new Asn1Error(`malformed UniversalString: U+${cp.toString(16).toUpperCase()} is not a character`);
        s += String.fromCodePoint(cp);
      }
      return s;
    }
    case Tag.teletexString:
      // T.61 in theory; Ukrainian CAs put UTF-8 or Latin-1 here in practice.
      return looksUtf8(c) ? c.toString('utf8') : c.toString('latin1');
    default:
      return c.toString('utf8');
  }
}

function looksUtf8(buf: Buffer): boolean {
  return !buf.toString('utf8').includes('\uFFFD');
}

/** Re-tags the [0] IMPLICIT signed attributes as the SET OF they are signed as (RFC 5652 §5.4). */
export function asExplicitSet(raw: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(raw);
  copy[0] = 0x31;
  return copy;
}
