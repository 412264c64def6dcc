/**
 * Byte-level conventions of DSTU 4145-2002 as used in Ukrainian PKI.
 *
 * The standard (§5) writes field elements and integers as bit strings with the least
 * significant bit first; the "little-endian" algorithm OID 1.2.804.2.1.1.1.1.3.1.1 stores
 * them as little-endian octet strings, the "big-endian" OID …3.1.1.1.1 as the byte-reversed
 * form. Reversal applies to the whole value: a signature r‖s in LE order is s‖r in BE order.
 */
import { BinaryField } from './binaryField';

export function bytesToBigIntBE(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  return BigInt('0x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex'));
}

export function bytesToBigIntLE(bytes: Uint8Array): bigint {
  return bytesToBigIntBE(Uint8Array.from(bytes).reverse());
}

export function bigIntToBytesBE(v: bigint, length: number): Uint8Array {
  if (v < 0n) throw new RangeError('negative value');
  const hex = v.toString(16);
  if (hex.length > length * 2) throw new RangeError(`value does not fit in ${length} bytes`);
  return Uint8Array.from(Buffer.from(hex.padStart(length * 2, '0'), 'hex'));
}

export function bigIntToBytesLE(v: bigint, length: number): Uint8Array {
  return bigIntToBytesBE(v, length).reverse();
}

export function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/**
 * Hash value → element h of the base field (§5.9 of the standard): the digest octets are
 * read as a little-endian integer (GOST 34.311 output is little-endian by convention, in
 * both the LE and the BE algorithm variants), cut down to the m low-order bits, and a zero
 * result is replaced by 1. This matches UAPKI (the state-certified library) and bee2; for
 * the usual curves (M257 and up) the 256-bit GOST digest is never cut at all.
 */
export function hashToFieldElement(field: BinaryField, hash: Uint8Array): bigint {
  const h = BigInt.asUintN(field.m, bytesToBigIntLE(hash));
  return h === 0n ? 1n : h;
}

/**
 * Signature octets → (r, s) (§5.10). The signature is an octet string of even length L_D/8
 * whose first half is r and second half s, both little-endian (LE variant); the BE variant
 * is the same string byte-reversed. Range checks are the caller's job.
 */
export function splitSignature(signature: Uint8Array, littleEndian: boolean): { r: bigint; s: bigint } | undefined {
  if (signature.length === 0 || signature.length % 2 !== 0) return undefined;
  const le = littleEndian ? signature : Uint8Array.from(signature).reverse();
  const half = le.length / 2;
  return { r: bytesToBigIntLE(le.subarray(0, half)), s: bytesToBigIntLE(le.subarray(half)) };
}

/**
 * Certificates (and some CMS producers) carry the signature as a DER OCTET STRING holding
 * r‖s, inside the BIT STRING / OCTET STRING of the outer structure. Returns the inner
 * octets if `signature` is exactly one such OCTET STRING, otherwise undefined.
 */
export function unwrapOctetString(signature: Uint8Array): Uint8Array | undefined {
  if (signature.length < 2 || signature[0] !== 0x04) return undefined;
  let length = signature[1]!;
  let pos = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 2 || signature.length < 2 + count) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + signature[pos++]!;
  }
  return pos + length === signature.length ? signature.subarray(pos) : undefined;
}
