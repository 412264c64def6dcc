/**
 * The DSTU 4145-2002 elliptic curve group: y^2 + xy = x^3 + A·x^2 + B over GF(2^m),
 * A ∈ {0, 1}, B ≠ 0 (a non-supersingular binary curve, DSTU 4145-2002 §6).
 *
 * Points are affine at the API; the group law is also given in López–Dahab projective
 * coordinates (x = X/Z, y = Y/Z^2), which scalarMultiplication.ts chains so that a whole
 * scalar multiplication needs one field inversion instead of one per group operation.
 */
import { BinaryField } from './binaryField';

/** An affine point; `null` is the point at infinity O. */
export interface AffinePoint {
  x: bigint;
  y: bigint;
}
export type CurvePoint = AffinePoint | null;

export interface Dstu4145Curve {
  /** 'M257' etc. for the named curves of the Ukrainian curve table, otherwise 'explicit'. */
  name: string;
  /** Named-curve OID (1.2.804.2.1.1.1.1.3.1.1.2.N), absent for explicit parameters. */
  oid?: string;
  field: BinaryField;
  /** Coefficient A, 0 or 1. */
  a: bigint;
  /** Coefficient B, a non-zero field element. */
  b: bigint;
  /** Prime order of the base point. */
  n: bigint;
  /** Base point P of order n. */
  base: AffinePoint;
}

/** The curve equation alone (what point decompression needs), without a base point. */
export type CurveEquation = Pick<Dstu4145Curve, 'field' | 'a' | 'b' | 'n'>;

export interface CurveParameters {
  m: number;
  /** Middle exponents of the field polynomial. */
  k: readonly number[];
  a: bigint;
  b: bigint;
  n: bigint;
}

/** Validate the parameters the standard constrains (A ∈ {0,1}, B ≠ 0, n odd prime) and build the field. */
export function makeCurveEquation(params: CurveParameters): CurveEquation {
  // The standard takes m prime; point decompression relies on m odd (Tr(1) = 1, half-trace).
  if (params.m % 2 === 0 || params.m < 3) throw new Error('DSTU 4145: field degree m must be odd');
  const field = new BinaryField(params.m, params.k);
  if (params.a !== 0n && params.a !== 1n) throw new Error('DSTU 4145: coefficient A must be 0 or 1');
  if (params.b === 0n || !field.isElement(params.b)) throw new Error('DSTU 4145: bad coefficient B');
  if (params.n < 3n || (params.n & 1n) === 0n) throw new Error('DSTU 4145: bad base point order');
  return { field, a: params.a, b: params.b, n: params.n };
}

/** Build a curve; the base point must lie on it (its order is checked by callers that need it). */
export function makeCurve(params: CurveParameters & { name: string; oid?: string; base: AffinePoint }): Dstu4145Curve {
  const curve: Dstu4145Curve = { name: params.name, ...makeCurveEquation(params), base: params.base };
  if (params.oid !== undefined) curve.oid = params.oid;
  if (!isOnCurve(curve, params.base)) throw new Error(`DSTU 4145: base point of ${params.name} is not on the curve`);
  return curve;
}

export function isOnCurve(curve: CurveEquation, p: CurvePoint): boolean {
  if (p === null) return true;
  const f = curve.field;
  if (!f.isElement(p.x) || !f.isElement(p.y)) return false;
  const x2 = f.sqr(p.x);
  const lhs = f.sqr(p.y) ^ f.mul(p.x, p.y);
  const rhs = f.mul(x2, p.x) ^ (curve.a === 1n ? x2 : 0n) ^ curve.b;
  return lhs === rhs;
}

export function negate(curve: Dstu4145Curve, p: CurvePoint): CurvePoint {
  return p === null ? null : { x: p.x, y: p.x ^ p.y };
}

export function pointsEqual(p: CurvePoint, q: CurvePoint): boolean {
  if (p === null || q === null) return p === q;
  return p.x === q.x && p.y === q.y;
}

// ---------------------------------------------------------------- affine reference formulas

