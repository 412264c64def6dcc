/**
 * Arithmetic in GF(2^m), polynomial basis (DSTU 4145-2002, §6 "основне поле").
 *
 * An element is a bigint whose bit i is the coefficient of t^i, always kept reduced
 * (degree < m). The field is defined by an irreducible trinomial t^m + t^k + 1 or
 * pentanomial t^m + t^k3 + t^k2 + t^k1 + 1 — DSTU 4145 only allows those, and their
 * sparseness is what makes the shift-and-xor reduction below cheap.
 *
 * Everything here is variable-time: it only ever handles public data (verification).
 */

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

// Parity of a 4-bit value, for the trace (a dot product over GF(2)).
const NIBBLE_PARITY = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0];

export class BinaryField {
  /** Degree of the extension. */
  readonly m: number;
  /** Middle exponents of the reduction polynomial, e.g. [12] or [3, 6, 7]. */
  readonly middleExponents: readonly number[];
  /** The full reduction polynomial t^m + … + 1 as a bigint. */
  readonly modulus: bigint;

  private readonly mBig: bigint;
  private readonly shifts: bigint[];
  private readonly mulTable: bigint[] = new Array<bigint>(16).fill(0n);
  private traceMaskCache: bigint | undefined;

  constructor(m: number, middleExponents: readonly number[]) {
    const ks = [...middleExponents].sort((a, b) => a - b);
    if (!Number.isInteger(m) || m < 2) throw new Error(`GF(2^m): bad degree ${m}`);
    if (ks.length !== 1 && ks.length !== 3) {
      throw new Error('GF(2^m): the reduction polynomial must be a trinomial or a pentanomial');
    }
    for (const k of ks) {
      if (!Number.isInteger(k) || k <= 0 || k >= m) throw new Error(`GF(2^m): bad exponent ${k}`);
    }
    if (new Set(ks).size !== ks.length) throw new Error('GF(2^m): repeated exponent');
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

  /** Absolute trace Tr(a) = a + a^2 + a^4 + … + a^(2^(m−1)) ∈ {0, 1} (DSTU 4145 §6). */
  trace(a: bigint): 0 | 1 {
    // Tr is GF(2)-linear, so Tr(a) is the parity of the bits of a that select basis
    // elements t^i with Tr(t^i) = 1.
    const masked = a & this.traceMask();
    const digits = masked.toString(16);
    let parity = 0;
    for (let i = 0; i < digits.length; i++) parity ^= NIBBLE_PARITY[HEX_VALUE[digits.charCodeAt(i)]!]!;
    return parity as 0 | 1;
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
   * Bit i set iff Tr(t^i) = 1. Tr(t^i) is the i-th power sum of the roots of the field
   * polynomial f, which Newton's identities give straight from f's coefficients:
   *   s_i = c_{m−1} s_{i−1} + … + c_{m−i+1} s_1 + i·c_{m−i}   (mod 2),  s_0 = m mod 2,
   * where f = t^m + c_{m−1} t^(m−1) + … + c_0. f is sparse, so this is O(m).
   */
  private traceMask(): bigint {
    if (this.traceMaskCache !== undefined) return this.traceMaskCache;
    const m = this.m;
    const coeff = new Uint8Array(m); // c_j for j < m
    coeff[0] = 1;
    for (const k of this.middleExponents) coeff[k] = 1;
    const s = new Uint8Array(m);
    s[0] = m & 1;
    for (let i = 1; i < m; i++) {
      let v = (i & 1) & coeff[m - i]!;
      for (let j = 1; j < i; j++) if (coeff[m - j]) v ^= s[i - j]!;
      s[i] = v;
    }
    let mask = 0n;
    for (let i = m - 1; i >= 0; i--) mask = (mask << 1n) | BigInt(s[i]!);
    this.traceMaskCache = mask;
    return mask;
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
