/**
 * Arithmetic in GF(2^m), polynomial basis (DSTU 4145-2002, §6 "основне поле").
 *
 * The field is defined by an irreducible trinomial t^m + t^k + 1 or pentanomial
 * t^m + t^k3 + t^k2 + t^k1 + 1 — DSTU 4145 only allows those, and their sparseness is what
 * makes the word-wise reduction below cheap.
 *
 * Two faces:
 *   - words (the hot path of scalar multiplication): an element is an Int32Array of
 *     ⌈m/32⌉ words, least significant first, always reduced. `mulInto`, `sqrInto`, … write into
 *     a caller's array (which may alias an operand) and allocate nothing;
 *   - bigints (parsing, point compression, tests): bit i of the bigint is the coefficient of
 *     t^i. These convert at the boundary and do the work in words.
 *
 * Multiplication is the left-to-right comb with a 4-bit window (Hankerson–Menezes–Vanstone,
 * Guide to ECC, Alg. 2.36): sixteen multiples of b, then a's nibbles from the top, with one
 * 4-bit shift of the product per nibble position. Squaring spreads bits with a byte table.
 * Reduction folds each word above t^m back with the field polynomial (Alg. 2.40 in words).
 *
 * Everything here is variable-time: it only ever handles public data (verification).
 */

/** Byte → its bits spread to the even positions of 16 bits (squaring over GF(2)). */
const SPREAD = new Int32Array(256);
for (let x = 0; x < 256; x++) {
  let v = 0;
  for (let bit = 0; bit < 8; bit++) if ((x >> bit) & 1) v |= 1 << (2 * bit);
  SPREAD[x] = v;
}

/** A field element in words (see the module comment). */
export type FieldWords = Int32Array;

export class BinaryField {
  /** Degree of the extension. */
  readonly m: number;
  /** Middle exponents of the reduction polynomial, e.g. [12] or [3, 6, 7]. */
  readonly middleExponents: readonly number[];
  /** The full reduction polynomial t^m + … + 1 as a bigint. */
  readonly modulus: bigint;
  /** Words per element. */
  readonly words: number;

