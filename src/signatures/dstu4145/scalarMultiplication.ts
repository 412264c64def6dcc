/**
 * Scalar multiplication on DSTU 4145 curves, over the word-level López–Dahab group law of
 * ellipticCurve.ts.
 *
 * `multiply` is plain double-and-add (simple, used for parameter checks and as the test
 * reference). `multiplyTwo` computes u·P + v·Q for verification as one joint (interleaved,
 * "Shamir") multiplication with width-w NAFs: one shared chain of doublings, and an addition
 * only every ~w+1 bits per scalar, taken from tables of odd multiples — a large one cached per
 * curve for the base point, a smaller one per public key (cached while the key object lives, so
 * a CA key verifying many certificates pays once).
 */
import { AffinePoint, AffineWords, CurvePoint, Dstu4145Curve, ldArithmetic, LdPoint } from './ellipticCurve';

/** k·P for any integer k (double-and-add, left to right). */
export function multiply(curve: Dstu4145Curve, k: bigint, p: CurvePoint): CurvePoint {
  if (p === null || k === 0n) return null;
  const negative = k < 0n;
  if (negative) k = -k;
  const ld = ldArithmetic(curve);
  const q = ld.affineWords(p);
  const acc = ld.newPoint();
  const bits = k.toString(2);
  for (let i = 0; i < bits.length; i++) {
    ld.double(acc);
    if (bits.charCodeAt(i) === 49 /* '1' */) ld.addMixed(acc, q, negative);
  }
  return ld.toAffine(acc);
}

/** Window width for the base point: 2^(w−2) = 64 cached odd multiples per curve. */
const BASE_WINDOW = 8;
/** Window width for other points: 8 odd multiples, worth it even for a key used once. */
const KEY_WINDOW = 5;

type Table = (AffineWords | null)[];

const baseTables = new WeakMap<Dstu4145Curve, { x: bigint; y: bigint; table: Table }>();
const pointTables = new WeakMap<AffinePoint, { x: bigint; y: bigint; curve: Dstu4145Curve; table: Table }>();

/** u·P + v·Q (u, v ≥ 0). P = curve.base gets the cached larger table. */
export function multiplyTwo(curve: Dstu4145Curve, u: bigint, p: CurvePoint, v: bigint, q: CurvePoint): CurvePoint {
  if (u < 0n || v < 0n) throw new RangeError('multiplyTwo: negative scalar');
  if (p === null || u === 0n) return multiply(curve, v, q);
  if (q === null || v === 0n) return multiply(curve, u, p);
  const ld = ldArithmetic(curve);
  const [wp, tp] = tableFor(curve, p);
  const [wq, tq] = tableFor(curve, q);
  const nafU = wnaf(u, wp);
  const nafV = wnaf(v, wq);
  const acc = ld.newPoint();
  for (let i = Math.max(nafU.length, nafV.length) - 1; i >= 0; i--) {
    ld.double(acc);
    const du = i < nafU.length ? nafU[i]! : 0;
    if (du !== 0) {
      const point = tp[(Math.abs(du) - 1) >> 1];
      if (point) ld.addMixed(acc, point, du < 0); // null: a multiple that is O (tiny-order points only)
    }
    const dv = i < nafV.length ? nafV[i]! : 0;
    if (dv !== 0) {
      const point = tq[(Math.abs(dv) - 1) >> 1];
      if (point) ld.addMixed(acc, point, dv < 0);
    }
  }
  return ld.toAffine(acc);
}

/**
 * Width-w non-adjacent form, least significant digit first: every non-zero digit is odd,
 * |digit| < 2^(w−1), and any w consecutive digits hold at most one non-zero. Computed on the
 * scalar's bits with a carry (as libsecp256k1 does), not with bigint arithmetic per digit.
 */
export function wnaf(k: bigint, w: number): Int8Array {
  if (k < 0n) throw new RangeError('wnaf: negative scalar');
  const binary = k.toString(2);
  const length = binary.length;
  const size = length + 2 * w + 1; // room for the last window and its carry
  const bits = new Uint8Array(size); // least significant first, zero-padded
  for (let i = 0; i < length; i++) bits[i] = binary.charCodeAt(length - 1 - i) - 48;
  const digits = new Int8Array(size);
  let carry = 0;
  let top = 0;
  for (let i = 0; i < length + w + 1; ) {
    if (bits[i] === carry) {
      i++; // (bit + carry) is even: digit 0
      continue;
    }
    let word = carry;
    for (let j = w - 1; j >= 0; j--) word += bits[i + j]! << j;
    carry = (word >> (w - 1)) & 1;
    word -= carry << w;
    digits[i] = word;
    top = i + 1;
    i += w;
  }
  return digits.subarray(0, top);
}

function tableFor(curve: Dstu4145Curve, p: AffinePoint): [number, Table] {
  if (p === curve.base || (p.x === curve.base.x && p.y === curve.base.y)) {
    let cached = baseTables.get(curve);
    if (!cached || cached.x !== curve.base.x || cached.y !== curve.base.y) {
      cached = { x: curve.base.x, y: curve.base.y, table: oddMultiples(curve, curve.base, BASE_WINDOW) };
      baseTables.set(curve, cached);
    }
    return [BASE_WINDOW, cached.table];
  }
  let cached = pointTables.get(p);
  if (!cached || cached.x !== p.x || cached.y !== p.y || cached.curve !== curve) {
    cached = { x: p.x, y: p.y, curve, table: oddMultiples(curve, p, KEY_WINDOW) };
    pointTables.set(p, cached);
  }
  return [KEY_WINDOW, cached.table];
}

/** [P, 3P, 5P, …, (2^(w−1) − 1)P] in affine words, with two field inversions in all. */
function oddMultiples(curve: Dstu4145Curve, p: AffinePoint, w: number): Table {
  const ld = ldArithmetic(curve);
  const count = 1 << (w - 2);
  const first = ld.affineWords(p);
  const twice = ld.newPoint();
  ld.setAffine(twice, first.x, first.y);
  ld.double(twice);
  const [twiceAffine] = ld.normaliseAll([twice]);
  const projective: LdPoint[] = [];
  let previous = ld.newPoint();
  ld.setAffine(previous, first.x, first.y);
  for (let i = 1; i < count; i++) {
    const next: LdPoint = { X: Int32Array.from(previous.X), Y: Int32Array.from(previous.Y), Z: Int32Array.from(previous.Z) };
    // 2P = O only for a point of order 2, whose odd multiples are all P.
    if (twiceAffine) ld.addMixed(next, twiceAffine, false);
    projective.push(next);
    previous = next;
  }
  return [first, ...ld.normaliseAll(projective)];
}
