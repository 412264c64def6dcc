/**
 * The DSTU 4145-2002 elliptic curve group: y^2 + xy = x^3 + A·x^2 + B over GF(2^m),
 * A ∈ {0, 1}, B ≠ 0 (a non-supersingular binary curve, DSTU 4145-2002 §6).
 *
 * Points are affine bigints at the API; the group law is also given in López–Dahab projective
 * coordinates (x = X/Z, y = Y/Z^2) over word field elements (LdArithmetic), which
 * scalarMultiplication.ts chains so that a whole scalar multiplication needs one field
 * inversion instead of one per group operation, and allocates nothing per step.
 */
import { BinaryField, FieldWords } from './binaryField';

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

const fields = new Map<string, BinaryField>();
/** Explicit parameters come from signatures: bound what they can make us keep. */
const MAX_CACHED_FIELDS = 64;

/**
 * One field instance per polynomial: explicit curve parameters (Diia's certificates spell M257
 * out in every key) then share the named curve's field, its trace mask and its scratch space.
 */
function binaryField(m: number, k: readonly number[]): BinaryField {
  const id = `${m}:${[...k].sort((x, y) => x - y).join(',')}`;
  let field = fields.get(id);
  if (!field) {
    field = new BinaryField(m, k);
    if (fields.size < MAX_CACHED_FIELDS) fields.set(id, field);
  }
  return field;
}

