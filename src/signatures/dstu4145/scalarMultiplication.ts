/**
 * Scalar multiplication on DSTU 4145 curves.
 *
 * `multiply` is plain double-and-add (simple, used for parameter checks and as the test
 * reference). `multiplyTwo` computes u·P + v·Q for verification with interleaved width-w
 * NAFs: one shared chain of doublings, and an addition only every ~w+1 bits per scalar,
 * taken from small tables of odd multiples (cached for base points and reused keys).
 */
import {
  addMixed,
  AffinePoint,
  CurvePoint,
  doubleAffine,
  doubleLd,
  Dstu4145Curve,
  fromLd,
  LD_INFINITY,
  LdPoint,
  negate,
  toLd,
} from './ellipticCurve';

/** k·P for any integer k (double-and-add, left to right). */
export function multiply(curve: Dstu4145Curve, k: bigint, p: CurvePoint): CurvePoint {
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

const baseTables = new WeakMap<Dstu4145Curve, { point: AffinePoint; table: CurvePoint[] }>();
const pointTables = new WeakMap<AffinePoint, { x: bigint; y: bigint; table: CurvePoint[] }>();

/** u·P + v·Q (u, v ≥ 0). P = curve.base gets a cached larger table. */
export function multiplyTwo(curve: Dstu4145Curve, u: bigint, p: CurvePoint, v: bigint, q: CurvePoint): CurvePoint {
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

function addDigit(curve: Dstu4145Curve, acc: LdPoint, digit: number, table: CurvePoint[]): LdPoint {
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

function tableFor(curve: Dstu4145Curve, p: AffinePoint): [number, CurvePoint[]] {
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
function oddMultiples(curve: Dstu4145Curve, p: AffinePoint, w: number): CurvePoint[] {
  const count = 1 << (w - 2);
  const twice = doubleAffine(curve, p);
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
function normaliseAll(curve: Dstu4145Curve, points: LdPoint[]): AffinePoint[] {
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

