/**
 * A minimal strict DER reader — just enough for the DSTU 4145 key parameters, whose
 * CHOICE/DEFAULT shapes (DSTU4145Params, DSTU4145ECBinary) have no schema in the
 * @peculiar packages. Definite lengths only, low tag numbers only; anything else throws.
 */

export interface DerNode {
  /** The identifier octet as read (class bits | constructed bit | tag number). */
  tag: number;
  /** Whole TLV, as a view into the input. */
  der: Uint8Array;
  /** Value octets, as a view into the input. */
  value: Uint8Array;
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
  CONTEXT_0: 0xa0,
} as const;

/** Read one TLV at `offset`; returns it and the offset just past it. */
export function readTlv(bytes: Uint8Array, offset = 0): { node: DerNode; next: number } {
  if (offset + 2 > bytes.length) throw new Error('DER: truncated header');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: high tag numbers are not supported');
  let length = bytes[offset + 1]!;
  let pos = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) throw new Error('DER: indefinite length');
    if (count > 4) throw new Error('DER: length too large');
    length = 0;
    for (let i = 0; i < count; i++) {
      if (pos >= bytes.length) throw new Error('DER: truncated length');
      length = length * 256 + bytes[pos++]!;
    }
    if (length < 0x80 || (count > 1 && bytes[offset + 2] === 0)) throw new Error('DER: non-minimal length');
  }
  const end = pos + length;
  if (end > bytes.length) throw new Error('DER: value runs past the end');
  return { node: { tag, der: bytes.subarray(offset, end), value: bytes.subarray(pos, end) }, next: end };
}

/** Parse exactly one TLV that must span all of `bytes`. */
export function readSingle(bytes: Uint8Array, expectedTag?: number): DerNode {
  const { node, next } = readTlv(bytes, 0);
  if (next !== bytes.length) throw new Error('DER: trailing bytes');
  if (expectedTag !== undefined) expectTag(node, expectedTag);
  return node;
}

/** The children of a constructed node. */
export function children(node: DerNode): DerNode[] {
  if ((node.tag & 0x20) === 0) throw new Error('DER: not a constructed value');
  const out: DerNode[] = [];
  let offset = 0;
  while (offset < node.value.length) {
    const { node: child, next } = readTlv(node.value, offset);
    out.push(child);
    offset = next;
  }
  return out;
}

export function expectTag(node: DerNode, tag: number): DerNode {
  if (node.tag !== tag) {
    throw new Error(`DER: expected tag 0x${tag.toString(16)}, got 0x${node.tag.toString(16)}`);
  }
  return node;
}

/** Non-negative INTEGER as bigint (negative values are rejected: nothing here may be negative). */
export function readUnsignedInteger(node: DerNode): bigint {
  expectTag(node, TAG.INTEGER);
  const v = node.value;
  if (v.length === 0) throw new Error('DER: empty INTEGER');
  if (v[0]! & 0x80) throw new Error('DER: negative INTEGER');
  if (v.length > 1 && v[0] === 0 && (v[1]! & 0x80) === 0) throw new Error('DER: non-minimal INTEGER');
  let n = 0n;
  for (const byte of v) n = (n << 8n) | BigInt(byte);
  return n;
}

/** A small INTEGER (field degrees, polynomial exponents) as a JS number. */
export function readSmallInteger(node: DerNode): number {
  const n = readUnsignedInteger(node);
  if (n > 0xffffn) throw new Error('DER: INTEGER out of range');
  return Number(n);
}

export function readOid(node: DerNode): string {
  expectTag(node, TAG.OID);
  const v = node.value;
  if (v.length === 0) throw new Error('DER: empty OID');
  const arcs: number[] = [];
  let acc = 0;
  for (let i = 0; i < v.length; i++) {
    const byte = v[i]!;
    if (acc === 0 && byte === 0x80) throw new Error('DER: non-minimal OID arc');
    acc = acc * 128 + (byte & 0x7f);
    if (acc > Number.MAX_SAFE_INTEGER) throw new Error('DER: OID arc too large');
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = acc < 40 ? 0 : acc < 80 ? 1 : 2;
        arcs.push(first, acc - first * 40);
      } else {
        arcs.push(acc);
      }
      acc = 0;
    } else if (i === v.length - 1) {
      throw new Error('DER: truncated OID');
    }
  }
  return arcs.join('.');
}

/** BIT STRING contents; only whole-octet strings occur in keys and signatures. */
export function readBitStringOctets(node: DerNode): Uint8Array {
  expectTag(node, TAG.BIT_STRING);
  if (node.value.length === 0) throw new Error('DER: empty BIT STRING');
  if (node.value[0] !== 0) throw new Error('DER: BIT STRING with unused bits');
  return node.value.subarray(1);
}