/** Validate the parameters the standard constrains (A ∈ {0,1}, B ≠ 0, n odd prime) and build the field. */
export function makeCurveEquation(params: CurveParameters): CurveEquation {
  // The standard takes m prime; point decompression relies on m odd (Tr(1) = 1, half-trace).
  if (params.m % 2 === 0 || params.m < 3) throw new Error('DSTU 4145: field degree m must be odd');
  const field = binaryField(params.m, params.k);
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

// ---------------------------------------------------------------- López–Dahab coordinates, in words

/** (X : Y : Z) with x = X/Z, y = Y/Z^2; Z = 0 is the point at infinity. Field elements in words. */
export interface LdPoint {
  X: FieldWords;
  Y: FieldWords;
  Z: FieldWords;
}

/** An affine point in words, with x + y kept beside it (the mixed addition needs it; −P = (x, x + y)). */
export interface AffineWords {
  x: FieldWords;
  y: FieldWords;
  xy: FieldWords;
}

/**
 * The group law in López–Dahab coordinates over word field elements, for one curve: the hot
 * path of scalar multiplication. Points are updated in place and the temporaries are the
 * engine's own, so a whole scalar multiplication allocates nothing per step. Not re-entrant
 * (single-threaded JavaScript makes that safe; nothing here calls out).
 */
export class LdArithmetic {
  readonly field: BinaryField;
  private readonly aIsOne: boolean;
  private readonly b: FieldWords;
  // Temporaries of double, addMixed and toAffine.
  private readonly t1: FieldWords;
  private readonly t2: FieldWords;
  private readonly t3: FieldWords;
  private readonly t4: FieldWords;
  private readonly t5: FieldWords;
  private readonly t6: FieldWords;

  constructor(curve: CurveEquation) {
    this.field = curve.field;
    this.aIsOne = curve.a === 1n;
    this.b = curve.field.fromBigInt(curve.b);
    const f = curve.field;
    [this.t1, this.t2, this.t3, this.t4, this.t5, this.t6] = [f.zero(), f.zero(), f.zero(), f.zero(), f.zero(), f.zero()];
  }

  newPoint(): LdPoint {
    const f = this.field;
    return { X: f.one(), Y: f.zero(), Z: f.zero() };
  }

  setInfinity(p: LdPoint): void {
    p.X.fill(0);
    p.X[0] = 1;
    p.Y.fill(0);
    p.Z.fill(0);
  }

  setAffine(p: LdPoint, x: FieldWords, y: FieldWords): void {
    p.X.set(x);
    p.Y.set(y);
    p.Z.fill(0);
    p.Z[0] = 1;
  }

  affineWords(p: AffinePoint): AffineWords {
    const f = this.field;
    return { x: f.fromBigInt(p.x), y: f.fromBigInt(p.y), xy: f.fromBigInt(p.x ^ p.y) };
  }

  /**
   * p = 2p: 3M + 1M(b) + 5S (Hankerson–Menezes–Vanstone, Guide to ECC §3.2.3):
   *   Z3 = X1²·Z1², X3 = X1⁴ + b·Z1⁴, Y3 = b·Z1⁴·Z3 + X3·(a·Z3 + Y1² + b·Z1⁴).
   */
  double(p: LdPoint): void {
    const f = this.field;
    const { t1, t2, t3, t4 } = this;
    if (f.isZeroWords(p.Z)) return;
    f.sqrInto(t1, p.X); // X1²
    f.sqrInto(t2, p.Z); // Z1²
    f.mulInto(t3, t1, t2); // Z3
    if (f.isZeroWords(t3)) {
      // x = 0: the point of order 2
      this.setInfinity(p);
      return;
    }
    f.sqrInto(t2, t2); // Z1⁴
    f.mulInto(t2, t2, this.b); // b·Z1⁴
    f.sqrInto(t1, t1); // X1⁴
    f.addInto(p.X, t1, t2); // X3
    f.sqrInto(t4, p.Y); // Y1²
    f.addInto(t4, t4, t2);
    if (this.aIsOne) f.addInto(t4, t4, t3);
    f.mulInto(t2, t2, t3); // b·Z1⁴·Z3
    f.mulInto(t4, t4, p.X); // X3·(a·Z3 + Y1² + b·Z1⁴)
    f.addInto(p.Y, t2, t4);
    p.Z.set(t3);
  }

  /**
   * p = p + q with q affine ("mixed" addition): 8M + 5S. From the affine chord rule with
   * B = X1 + Z1·x2, A = Y1 + Z1²·y2, C = Z1·B, λ = A/C:
   *   Z3 = C², X3 = A² + A·C + B²·(C + a·Z1²), Y3 = (A·C + Z3)(x2·Z3 + X3) + Z3²(x2 + y2).
   * `negative` adds −q = (x2, x2 + y2) instead.
   */
  addMixed(p: LdPoint, q: AffineWords, negative: boolean): void {
    const f = this.field;
    const { t1, t2, t3, t4, t5, t6 } = this;
    const y2 = negative ? q.xy : q.y;
    const x2y2 = negative ? q.y : q.xy;
    if (f.isZeroWords(p.Z)) {
      this.setAffine(p, q.x, y2);
      return;
    }
    f.sqrInto(t1, p.Z); // Z1²
    f.mulInto(t2, p.Z, q.x);
    f.addInto(t2, t2, p.X); // B
    f.mulInto(t3, t1, y2);
    f.addInto(t3, t3, p.Y); // A
    if (f.isZeroWords(t2)) {
      // Same x-coordinate: p = q (double) or p = −q (the sum is O).
      if (f.isZeroWords(t3)) {
        this.setAffine(p, q.x, y2);
        this.double(p);
      } else this.setInfinity(p);
      return;
    }
    f.mulInto(t4, p.Z, t2); // C
    f.sqrInto(t5, t4); // Z3 = C²
    f.mulInto(t6, t3, t4); // A·C
    if (this.aIsOne) f.addInto(t4, t4, t1); // C + a·Z1²
    f.sqrInto(t2, t2); // B²
    f.mulInto(t2, t2, t4);
    f.sqrInto(t3, t3); // A²
    f.addInto(p.X, t2, t3);
    f.addInto(p.X, p.X, t6); // X3
    f.addInto(t6, t6, t5); // A·C + Z3
    f.mulInto(t1, t5, q.x);
    f.addInto(t1, t1, p.X); // x2·Z3 + X3
    f.mulInto(t6, t6, t1);
    f.sqrInto(t2, t5); // Z3²
    f.mulInto(t2, t2, x2y2);
    f.addInto(p.Y, t6, t2); // Y3
    p.Z.set(t5);
  }

  /** The affine (bigint) form of p: one inversion. */
  toAffine(p: LdPoint): CurvePoint {
    const f = this.field;
    if (f.isZeroWords(p.Z)) return null;
    const { t1, t2 } = this;
    f.invInto(t1, p.Z);
    f.mulInto(t2, p.X, t1);
    const x = f.toBigInt(t2);
    f.sqrInto(t1, t1);
    f.mulInto(t2, p.Y, t1);
    return { x, y: f.toBigInt(t2) };
  }

  /**
   * Many LD points to affine words with one inversion (Montgomery's simultaneous inversion);
   * the point at infinity becomes null.
   */
  normaliseAll(points: LdPoint[]): (AffineWords | null)[] {
    const f = this.field;
    const live = points.filter((p) => !f.isZeroWords(p.Z));
    const prefix: FieldWords[] = [];
    const running = f.one();
    for (const p of live) {
      f.mulInto(running, running, p.Z);
      prefix.push(Int32Array.from(running));
    }
    const out = new Map<LdPoint, AffineWords>();
    if (live.length > 0) {
      const inv = f.zero();
      f.invInto(inv, running);
      const zInv = f.zero();
      const zInv2 = f.zero();
      for (let i = live.length - 1; i >= 0; i--) {
        const p = live[i]!;
        if (i === 0) zInv.set(inv);
        else f.mulInto(zInv, inv, prefix[i - 1]!);
        f.mulInto(inv, inv, p.Z);
        const x = f.zero();
        const y = f.zero();
        f.mulInto(x, p.X, zInv);
        f.sqrInto(zInv2, zInv);
        f.mulInto(y, p.Y, zInv2);
        const xy = f.zero();
        f.addInto(xy, x, y);
        out.set(p, { x, y, xy });
      }
    }
    return points.map((p) => out.get(p) ?? null);
  }
}

const engines = new WeakMap<CurveEquation, LdArithmetic>();

/** The (cached) word-level group law of a curve. */
export function ldArithmetic(curve: CurveEquation): LdArithmetic {
  let engine = engines.get(curve);
  if (!engine) {
    engine = new LdArithmetic(curve);
    engines.set(curve, engine);
  }
  return engine;
}
