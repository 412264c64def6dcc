/**
 * The DSTU 4145 arithmetic as it was before the word-level rewrite (bigint field elements,
 * bigint López–Dahab formulas, interleaved wNAF), kept only as a test oracle and as the
 * bench's "old implementation" baseline. Not used at runtime. GOST 34.311 of that version was
 * the `gost89` package, which the tests and the bench load directly.
 */
import type { AffinePoint, CurvePoint, Dstu4145Curve } from '../../../src/signatures/dstu4145/ellipticCurve';
import { bitLength } from '../../../src/signatures/dstu4145/encoding';

/** A curve over the legacy field (same parameters as a Dstu4145Curve). */
export interface LegacyCurve {
  name: string;
  field: LegacyBinaryField;
  a: bigint;
  b: bigint;
  n: bigint;
  base: AffinePoint;
}

const legacyCurves = new WeakMap<Dstu4145Curve, LegacyCurve>();

export function legacyCurve(curve: Dstu4145Curve): LegacyCurve {
  let c = legacyCurves.get(curve);
  if (!c) {
    c = { name: curve.name, field: new LegacyBinaryField(curve.field.m, curve.field.middleExponents), a: curve.a, b: curve.b, n: curve.n, base: curve.base };
    legacyCurves.set(curve, c);
  }
  return c;
}

/** The old verification equation (verify.ts's verifyComponents without the on-curve check). */
export function legacyVerifyComponents(curve: LegacyCurve, q: AffinePoint, h: bigint, r: bigint, s: bigint): boolean {
  const n = curve.n;
  if (r <= 0n || r >= n || s <= 0n || s >= n) return false;
  const R = multiplyTwo(curve, s, curve.base, r, q);
  if (R === null) return false;
  const y = curve.field.mul(R.x, h);
  return BigInt.asUintN(bitLength(n) - 1, y) === r;
}

// ---------------------------------------------------------------- field (binaryField.ts before)

const HEX_VALUE = new Int8Array(128);
for (let d = 0; d < 16; d++) HEX_VALUE['0123456789abcdef'.charCodeAt(d)] = d;

// Squaring a polynomial over GF(2) just spreads its bits apart (coefficient i moves to
// 2i), so one hex digit becomes two: this table does it by string rewriting, which in
// V8 is several times faster than bit-twiddling a bigint.
const SPREAD_HEX_DIGIT: Record<string, string> = {};
for (let d = 0; d < 16; d++) {
  let spread = 0;
  for (let bit = 0; bit < 4; bit++) if ((d >> bit) & 1) spread |= 1 << (2 * bit);
  SPREAD_HEX_DIGIT[d.toString(16)] = spread.toString(16).padStart(2, '0');
}


export class LegacyBinaryField {
  /** Degree of the extension. */
  readonly m: number;
  /** Middle exponents of the reduction polynomial, e.g. [12] or [3, 6, 7]. */
  readonly middleExponents: readonly number[];
  /** The full reduction polynomial t^m + … + 1 as a bigint. */
  readonly modulus: bigint;

  private readonly mBig: bigint;
  private readonly shifts: bigint[];
  private readonly mulTable: bigint[] = new Array<bigint>(16).fill(0n);

  /** Only ever built for polynomials the new BinaryField has already validated. */
  constructor(m: number, middleExponents: readonly number[]) {
    const ks = [...middleExponents].sort((a, b) => a - b);
    this.m = m;
    this.middleExponents = ks;
    this.mBig = BigInt(m);
    this.shifts = ks.map(BigInt);
    this.modulus = ks.reduce((f, k) => f | (1n << BigInt(k)), (1n << this.mBig) | 1n);
  }

  /** True if v is a canonical element of this field. */
  isElement(v: bigint): boolean {
    return v >= 0n && v >> this.mBig === 0n;
  }

