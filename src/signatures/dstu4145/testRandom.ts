/**
 * Test helper: reproducible pseudo-random bigints (xorshift32), so a failing property test
 * fails the same way on every run. Not for cryptographic use.
 */
export class TestRandom {
  private state: number;

  constructor(seed = 0x2545f491) {
    this.state = seed >>> 0 || 1;
  }

  private next32(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** Uniform in [0, 2^bits). */
  bits(bits: number): bigint {
    let v = 0n;
    for (let i = 0; i < bits; i += 32) v = (v << 32n) | BigInt(this.next32());
    return BigInt.asUintN(bits, v);
  }

  /** Uniform-ish in [1, limit). */
  below(limit: bigint): bigint {
    const v = this.bits(limit.toString(2).length + 16) % (limit - 1n);
    return v + 1n;
  }

  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.next32() & 0xff);
  }
}
