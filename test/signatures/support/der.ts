/** A small DER encoder (X.690) for building test certificates, CRLs and CMS. Test code only. */
export function tlv(tag: number, content: Uint8Array): Buffer {
  const len = content.length;
  let header: number[];
  if (len < 0x80) header = [tag, len];
  else {
    const bytes: number[] = [];
    for (let n = len; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
    header = [tag, 0x80 | bytes.length, ...bytes];
  }
  return Buffer.concat([Buffer.from(header), Buffer.from(content)]);
}

export const seq = (...items: Uint8Array[]): Buffer => tlv(0x30, Buffer.concat(items));
/** SET OF in DER order (X.690 §11.6). */
export const setOf = (...items: Uint8Array[]): Buffer =>
  tlv(0x31, Buffer.concat([...items].map((i) => Buffer.from(i)).sort(Buffer.compare)));
export const octets = (b: Uint8Array): Buffer => tlv(0x04, b);
export const bitString = (b: Uint8Array): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), Buffer.from(b)]));
export const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
export const printable = (s: string): Buffer => tlv(0x13, Buffer.from(s, 'latin1'));
export const nul = (): Buffer => Buffer.from([0x05, 0x00]);
export const bool = (b: boolean): Buffer => Buffer.from([0x01, 0x01, b ? 0xff : 0x00]);
/** [n] EXPLICIT / constructed context tag. */
export const ctx = (n: number, ...items: Uint8Array[]): Buffer => tlv(0xa0 | n, Buffer.concat(items));
/** [n] IMPLICIT primitive context tag. */
export const ctxPrim = (n: number, content: Uint8Array): Buffer => tlv(0x80 | n, content);

export function int(value: number | bigint): Buffer {
  let v = BigInt(value);
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if ((bytes[0] as number) & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}

export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [(arcs[0] as number) * 40 + (arcs[1] as number)];
  for (const arc of arcs.slice(2)) {
    const part: number[] = [];
    let v = arc;
    do {
      part.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < part.length - 1; i++) part[i] = (part[i] as number) | 0x80;
    out.push(...part);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5). */
export function time(date: Date): Buffer {
  const iso = date.toISOString();
  const y = date.getUTCFullYear();
  const body = `${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return y >= 1950 && y < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2, 4)}${body}`)) : tlv(0x18, Buffer.from(`${y}${body}`));
}

export const algorithm = (dotted: string, params?: Uint8Array): Buffer => (params ? seq(oid(dotted), params) : seq(oid(dotted)));

/** Flips one bit of a copy (to tamper with a signature or an attribute). */
export function flipByte(buf: Uint8Array, index: number): Buffer {
  const copy = Buffer.from(buf);
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}