/** P + Q in affine coordinates (one inversion). Used for small precomputations and in tests. */
export function addAffine(curve: Dstu4145Curve, p: CurvePoint, q: CurvePoint): CurvePoint {
  if (p === null) return q;
  if (q === null) return p;
  const f = curve.field;
  if (p.x === q.x) {
    // Same x: either Q = P (double) or Q = −P = (x, x + y).
    return p.y === q.y ? doubleAffine(curve, p) : null;
  }
  const lambda = f.div(p.y ^ q.y, p.x ^ q.x);
  const x3 = f.sqr(lambda) ^ lambda ^ p.x ^ q.x ^ curve.a;
  const y3 = f.mul(lambda, p.x ^ x3) ^ x3 ^ p.y;
  return { x: x3, y: y3 };
}

export function doubleAffine(curve: Dstu4145Curve, p: CurvePoint): CurvePoint {
  if (p === null || p.x === 0n) return null; // x = 0 marks the point of order 2
  const f = curve.field;
  const lambda = p.x ^ f.div(p.y, p.x);
  const x3 = f.sqr(lambda) ^ lambda ^ curve.a;
  const y3 = f.sqr(p.x) ^ f.mul(lambda ^ 1n, x3);
  return { x: x3, y: y3 };
}

// ---------------------------------------------------------------- López–Dahab coordinates

/** (X : Y : Z) with x = X/Z, y = Y/Z^2; Z = 0 is the point at infinity. */
export interface LdPoint {
  X: bigint;
  Y: bigint;
  Z: bigint;
}

export const LD_INFINITY: LdPoint = { X: 1n, Y: 0n, Z: 0n };

export function toLd(p: CurvePoint): LdPoint {
  return p === null ? LD_INFINITY : { X: p.x, Y: p.y, Z: 1n };
}

export function fromLd(curve: Dstu4145Curve, p: LdPoint): CurvePoint {
  if (p.Z === 0n) return null;
  const f = curve.field;
  const zInv = f.inv(p.Z);
  return { x: f.mul(p.X, zInv), y: f.mul(p.Y, f.sqr(zInv)) };
}

/** 2P in LD coordinates: 4M + 5S (Hankerson–Menezes–Vanstone, Guide to ECC §3.2.3). */
export function doubleLd(curve: Dstu4145Curve, p: LdPoint): LdPoint {
  if (p.Z === 0n) return p;
  const f = curve.field;
  const x2 = f.sqr(p.X);
  const z2 = f.sqr(p.Z);
  const Z3 = f.mul(x2, z2);
  if (Z3 === 0n) return LD_INFINITY; // x = 0: point of order 2
  const bz4 = f.mul(curve.b, f.sqr(z2));
  const X3 = f.sqr(x2) ^ bz4;
  const inner = (curve.a === 1n ? Z3 : 0n) ^ f.sqr(p.Y) ^ bz4;
  const Y3 = f.mul(bz4, Z3) ^ f.mul(X3, inner);
  return { X: X3, Y: Y3, Z: Z3 };
}

/**
 * P + Q with P in LD and Q affine ("mixed" addition): 8M + 5S. Derived from the affine
 * chord rule with B = X1 + Z1·x2, A = Y1 + Z1²·y2, C = Z1·B, λ = A/C:
 *   Z3 = C², X3 = A² + A·C + B²·(C + a·Z1²), Y3 = (A·C + Z3)(x2·Z3 + X3) + Z3²(x2 + y2).
 */
export function addMixed(curve: Dstu4145Curve, p: LdPoint, q: AffinePoint): LdPoint {
  if (p.Z === 0n) return toLd(q);
  const f = curve.field;
  const z1sq = f.sqr(p.Z);
  const B = p.X ^ f.mul(p.Z, q.x);
  const A = p.Y ^ f.mul(z1sq, q.y);
  if (B === 0n) {
    // Same x-coordinate: P = Q (double) or P = −Q (sum is O).
    return A === 0n ? doubleLd(curve, toLd(q)) : LD_INFINITY;
  }
  const C = f.mul(p.Z, B);
  const Z3 = f.sqr(C);
  const AC = f.mul(A, C);
  const X3 = f.mul(f.sqr(B), C ^ (curve.a === 1n ? z1sq : 0n)) ^ f.sqr(A) ^ AC;
  const Y3 = f.mul(AC ^ Z3, f.mul(q.x, Z3) ^ X3) ^ f.mul(f.sqr(Z3), q.x ^ q.y);
  return { X: X3, Y: Y3, Z: Z3 };
}
