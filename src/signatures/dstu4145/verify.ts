/**
 * DSTU 4145-2002 signature verification (the standard's "перевіряння цифрового підпису").
 *
 * Given public key Q (= −d·P), base point P of prime order n, hash element h and the
 * signature (r, s):
 *   1. reject unless 0 < r < n and 0 < s < n;
 *   2. R = s·P + r·Q; reject if R = O;
 *   3. y = R.x · h in GF(2^m);
 *   4. r' = y read as an integer and cut to bitlen(n) − 1 bits; accept iff r' = r.
 * (Signing computed r from e·P with s = e + d·r mod n, so s·P + r·Q = e·P.)
 */
import { Dstu4145Curve, isOnCurve } from './ellipticCurve';
import { multiplyTwo } from './scalarMultiplication';
import { bitLength, hashToFieldElement, splitSignature, unwrapOctetString } from './encoding';
import { Dstu4145PublicKey } from './publicKey';

export interface VerifyOptions {
  /**
   * Byte order of r‖s. It belongs to the *signature* algorithm (SignerInfo.signatureAlgorithm,
   * Certificate.signatureAlgorithm): pass `byteOrderOfAlgorithm(oid) === 'le'`. Defaults to
   * the key's algorithm, else LE (1.2.804.2.1.1.1.1.3.1.1, what Ukrainian CAs use).
   */
  littleEndian?: boolean;
}

/**
 * Verify a DSTU 4145 signature over a hash already computed by the caller (GOST 34.311
 * output as-is). `signature` is the raw r‖s; a DER OCTET STRING wrapping r‖s (the form
 * inside certificate signatures) is also accepted. Never throws on bad signatures.
 */
export function verifyDstu4145(
  pub: Dstu4145PublicKey,
  hash: Uint8Array,
  signature: Uint8Array,
  opts: VerifyOptions = {},
): boolean {
  const littleEndian = opts.littleEndian ?? pub.littleEndian ?? true;
  if (hash.length === 0) return false;
  // A raw r‖s can by chance look like a DER OCTET STRING header (about 1 in 65 536), so the
  // unwrapped reading is tried first and the raw one kept as fallback. Both readings are
  // verified in full: accepting either is as sound as accepting one.
  const inner = unwrapOctetString(signature);
  if (inner !== undefined && verifyRaw(pub, hash, inner, littleEndian)) return true;
  return verifyRaw(pub, hash, signature, littleEndian);
}

function verifyRaw(pub: Dstu4145PublicKey, hash: Uint8Array, signature: Uint8Array, littleEndian: boolean): boolean {
  const parts = splitSignature(signature, littleEndian);
  if (!parts) return false;
  return verifyComponents(pub.curve, pub.point, hashToFieldElement(pub.curve.field, hash), parts.r, parts.s);
}

/** The verification equation on already-decoded values. Exposed for tests and special encodings. */
export function verifyComponents(
  curve: Dstu4145Curve,
  q: { x: bigint; y: bigint },
  h: bigint,
  r: bigint,
  s: bigint,
): boolean {
  const n = curve.n;
  if (r <= 0n || r >= n || s <= 0n || s >= n) return false;
  // Keys from parseDstu4145PublicKey are on the curve by construction; hand-built ones may not be.
  if (!isOnCurve(curve, q)) return false;
  const R = multiplyTwo(curve, s, curve.base, r, q);
  if (R === null) return false;
  const y = curve.field.mul(R.x, h);
  const rPrime = BigInt.asUintN(bitLength(n) - 1, y);
  return rPrime === r;
}
