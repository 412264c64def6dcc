import { Lru } from '../cache/lru';

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
  const tlv = readElement(bytes, offset, bytes.length, 0, depth);
  return { tlv, next: tlv.end };
}

/**
 * An element as offsets into the bytes it was read from; `raw` and `contents` are made when first
 * asked for. A signature has a hundred elements and most are only looked at for their tag or walked
 * through: two subarrays and a result object for each cost a seventh of an RSA verification
 * (--cpu-prof, issue 16).
 */
class Element implements Tlv {
  private rawView: Uint8Array | undefined;
  private contentsView: Uint8Array | undefined;

  constructor(
    readonly source: Uint8Array,
    readonly start: number,
    readonly contentStart: number,
    readonly contentEnd: number,
    /** Just after the element (after the end-of-contents octets of an indefinite length). */
    readonly end: number,
    readonly tagClass: number,
    readonly constructed: boolean,
    readonly tagNumber: number,
    readonly indefinite: boolean,
    readonly depth: number,
  ) {}

  get raw(): Uint8Array {
    return (this.rawView ??= this.source.subarray(this.start, this.end));
  }

  get contents(): Uint8Array {
    return (this.contentsView ??= this.source.subarray(this.contentStart, this.contentEnd));
  }
}

/**
 * Reads the element at `offset` of `bytes`, which must end by `limit` (its parent's contents end).
 * Offsets in messages count from `base`, the start of the parent's contents, as they always have.
 */
function readElement(bytes: Uint8Array, offset: number, limit: number, base: number, depth: number): Element {
  if (depth > MAX_DEPTH) throw new Asn1Error('ASN.1 nesting too deep');
  let pos = offset;
  if (pos >= limit) throw truncated(offset - base);
  const first = bytes[pos++] as number;
  const tagClass = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (pos >= limit) throw truncated(offset - base);
      const b = bytes[pos++] as number;
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
      if (i > 4) throw new Asn1Error('ASN.1 tag number too large');
    }
  }
  if (pos >= limit) throw truncated(offset - base);
  const lengthByte = bytes[pos++] as number;
  if (lengthByte === 0x80) {
    if (!constructed) throw new Asn1Error('indefinite length on a primitive element');
    const contentStart = pos;
    for (;;) {
      if (pos + 2 > limit) throw truncated(offset - base);
      if (bytes[pos] === 0 && bytes[pos + 1] === 0) break;
      pos = readElement(bytes, pos, limit, base, depth + 1).end;
    }
    return new Element(bytes, offset, contentStart, pos, pos + 2, tagClass, constructed, tagNumber, true, depth);
  }
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 4) throw new Asn1Error('ASN.1 length too large');
    if (pos + count > limit) throw truncated(offset - base);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[pos++] as number);
  }
  if (pos + length > limit) throw truncated(offset - base);
  return new Element(bytes, offset, pos, pos + length, pos + length, tagClass, constructed, tagNumber, false, depth);
}

function truncated(offset: number): Asn1Error {
  return new Asn1Error(`truncated ASN.1 element at offset ${offset}`);
}

/** Parses exactly one element spanning all of `bytes`. */
export function parseTlv(bytes: Uint8Array): Tlv {
  const { tlv, next } = readTlv(plainBytes(bytes), 0);
  if (next !== bytes.length) throw new Asn1Error(`${bytes.length - next} trailing bytes after ASN.1 element`);
  return tlv;
}

/**
 * The same bytes as a plain Uint8Array view (no copy). Every element's raw and contents are
 * subarrays of the input; on a Node Buffer each subarray goes through Buffer's own subarray and
 * makes a Buffer, which cost ~5 % of a whole RSA verification (--cpu-prof, issue 16).
 */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
  // Read in place from the bytes the parent was read from (no subarray of the parent's contents).
  const { source, contentStart, contentEnd } =
    tlv instanceof Element ? tlv : { source: tlv.contents, contentStart: 0, contentEnd: tlv.contents.length };
  let pos = contentStart;
  while (pos < contentEnd) {
    if (out.length === MAX_CHILDREN) throw new Asn1Error(`more than ${MAX_CHILDREN} ASN.1 elements in one`);
    const child = readElement(source, pos, contentEnd, contentStart, tlv.depth + 1);
    out.push(child);
    pos = child.end;
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
  if (!isUniversal(tlv, Tag.oid)) throw new Asn1Error('expected an OBJECT IDENTIFIER');
  // Read in place: a contents view per OID was a third of what reading one cost.
  const { source, contentStart: start, contentEnd: end } =
    tlv instanceof Element ? tlv : { source: tlv.contents, contentStart: 0, contentEnd: tlv.contents.length };
  const length = end - start;
  if (length === 0) throw new Asn1Error('expected an OBJECT IDENTIFIER');
  if (length > MAX_KEPT_OID_BYTES) return dottedOid(source.subarray(start, end));
  // The same few dozen OIDs come in every signature: each is given as the one string made the first
  // time. A string built afresh had to be flattened and hashed again by every table look-up and
  // comparison that used it (algorithm names, attribute types, eContentType), some 3 % of an RSA
  // verification (--cpu-prof, issue 16). The key is bytesKey(contents, MAX_KEPT_OID_BYTES).
  let key = length;
  for (let i = start; i < end; i++) key = (Math.imul(key, 31) + (source[i] as number)) | 0;
  key &= 0x3fffffff;
  const known = oidTexts.get(key);
  if (known && known.bytes.length === length) {
    let same = true;
    for (let i = 0; i < length && same; i++) same = known.bytes[i] === source[start + i];
    if (same) return known.text;
  }
  const c = source.subarray(start, end);
  const text = dottedOid(c);
  oidTexts.set(key, { bytes: Uint8Array.from(c), text }); // a rare clash of keys replaces the entry
  return text;
}