  /** Reduce any polynomial modulo the field polynomial. */
  reduce(c: bigint): bigint {
    // x^m ≡ x^k3 + x^k2 + x^k1 + 1, so the part above degree m folds back down, each pass
    // lowering the degree by m − k3; with the small k3 of the DSTU polynomials a product
    // of two elements needs two passes.
    for (;;) {
      const hi = c >> this.mBig;
      if (hi === 0n) return c;
      c = BigInt.asUintN(this.m, c) ^ hi;
      for (const k of this.shifts) c ^= hi << k;
    }
  }

  add(a: bigint, b: bigint): bigint {
    return a ^ b;
  }

  mul(a: bigint, b: bigint): bigint {
    if (a === 0n || b === 0n) return 0n;
    // Carry-less multiply with a 4-bit window: t[i] = a·i for every 4-bit polynomial i,
    // then walk b one hex digit at a time from the top (Horner in base t^4).
    const t = this.mulTable;
    t[1] = a;
    t[2] = a << 1n;
    t[3] = t[2] ^ a;
    t[4] = a << 2n;
    t[5] = t[4] ^ a;
    t[6] = t[4] ^ t[2];
    t[7] = t[6] ^ a;
    const a8 = a << 3n;
    for (let i = 8; i < 16; i++) t[i] = a8 ^ t[i - 8]!;
    const digits = b.toString(16);
    let r = 0n;
    for (let i = 0; i < digits.length; i++) r = (r << 4n) ^ t[HEX_VALUE[digits.charCodeAt(i)]!]!;
    return this.reduce(r);
  }

  sqr(a: bigint): bigint {
    if (a === 0n) return 0n;
    const digits = a.toString(16);
    let spread = '0x';
    for (let i = 0; i < digits.length; i++) spread += SPREAD_HEX_DIGIT[digits[i]!];
    return this.reduce(BigInt(spread));
  }

  /** a^(2^k): k successive squarings (the Frobenius map applied k times). */
  sqrTimes(a: bigint, k: number): bigint {
    for (let i = 0; i < k; i++) a = this.sqr(a);
    return a;
  }

  /**
   * Multiplicative inverse, a^(2^m − 2) = (a^(2^(m−1) − 1))^2, by the Itoh–Tsujii
   * addition chain: about m squarings and log2(m) multiplications.
   */
  inv(a: bigint): bigint {
    if (a === 0n) throw new RangeError('GF(2^m): inverse of zero');
    // beta(k) = a^(2^k − 1); beta(i + j) = beta(i)^(2^j) · beta(j).
    const e = this.m - 1;
    let beta = a; // beta(1)
    let k = 1;
    for (let bit = 31 - Math.clz32(e) - 1; bit >= 0; bit--) {
      beta = this.mul(this.sqrTimes(beta, k), beta); // beta(2k)
      k *= 2;
      if ((e >> bit) & 1) {
        beta = this.mul(this.sqr(beta), a); // beta(k + 1)
        k += 1;
      }
    }
    return this.sqr(beta);
  }

  div(a: bigint, b: bigint): bigint {
    return this.mul(a, this.inv(b));
  }

  /** Square root: the inverse Frobenius map, a^(2^(m−1)). Every element has exactly one. */
  sqrt(a: bigint): bigint {
    return this.sqrTimes(a, this.m - 1);
  }

  /**
   * Absolute trace Tr(a) = a + a^2 + … + a^(2^(m−1)). The old code took it from a mask built with
   * Newton's identities, as the new code still does; the oracle uses the definition instead.
   */
  trace(a: bigint): 0 | 1 {
    return this.traceBySquaring(a);
  }

  /** The definition of the trace, m − 1 squarings: slow, kept as the reference for tests. */
  traceBySquaring(a: bigint): 0 | 1 {
    let t = a;
    let acc = a;
    for (let i = 1; i < this.m; i++) {
      t = this.sqr(t);
      acc ^= t;
    }
    if (acc !== 0n && acc !== 1n) throw new Error('GF(2^m): trace not in GF(2) — bad modulus?');
    return Number(acc) as 0 | 1;
  }

