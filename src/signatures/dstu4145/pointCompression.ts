/**
 * Point compression as DSTU 4145-2002 defines it (§6: "стиснення точки" and its inverse).
 *
 * A compressed point is one field element: x with its lowest bit replaced by Tr(y/x).
 * The lost bit of x is recoverable because every point of the prime-order subgroup has
 * Tr(x) = Tr(A); the y/x trace bit then picks one of the two solutions of the curve
 * equation divided by x^2:  z^2 + z = x + A + B/x^2,  y = z·x.
 */
import { AffinePoint, CurveEquation, CurvePoint } from './ellipticCurve';

export function compressPoint(curve: CurveEquation, p: AffinePoint): bigint {
  if (p.x === 0n) return 0n;
  const f = curve.field;
  const bit = BigInt(f.trace(f.div(p.y, p.x)));
  return (p.x & ~1n) | bit;
}

/**
 * Recover the point from its compressed form. Returns undefined if the value is not a
 * field element or no curve point has this x (the input is then not a valid key).
 */
export function decompressPoint(curve: CurveEquation, compressed: bigint): CurvePoint | undefined {
  const f = curve.field;
  if (!f.isElement(compressed)) return undefined;
  if (compressed === 0n) {
    // x = 0: the curve equation becomes y^2 = B. (This point has order 2, so it is never
    // a valid public key; it is decoded only so that the caller can reject it.)
    return { x: 0n, y: f.sqrt(curve.b) };
  }
  const yTraceBit = Number(compressed & 1n);
  let x = compressed & ~1n;
  if (f.trace(x) !== Number(curve.a)) x |= 1n;
  if (x === 0n) return undefined;
  const w = x ^ curve.a ^ f.mul(curve.b, f.inv(f.sqr(x)));
  let z = f.solveQuadratic(w);
  if (z === undefined) return undefined;
  if (f.trace(z) !== yTraceBit) z ^= 1n;
  return { x, y: f.mul(z, x) };
}