  private readonly mBig: bigint;
  /** 0 and the middle exponents: t^m ≡ Σ t^e. */
  private readonly foldExponents: Int32Array;
  /** Words per comb-table entry: the element, plus one when three extra bits can overflow it. */
  private readonly tableWords: number;
  private readonly table: Int32Array;
  private readonly product: Int32Array;
  private readonly scratch: Int32Array[];
  private traceMaskCache: Int32Array | undefined;
  /** The M257 field t^257 + t^12 + 1: unrolled multiplication, squaring and reduction. */
  private readonly unrolled257: boolean;

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
    this.modulus = ks.reduce((f, k) => f | (1n << BigInt(k)), (1n << this.mBig) | 1n);
    this.words = (m + 31) >>> 5;
    this.foldExponents = Int32Array.from([0, ...ks]);
    this.tableWords = m + 3 <= 32 * this.words ? this.words : this.words + 1;
    this.table = new Int32Array(16 * this.tableWords);
    this.product = new Int32Array(2 * this.words + 1);
    this.scratch = Array.from({ length: 4 }, () => new Int32Array(this.words));
    this.unrolled257 = m === 257 && ks.length === 1 && ks[0] === 12;
  }

  // ------------------------------------------------------------------ words

  /** A new zero element. */
  zero(): FieldWords {
    return new Int32Array(this.words);
  }

  one(): FieldWords {
    const r = this.zero();
    r[0] = 1;
    return r;
  }

  /** Words of a canonical bigint element (0 ≤ v < 2^m, else RangeError: see isElement). */
  fromBigInt(v: bigint, out: FieldWords = this.zero()): FieldWords {
    if (!this.isElement(v)) throw new RangeError(`GF(2^${this.m}): not a field element`);
    for (let i = 0; i < this.words; i++) {
      out[i] = Number(BigInt.asUintN(32, v)) | 0;
      v >>= 32n;
    }
    return out;
  }

  toBigInt(a: FieldWords): bigint {
    let hex = '0x';
    for (let i = this.words - 1; i >= 0; i--) hex += (a[i]! >>> 0).toString(16).padStart(8, '0');
    return BigInt(hex);
  }

  isZeroWords(a: FieldWords): boolean {
    for (let i = 0; i < this.words; i++) if (a[i] !== 0) return false;
    return true;
  }

  equalWords(a: FieldWords, b: FieldWords): boolean {
    for (let i = 0; i < this.words; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  addInto(out: FieldWords, a: FieldWords, b: FieldWords): void {
    for (let i = 0; i < this.words; i++) out[i] = a[i]! ^ b[i]!;
  }

  /** out = a·b. out may be a or b. */
  mulInto(out: FieldWords, a: FieldWords, b: FieldWords): void {
    const n = this.words;
    const s = this.tableWords;
    const T = this.table;
    const C = this.product;
    // T[u] = u(t)·b(t) for the sixteen polynomials u of degree < 4.
    let previous = 0;
    for (let i = 0; i < s; i++) {
      const t1 = i < n ? b[i]! : 0;
      const t2 = (t1 << 1) | (previous >>> 31);
      const t4 = (t1 << 2) | (previous >>> 30);
      const t8 = (t1 << 3) | (previous >>> 29);
      previous = t1;
      T[s + i] = t1;
      T[2 * s + i] = t2;
      T[3 * s + i] = t2 ^ t1;
      T[4 * s + i] = t4;
      T[5 * s + i] = t4 ^ t1;
      T[6 * s + i] = t4 ^ t2;
      T[7 * s + i] = t4 ^ t2 ^ t1;
      T[8 * s + i] = t8;
      T[9 * s + i] = t8 ^ t1;
      T[10 * s + i] = t8 ^ t2;
      T[11 * s + i] = t8 ^ t2 ^ t1;
      T[12 * s + i] = t8 ^ t4;
      T[13 * s + i] = t8 ^ t4 ^ t1;
      T[14 * s + i] = t8 ^ t4 ^ t2;
      T[15 * s + i] = t8 ^ t4 ^ t2 ^ t1;
    }
    if (this.unrolled257) {
      this.mul257(out, a);
      return;
    }
    const top = 2 * n;
    for (let i = 0; i <= top; i++) C[i] = 0;
    for (let k = 28; k >= 0; k -= 4) {
      for (let j = 0; j < n; j++) {
        const u = (a[j]! >>> k) & 15;
        if (u !== 0) {
          const base = u * s;
          let l = 0;
          for (; l + 4 <= s; l += 4) {
            const c = j + l;
            const t = base + l;
            C[c] = C[c]! ^ T[t]!; C[c + 1] = C[c + 1]! ^ T[t + 1]!; C[c + 2] = C[c + 2]! ^ T[t + 2]!; C[c + 3] = C[c + 3]! ^ T[t + 3]!;
          }
          for (; l < s; l++) C[j + l] = C[j + l]! ^ T[base + l]!;
        }
      }
      if (k !== 0) {
        for (let i = top; i > 0; i--) C[i] = (C[i]! << 4) | (C[i - 1]! >>> 28);
        C[0] = C[0]! << 4;
      }
    }
    this.reduceProduct(out);
  }

  /**
   * GF(2^257) (M257, the curve of every Ukrainian signer key): the comb of mulInto with the
   * product in local variables, unrolled, then reduced in them (reduce257). a's top word is
   * below 2^4, so it takes part in the last nibble round only.
   */
  private mul257(out: FieldWords, a: FieldWords): void {
    const T = this.table;
    let c0 = 0; let c1 = 0; let c2 = 0; let c3 = 0; let c4 = 0; let c5 = 0; let c6 = 0; let c7 = 0; let c8 = 0; let c9 = 0; let c10 = 0; let c11 = 0; let c12 = 0; let c13 = 0; let c14 = 0; let c15 = 0; let c16 = 0;
    const a0 = a[0]!; const a1 = a[1]!; const a2 = a[2]!; const a3 = a[3]!; const a4 = a[4]!; const a5 = a[5]!; const a6 = a[6]!; const a7 = a[7]!; const a8 = a[8]!;
    let o: number;
    for (let k = 28; ; k -= 4) {
      o = ((a0 >>> k) & 15) * 9;
      c0 ^= T[o]!; c1 ^= T[o + 1]!; c2 ^= T[o + 2]!; c3 ^= T[o + 3]!; c4 ^= T[o + 4]!; c5 ^= T[o + 5]!; c6 ^= T[o + 6]!; c7 ^= T[o + 7]!; c8 ^= T[o + 8]!;
      o = ((a1 >>> k) & 15) * 9;
      c1 ^= T[o]!; c2 ^= T[o + 1]!; c3 ^= T[o + 2]!; c4 ^= T[o + 3]!; c5 ^= T[o + 4]!; c6 ^= T[o + 5]!; c7 ^= T[o + 6]!; c8 ^= T[o + 7]!; c9 ^= T[o + 8]!;
      o = ((a2 >>> k) & 15) * 9;
      c2 ^= T[o]!; c3 ^= T[o + 1]!; c4 ^= T[o + 2]!; c5 ^= T[o + 3]!; c6 ^= T[o + 4]!; c7 ^= T[o + 5]!; c8 ^= T[o + 6]!; c9 ^= T[o + 7]!; c10 ^= T[o + 8]!;
      o = ((a3 >>> k) & 15) * 9;
      c3 ^= T[o]!; c4 ^= T[o + 1]!; c5 ^= T[o + 2]!; c6 ^= T[o + 3]!; c7 ^= T[o + 4]!; c8 ^= T[o + 5]!; c9 ^= T[o + 6]!; c10 ^= T[o + 7]!; c11 ^= T[o + 8]!;
      o = ((a4 >>> k) & 15) * 9;
      c4 ^= T[o]!; c5 ^= T[o + 1]!; c6 ^= T[o + 2]!; c7 ^= T[o + 3]!; c8 ^= T[o + 4]!; c9 ^= T[o + 5]!; c10 ^= T[o + 6]!; c11 ^= T[o + 7]!; c12 ^= T[o + 8]!;
      o = ((a5 >>> k) & 15) * 9;
      c5 ^= T[o]!; c6 ^= T[o + 1]!; c7 ^= T[o + 2]!; c8 ^= T[o + 3]!; c9 ^= T[o + 4]!; c10 ^= T[o + 5]!; c11 ^= T[o + 6]!; c12 ^= T[o + 7]!; c13 ^= T[o + 8]!;
      o = ((a6 >>> k) & 15) * 9;
      c6 ^= T[o]!; c7 ^= T[o + 1]!; c8 ^= T[o + 2]!; c9 ^= T[o + 3]!; c10 ^= T[o + 4]!; c11 ^= T[o + 5]!; c12 ^= T[o + 6]!; c13 ^= T[o + 7]!; c14 ^= T[o + 8]!;
      o = ((a7 >>> k) & 15) * 9;
      c7 ^= T[o]!; c8 ^= T[o + 1]!; c9 ^= T[o + 2]!; c10 ^= T[o + 3]!; c11 ^= T[o + 4]!; c12 ^= T[o + 5]!; c13 ^= T[o + 6]!; c14 ^= T[o + 7]!; c15 ^= T[o + 8]!;
      if (k === 0) break;
      c16 = (c16 << 4) | (c15 >>> 28); c15 = (c15 << 4) | (c14 >>> 28); c14 = (c14 << 4) | (c13 >>> 28); c13 = (c13 << 4) | (c12 >>> 28);
      c12 = (c12 << 4) | (c11 >>> 28); c11 = (c11 << 4) | (c10 >>> 28); c10 = (c10 << 4) | (c9 >>> 28); c9 = (c9 << 4) | (c8 >>> 28);
      c8 = (c8 << 4) | (c7 >>> 28); c7 = (c7 << 4) | (c6 >>> 28); c6 = (c6 << 4) | (c5 >>> 28); c5 = (c5 << 4) | (c4 >>> 28);
      c4 = (c4 << 4) | (c3 >>> 28); c3 = (c3 << 4) | (c2 >>> 28); c2 = (c2 << 4) | (c1 >>> 28); c1 = (c1 << 4) | (c0 >>> 28);
      c0 <<= 4;
    }
    o = (a8 & 15) * 9;
    c8 ^= T[o + 0]!; c9 ^= T[o + 1]!; c10 ^= T[o + 2]!; c11 ^= T[o + 3]!; c12 ^= T[o + 4]!; c13 ^= T[o + 5]!; c14 ^= T[o + 6]!; c15 ^= T[o + 7]!; c16 ^= T[o + 8]!;
    reduce257(out, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16);
  }

  /** a² in GF(2^257): spread in local variables, then reduce257. */
  private sqr257(out: FieldWords, a: FieldWords): void {
    const a0 = a[0]!;
    const a1 = a[1]!;
    const a2 = a[2]!;
    const a3 = a[3]!;
    const a4 = a[4]!;
    const a5 = a[5]!;
    const a6 = a[6]!;
    const a7 = a[7]!;
    const a8 = a[8]!;
    reduce257(
      out,
      SPREAD[a0 & 0xff]! | (SPREAD[(a0 >>> 8) & 0xff]! << 16),
      SPREAD[(a0 >>> 16) & 0xff]! | (SPREAD[a0 >>> 24]! << 16),
      SPREAD[a1 & 0xff]! | (SPREAD[(a1 >>> 8) & 0xff]! << 16),
      SPREAD[(a1 >>> 16) & 0xff]! | (SPREAD[a1 >>> 24]! << 16),
      SPREAD[a2 & 0xff]! | (SPREAD[(a2 >>> 8) & 0xff]! << 16),
      SPREAD[(a2 >>> 16) & 0xff]! | (SPREAD[a2 >>> 24]! << 16),
      SPREAD[a3 & 0xff]! | (SPREAD[(a3 >>> 8) & 0xff]! << 16),
      SPREAD[(a3 >>> 16) & 0xff]! | (SPREAD[a3 >>> 24]! << 16),
      SPREAD[a4 & 0xff]! | (SPREAD[(a4 >>> 8) & 0xff]! << 16),
      SPREAD[(a4 >>> 16) & 0xff]! | (SPREAD[a4 >>> 24]! << 16),
      SPREAD[a5 & 0xff]! | (SPREAD[(a5 >>> 8) & 0xff]! << 16),
      SPREAD[(a5 >>> 16) & 0xff]! | (SPREAD[a5 >>> 24]! << 16),
      SPREAD[a6 & 0xff]! | (SPREAD[(a6 >>> 8) & 0xff]! << 16),
      SPREAD[(a6 >>> 16) & 0xff]! | (SPREAD[a6 >>> 24]! << 16),
      SPREAD[a7 & 0xff]! | (SPREAD[(a7 >>> 8) & 0xff]! << 16),
      SPREAD[(a7 >>> 16) & 0xff]! | (SPREAD[a7 >>> 24]! << 16),
      SPREAD[a8 & 0xff]!,
    );
  }

  /** out = a². out may be a. */
  sqrInto(out: FieldWords, a: FieldWords): void {
    if (this.unrolled257) {
      this.sqr257(out, a);
      return;
    }
    const n = this.words;
    const C = this.product;
    for (let i = 0; i < n; i++) {
      const w = a[i]!;
      C[2 * i] = SPREAD[w & 0xff]! | (SPREAD[(w >>> 8) & 0xff]! << 16);
      C[2 * i + 1] = SPREAD[(w >>> 16) & 0xff]! | (SPREAD[w >>> 24]! << 16);
    }
    C[2 * n] = 0;
    this.reduceProduct(out);
  }

  /** out = a^(2^k). out may be a. */
  sqrTimesInto(out: FieldWords, a: FieldWords, k: number): void {
    if (out !== a) out.set(a);
    for (let i = 0; i < k; i++) this.sqrInto(out, out);
  }

  /**
   * out = a^-1 = a^(2^m − 2) = (a^(2^(m−1) − 1))^2 by the Itoh–Tsujii addition chain: m − 1
   * squarings and about log2(m) multiplications. a must not be zero. out may be a.
   */
  invInto(out: FieldWords, a: FieldWords): void {
    if (this.isZeroWords(a)) throw new RangeError('GF(2^m): inverse of zero');
    const [base, beta, t] = this.scratch as [FieldWords, FieldWords, FieldWords];
    base.set(a);
    beta.set(a); // beta(k) = a^(2^k − 1); beta(i + j) = beta(i)^(2^j) · beta(j)
    const e = this.m - 1;
    let k = 1;
    for (let bit = 31 - Math.clz32(e) - 1; bit >= 0; bit--) {
      this.sqrTimesInto(t, beta, k);
      this.mulInto(beta, t, beta); // beta(2k)
      k *= 2;
      if ((e >> bit) & 1) {
        this.sqrInto(t, beta);
        this.mulInto(beta, t, base); // beta(k + 1)
        k += 1;
      }
    }
    this.sqrInto(out, beta);
  }

  /** The product buffer (2n + 1 words) reduced modulo the field polynomial into out. */
  private reduceProduct(out: FieldWords): void {
    const C = this.product;
    const m = this.m;
    const exps = this.foldExponents;
    const mw = m >>> 5;
    const mb = m & 31;
    // Words wholly above t^m: t^(32i + j) = t^(32i + j − m)·t^m ≡ t^(32i + j − m)·Σ t^e.
    // A fold lands strictly lower, so one pass top-down suffices whenever m − k3 ≥ 32 (every
    // DSTU curve); the `while` covers the small test fields, where it may land in word i itself.
    const lowest = mb === 0 ? mw : mw + 1;
    for (let i = 2 * this.words; i >= lowest; i--) {
      let w = C[i]!;
      while (w !== 0) {
        C[i] = 0;
        for (let x = 0; x < exps.length; x++) {
          const pos = 32 * i - m + exps[x]!;
          const word = pos >>> 5;
          const bit = pos & 31;
          C[word] = C[word]! ^ (w << bit);
          if (bit !== 0) C[word + 1] = C[word + 1]! ^ (w >>> (32 - bit));
        }
        w = C[i]!;
      }
    }
    if (mb !== 0) {
      let w = C[mw]! >>> mb;
      while (w !== 0) {
        C[mw] = C[mw]! & ((1 << mb) - 1);
        for (let x = 0; x < exps.length; x++) {
          const e = exps[x]!;
          const word = e >>> 5;
          const bit = e & 31;
          C[word] = C[word]! ^ (w << bit);
          if (bit !== 0) C[word + 1] = C[word + 1]! ^ (w >>> (32 - bit));
        }
        w = C[mw]! >>> mb;
      }
    }
    for (let i = 0; i < this.words; i++) out[i] = C[i]!;
  }

  /** Absolute trace of a word element. */
  traceWords(a: FieldWords): 0 | 1 {
    const mask = this.traceMask();
    let x = 0;
    for (let i = 0; i < this.words; i++) x ^= a[i]! & mask[i]!;
    x ^= x >>> 16;
    x ^= x >>> 8;
    x ^= x >>> 4;
    x ^= x >>> 2;
    x ^= x >>> 1;
    return (x & 1) as 0 | 1;
  }

  /** Half-trace Σ_{i=0}^{(m−1)/2} a^(4^i) of a word element into out (odd m). */
  halfTraceInto(out: FieldWords, a: FieldWords): void {
    if ((this.m & 1) === 0) throw new Error('GF(2^m): half-trace needs odd m');
    const t = this.scratch[3]!;
    t.set(a);
    const acc = this.zero();
    acc.set(a);
    for (let i = 1; i <= (this.m - 1) / 2; i++) {
      this.sqrInto(t, t);
      this.sqrInto(t, t);
      for (let j = 0; j < this.words; j++) acc[j] = acc[j]! ^ t[j]!;
    }
    out.set(acc);
  }

  // ------------------------------------------------------------------ bigints

  /** True if v is a canonical element of this field. */
  isElement(v: bigint): boolean {
    return v >= 0n && v >> this.mBig === 0n;
  }

  add(a: bigint, b: bigint): bigint {
    return a ^ b;
  }

  mul(a: bigint, b: bigint): bigint {
    const x = this.fromBigInt(a);
    this.mulInto(x, x, this.fromBigInt(b));
    return this.toBigInt(x);
  }

  sqr(a: bigint): bigint {
    const x = this.fromBigInt(a);
    this.sqrInto(x, x);
    return this.toBigInt(x);
  }

  /** a^(2^k): k successive squarings (the Frobenius map applied k times). */
  sqrTimes(a: bigint, k: number): bigint {
    const x = this.fromBigInt(a);
    this.sqrTimesInto(x, x, k);
    return this.toBigInt(x);
  }

  /** Multiplicative inverse (Itoh–Tsujii, see invInto). */
  inv(a: bigint): bigint {
    if (a === 0n) throw new RangeError('GF(2^m): inverse of zero');
    const x = this.fromBigInt(a);
    this.invInto(x, x);
    return this.toBigInt(x);
  }

  div(a: bigint, b: bigint): bigint {
    const x = this.fromBigInt(b);
    this.invInto(x, x);
    this.mulInto(x, x, this.fromBigInt(a));
    return this.toBigInt(x);
  }

  /** Square root: the inverse Frobenius map, a^(2^(m−1)). Every element has exactly one. */
  sqrt(a: bigint): bigint {
    return this.sqrTimes(a, this.m - 1);
  }

  /** Absolute trace Tr(a) = a + a^2 + a^4 + … + a^(2^(m−1)) ∈ {0, 1} (DSTU 4145 §6). */
  trace(a: bigint): 0 | 1 {
    return this.traceWords(this.fromBigInt(a));
  }

  /** The definition of the trace, m − 1 squarings: slow, kept as the reference for tests. */
  traceBySquaring(a: bigint): 0 | 1 {
    const t = this.fromBigInt(a);
    const acc = this.fromBigInt(a);
    for (let i = 1; i < this.m; i++) {
      this.sqrInto(t, t);
      this.addInto(acc, acc, t);
    }
    const value = this.toBigInt(acc);
    if (value !== 0n && value !== 1n) throw new Error('GF(2^m): trace not in GF(2) — bad modulus?');
    return Number(value) as 0 | 1;
  }

  /**
   * Half-trace H(a) = Σ_{i=0}^{(m−1)/2} a^(4^i), defined for odd m (DSTU 4145 §6).
   * When Tr(a) = 0, z = H(a) solves z^2 + z = a.
   */
  halfTrace(a: bigint): bigint {
    const x = this.fromBigInt(a);
    this.halfTraceInto(x, x);
    return this.toBigInt(x);
  }

  /**
   * One root of z^2 + z = w, or undefined if there is none (exactly when Tr(w) = 1).
   * The other root is z + 1.
   */
  solveQuadratic(w: bigint): bigint | undefined {
    if (w === 0n) return 0n;
    const ww = this.fromBigInt(w);
    if (this.traceWords(ww) !== 0) return undefined;
    const z = this.zero();
    this.halfTraceInto(z, ww);
    // Cheap self-check: a wrong root here would silently yield a wrong public key.
    const check = this.zero();
    this.sqrInto(check, z);
    this.addInto(check, check, z);
    if (!this.equalWords(check, ww)) throw new Error('GF(2^m): half-trace failed — bad modulus?');
    return this.toBigInt(z);
  }

  /**
   * Bit i set iff Tr(t^i) = 1. Tr(t^i) is the i-th power sum of the roots of the field
   * polynomial f, which Newton's identities give straight from f's coefficients:
   *   s_i = c_{m−1} s_{i−1} + … + c_{m−i+1} s_1 + i·c_{m−i}   (mod 2),  s_0 = m mod 2,
   * where f = t^m + c_{m−1} t^(m−1) + … + c_0. f is sparse, so this is O(m).
   */
  private traceMask(): Int32Array {
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
    const mask = this.zero();
    for (let i = 0; i < m; i++) if (s[i]) mask[i >>> 5] = mask[i >>> 5]! | (1 << (i & 31));
    this.traceMaskCache = mask;
    return mask;
  }
}

/**
 * c0…c16 (a product of two GF(2^257) elements) modulo t^257 + t^12 + 1 into out. Word i ≥ 9
 * is t^(32i) = t^(32(i−9) + 31)·t^257 ≡ t^(32(i−9) + 31)·(t^12 + 1); top-down, since word 16
 * folds into word 9. Then bits 257…287 of word 8 fold into words 0 and 1.
 */
function reduce257(
  out: FieldWords,
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  c4: number,
  c5: number,
  c6: number,
  c7: number,
  c8: number,
  c9: number,
  c10: number,
  c11: number,
  c12: number,
  c13: number,
  c14: number,
  c15: number,
  c16: number,
): void {
  c7 ^= c16 << 31; c8 ^= (c16 >>> 1) ^ (c16 << 11); c9 ^= c16 >>> 21;
  c6 ^= c15 << 31; c7 ^= (c15 >>> 1) ^ (c15 << 11); c8 ^= c15 >>> 21;
  c5 ^= c14 << 31; c6 ^= (c14 >>> 1) ^ (c14 << 11); c7 ^= c14 >>> 21;
  c4 ^= c13 << 31; c5 ^= (c13 >>> 1) ^ (c13 << 11); c6 ^= c13 >>> 21;
  c3 ^= c12 << 31; c4 ^= (c12 >>> 1) ^ (c12 << 11); c5 ^= c12 >>> 21;
  c2 ^= c11 << 31; c3 ^= (c11 >>> 1) ^ (c11 << 11); c4 ^= c11 >>> 21;
  c1 ^= c10 << 31; c2 ^= (c10 >>> 1) ^ (c10 << 11); c3 ^= c10 >>> 21;
  c0 ^= c9 << 31; c1 ^= (c9 >>> 1) ^ (c9 << 11); c2 ^= c9 >>> 21;
  const t = c8 >>> 1;
  c0 ^= t ^ (t << 12);
  c1 ^= t >>> 20;
  out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3; out[4] = c4; out[5] = c5; out[6] = c6; out[7] = c7;
  out[8] = c8 & 1;
}