/** Real OIDs are under twenty octets; longer ones (hostile input) are decoded but not kept. */
const MAX_KEPT_OID_BYTES = 32;
const oidTexts = new Lru<number, { bytes: Uint8Array; text: string }>(1024);

function dottedOid(c: Uint8Array): string {
  let out = '';
  let value = 0;
  for (let i = 0; i < c.length; i++) {
    const b = c[i] as number;
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (out === '') {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        out = `${first}.${value - first * 40}`;
      } else out += `.${value}`;
      value = 0;
    }
  }
  return out;
}

/** INTEGER as unsigned big-endian hex without leading zero octets (certificate serials). */
export function integerHex(tlv: Tlv): string {
  if (!isUniversal(tlv, Tag.integer)) throw new Asn1Error('expected an INTEGER');
  let i = 0;
  while (i < tlv.contents.length - 1 && tlv.contents[i] === 0) i++;
  return view(tlv.contents.subarray(i)).toString('hex').toUpperCase();
}

/** A small INTEGER (versions) read as integerHex would, unsigned; past six octets MAX_SAFE_INTEGER. */
export function integerNumber(tlv: Tlv): number {
  if (!isUniversal(tlv, Tag.integer)) throw new Asn1Error('expected an INTEGER');
  const c = tlv.contents;
  let i = 0;
  while (i < c.length - 1 && c[i] === 0) i++;
  if (c.length - i > 6) return Number.MAX_SAFE_INTEGER;
  let value = 0;
  for (; i < c.length; i++) value = value * 256 + (c[i] as number);
  return value;
}

/** UTCTime / GeneralizedTime (RFC 5280 §4.1.2.5: UTCTime years 50–99 are 19xx). */
export function timeValue(tlv: Tlv): Date {
  const fast = commonTime(tlv);
  if (fast) return fast;
  const text = view(tlv.contents).toString('latin1');
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

/**
 * The forms CAs and signers use (RFC 5280 §4.1.2.5.1/.2: YYMMDDHHMMSSZ, YYYYMMDDHHMMSSZ) read from the
 * digits directly, as the patterns below would read them: a signature has a few and the regular
 * expressions cost a microsecond each. Anything else takes the general path.
 */
function commonTime(tlv: Tlv): Date | undefined {
  const c = tlv.contents;
  const utc = isUniversal(tlv, Tag.utcTime);
  const length = utc ? 13 : 15;
  if ((!utc && !isUniversal(tlv, Tag.generalizedTime)) || c.length !== length || c[length - 1] !== 0x5a) return undefined;
  for (let i = 0; i < length - 1; i++) if ((c[i] as number) < 0x30 || (c[i] as number) > 0x39) return undefined;
  let year: number;
  if (utc) {
    const yy = twoDigits(c, 0);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else year = twoDigits(c, 0) * 100 + twoDigits(c, 2);
  const at = utc ? 2 : 4;
  const month = twoDigits(c, at);
  const day = twoDigits(c, at + 2);
  const hour = twoDigits(c, at + 4);
  const minute = twoDigits(c, at + 6);
  const second = twoDigits(c, at + 8);
  // Date.UTC's arithmetic done here for the usual case (half of the time it took, issue 16); it
  // carries over out-of-range days, hours … the same way. Other months and years below 100 (which
  // Date.UTC reads as 19xx) go through Date.UTC itself.
  const ms =
    month >= 1 && month <= 12 && year >= 100
      ? (((daysFromCivil(year, month) + day - 1) * 24 + hour) * 60 + minute) * 60_000 + second * 1000
      : Date.UTC(year, month - 1, day, hour, minute, second, 0);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw new Asn1Error('invalid date');
  return date;
}

/** Days from 1970-01-01 to the first of the month (H. Hinnant's days_from_civil, proleptic Gregorian as Date.UTC). */
function daysFromCivil(year: number, month: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5);
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}

function twoDigits(c: Uint8Array, at: number): number {
  return ((c[at] as number) - 0x30) * 10 + ((c[at + 1] as number) - 0x30);
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

/** A Buffer over the same bytes, for its text decoders: no copy (the callers only read). */
function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The text of a string type used in names (UTF8, Printable, IA5, Teletex, BMP, Universal). */
export function stringValue(tlv: Tlv): string {
  const c = view(tlv.contents);
  switch (tlv.tagNumber) {
    case Tag.bmpString:
      // swap16 throws a RangeError on an odd length: malformed input, not a bug (issue 14, fuzzing).
      if (c.length % 2 !== 0) throw new Asn1Error('malformed BMPString: odd number of octets');
      return Buffer.from(c).swap16().toString('utf16le'); // a copy: swap16 works in place
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
  // From Node's buffer pool (under 4 KiB): a typed array of its own per signature meant a backing
  // store to allocate and free each time, a good part of the verifier's garbage collection (issue 16).
  const copy = Buffer.allocUnsafe(raw.length);
  copy.set(raw);
  copy[0] = 0x31;
  return copy;
}