  /**
   * Half-trace H(a) = Σ_{i=0}^{(m−1)/2} a^(4^i), defined for odd m (DSTU 4145 §6).
   * When Tr(a) = 0, z = H(a) solves z^2 + z = a.
   */
  halfTrace(a: bigint): bigint {
    if ((this.m & 1) === 0) throw new Error('GF(2^m): half-trace needs odd m');
    let t = a;
    let acc = a;
    for (let i = 1; i <= (this.m - 1) / 2; i++) {
      t = this.sqr(this.sqr(t));
      acc ^= t;
    }
    return acc;
  }

  /**
   * One root of z^2 + z = w, or undefined if there is none (exactly when Tr(w) = 1).
   * The other root is z + 1.
   */
  solveQuadratic(w: bigint): bigint | undefined {
    if (w === 0n) return 0n;
    if (this.trace(w) !== 0) return undefined;
    const z = this.halfTrace(w);
    // Cheap self-check: a wrong root here would silently yield a wrong public key.
    if ((this.sqr(z) ^ z) !== w) throw new Error('GF(2^m): half-trace failed — bad modulus?');
    return z;
  }
}

// ---------------------------------------------------------------- curve (ellipticCurve.ts before)

export function negate(curve: LegacyCurve, p: CurvePoint): CurvePoint {
  return p === null ? null : { x: p.x, y: p.x ^ p.y };
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

export function fromLd(curve: LegacyCurve, p: LdPoint): CurvePoint {
  if (p.Z === 0n) return null;
  const f = curve.field;
  const zInv = f.inv(p.Z);
  return { x: f.mul(p.X, zInv), y: f.mul(p.Y, f.sqr(zInv)) };
}

/** 2P in LD coordinates: 4M + 5S (Hankerson–Menezes–Vanstone, Guide to ECC §3.2.3). */
export function doubleLd(curve: LegacyCurve, p: LdPoint): LdPoint {
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
export function addMixed(curve: LegacyCurve, p: LdPoint, q: AffinePoint): LdPoint {
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

// ---------------------------------------------------------------- scalars (scalarMultiplication.ts before)

/** k·P for any integer k (double-and-add, left to right). */
export function multiply(curve: LegacyCurve, k: bigint, p: CurvePoint): CurvePoint {
  if (k < 0n) return multiply(curve, -k, negate(curve, p));
  if (k === 0n || p === null) return null;
  let acc = LD_INFINITY;
  const bits = k.toString(2);
  for (let i = 0; i < bits.length; i++) {
    acc = doubleLd(curve, acc);
    if (bits.charCodeAt(i) === 49 /* '1' */) acc = addMixed(curve, acc, p);
  }
  return fromLd(curve, acc);
}

const BASE_WINDOW = 6; // 16 cached odd multiples per curve
const KEY_WINDOW = 5; // 8 odd multiples per public key

const baseTables = new WeakMap<LegacyCurve, { point: AffinePoint; table: CurvePoint[] }>();
const pointTables = new WeakMap<AffinePoint, { x: bigint; y: bigint; table: CurvePoint[] }>();

/** u·P + v·Q (u, v ≥ 0). P = curve.base gets a cached larger table. */
export function multiplyTwo(curve: LegacyCurve, u: bigint, p: CurvePoint, v: bigint, q: CurvePoint): CurvePoint {
  if (u < 0n || v < 0n) throw new RangeError('multiplyTwo: negative scalar');
  if (p === null || u === 0n) return multiply(curve, v, q);
  if (q === null || v === 0n) return multiply(curve, u, p);
  const [wp, tp] = tableFor(curve, p);
  const [wq, tq] = tableFor(curve, q);
  const nafU = wnaf(u, wp);
  const nafV = wnaf(v, wq);
  let acc: LdPoint = LD_INFINITY;
  for (let i = Math.max(nafU.length, nafV.length) - 1; i >= 0; i--) {
    acc = doubleLd(curve, acc);
    acc = addDigit(curve, acc, nafU[i] ?? 0, tp);
    acc = addDigit(curve, acc, nafV[i] ?? 0, tq);
  }
  return fromLd(curve, acc);
}

function addDigit(curve: LegacyCurve, acc: LdPoint, digit: number, table: CurvePoint[]): LdPoint {
  if (digit === 0) return acc;
  const point = table[(Math.abs(digit) - 1) >> 1]!;
  if (point === null) return acc; // only for points of tiny order; harmless
  return addMixed(curve, acc, digit > 0 ? point : { x: point.x, y: point.x ^ point.y });
}

/**
 * Width-w non-adjacent form, least significant digit first: every non-zero digit is odd,
 * |digit| < 2^(w−1), and any w consecutive digits hold at most one non-zero.
 */
export function wnaf(k: bigint, w: number): Int8Array {
  const digits = new Int8Array(k.toString(2).length + 1);
  const modulus = 1n << BigInt(w);
  const half = 1 << (w - 1);
  let i = 0;
  while (k > 0n) {
    if (k & 1n) {
      let d = Number(k & (modulus - 1n));
      if (d >= half) d -= 1 << w;
      digits[i] = d;
      k -= BigInt(d);
    }
    k >>= 1n;
    i++;
  }
  return digits.subarray(0, i);
}

function tableFor(curve: LegacyCurve, p: AffinePoint): [number, CurvePoint[]] {
  if (p === curve.base || (p.x === curve.base.x && p.y === curve.base.y)) {
    let cached = baseTables.get(curve);
    if (!cached || cached.point.x !== p.x || cached.point.y !== p.y) {
      cached = { point: { ...p }, table: oddMultiples(curve, p, BASE_WINDOW) };
      baseTables.set(curve, cached);
    }
    return [BASE_WINDOW, cached.table];
  }
  // Keyed by the caller's point object: a parsed CA key verifying many certificates pays once.
  let cached = pointTables.get(p);
  if (!cached || cached.x !== p.x || cached.y !== p.y) {
    cached = { x: p.x, y: p.y, table: oddMultiples(curve, p, KEY_WINDOW) };
    pointTables.set(p, cached);
  }
  return [KEY_WINDOW, cached.table];
}

/** [P, 3P, 5P, …, (2^(w−1) − 1)P] in affine form, with two field inversions in all. */
function oddMultiples(curve: LegacyCurve, p: AffinePoint, w: number): CurvePoint[] {
  const count = 1 << (w - 2);
  const twice = fromLd(curve, doubleLd(curve, toLd(p)));
  if (twice === null) return [p, ...new Array<CurvePoint>(count - 1).fill(p)]; // order 2: odd multiples are all P
  const projective: LdPoint[] = [toLd(p)];
  for (let i = 1; i < count; i++) projective.push(addMixed(curve, projective[i - 1]!, twice));
  if (projective.some((pt) => pt.Z === 0n)) {
    // Tiny-order point: normalise one by one (never happens for valid keys).
    return projective.map((pt) => fromLd(curve, pt));
  }
  return normaliseAll(curve, projective);
}

/** LD → affine for many points with one inversion (Montgomery's simultaneous inversion). */
function normaliseAll(curve: LegacyCurve, points: LdPoint[]): AffinePoint[] {
  const f = curve.field;
  const prefix: bigint[] = [];
  let running = 1n;
  for (const pt of points) {
    running = f.mul(running, pt.Z);
    prefix.push(running);
  }
  let inv = f.inv(running);
  const out = new Array<AffinePoint>(points.length);
  for (let i = points.length - 1; i >= 0; i--) {
    const pt = points[i]!;
    const zInv = i === 0 ? inv : f.mul(inv, prefix[i - 1]!);
    inv = f.mul(inv, pt.Z);
    out[i] = { x: f.mul(pt.X, zInv), y: f.mul(pt.Y, f.sqr(zInv)) };
  }
  return out;
}

