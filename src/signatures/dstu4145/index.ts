/**
 * DSTU 4145-2002 signature verification — Ukraine's elliptic-curve signature over GF(2^m),
 * polynomial basis, as used with GOST 34.311-95 in qualified certificates and CAdES.
 *
 * Implemented from the standard (ДСТУ 4145-2002 "Інформаційні технології. Криптографічний
 * захист інформації. Цифровий підпис, що ґрунтується на еліптичних кривих"):
 *   §5.9   hash → base-field element h (little-endian, low m bits, 0 → 1)   encoding.ts
 *   §5.10  signature = r‖s, each half L_D/16 octets                         encoding.ts
 *   §6     mathematical algorithms: GF(2^m) arithmetic, trace, half-trace,
 *          z^2 + z = w, point compression and recovery                     binaryField.ts, pointCompression.ts
 *          curve y^2 + xy = x^3 + Ax^2 + B and its group law                ellipticCurve.ts, scalarMultiplication.ts
 *   general-parameter checks: A ∈ {0,1}, B ≠ 0, P on the curve, n·P = O     ellipticCurve.ts, publicKey.ts
 *   signature verification: 0 < r, s < n; R = sP + rQ; R ≠ O;
 *          r' = h·x(R) cut to bitlen(n) − 1 bits; accept iff r' = r          verify.ts
 * (Clause numbers 5.9, 5.10 and chapter 6 are as cited by independent implementations —
 * bee2 cites 5.9, 5.10, 6.3, 6.4; finer sub-clauses were not checked against the text and
 * are named by subject instead.)
 * Named curves M163…M431 (OIDs 1.2.804.2.1.1.1.1.3.1.1.2.0–9) are in namedCurves.ts; key and
 * parameter ASN.1 (DSTU4145Params / DSTU4145ECBinary, LE and BE variants) in publicKey.ts.
 *
 * Typical use (CMS SignerInfo with signed attributes):
 *   const pub = parseDstu4145PublicKey(signerCertSpkiDer);
 *   const ok = verifyDstu4145(pub, gost34311(signedAttrsDerAsSet), signerInfo.signature);
 * For a certificate: hash the TBSCertificate DER; the BIT STRING content (an OCTET STRING
 * around r‖s) can be passed as the signature directly.
 *
 * Scope: verification only (no signing, no private keys), variable-time arithmetic on
 * public data; optimal-normal-basis curves and DSTU 7564 (Kupyna) hashes are not supported.
 *
 * Speed: GF(2^m) elements are 32-bit words (a 4-bit comb for multiplication, byte tables for
 * squaring, word-wise trinomial/pentanomial reduction, all unrolled for M257); points are
 * López–Dahab projective; u·P + v·Q is one interleaved wNAF chain with a 64-point table cached
 * for the base point. GOST 34.311 runs on words with 8-bit S-box × rotation tables and streams.
 * Both are checked against the implementations they replaced (test/signatures/dstu4145).
 */
export { parseDstu4145PublicKey } from './publicKey';
export type { Dstu4145PublicKey } from './publicKey';
export { verifyDstu4145, verifyComponents } from './verify';
export type { VerifyOptions } from './verify';
export { gost34311, Gost34311, DEFAULT_DKE, GOST34311_DIGEST_LENGTH } from './gost34311';
export { DSTU4145_OIDS, byteOrderOfAlgorithm } from './oids';
export { NAMED_CURVES } from './namedCurves';
export { isOnCurve } from './ellipticCurve';
export { multiply } from './scalarMultiplication';
export type { Dstu4145Curve, AffinePoint, CurvePoint } from './ellipticCurve';
export { compressPoint, decompressPoint } from './pointCompression';
