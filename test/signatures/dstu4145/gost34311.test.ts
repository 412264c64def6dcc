import { expect } from 'chai';
import fc from 'fast-check';
import { DEFAULT_DKE, Gost34311, gost34311, packSbox, unpackDke } from '../../../src/signatures/dstu4145/gost34311';

/**
 * GOST 34.311-95 (GOST R 34.11-94): the hand-written word-level hash against published vectors
 * and, on random inputs, against the `gost89` package the verifier used before.
 */

interface Gost89Hash {
  gost: unknown;
  update(data: Uint8Array): void;
  finish(out: Uint8Array): Uint8Array;
}
const gost89Hash = require('gost89/lib/hash.js') as { init(): Gost89Hash };
const gost89Cipher = require('gost89/lib/gost89.js') as { init(sbox?: Uint8Array): unknown };
const gost89Sbox = require('gost89/lib/dstu.js') as { defaultSbox: Uint8Array; packSbox(sbox: Uint8Array): Uint8Array };

/** gost89's hash, optionally with another S-box (its unpacked layout lists K8 first). */
function gost89(data: Uint8Array, rows?: number[][]): string {
  const ctx = gost89Hash.init();
  if (rows) ctx.gost = gost89Cipher.init(Uint8Array.from([...rows].reverse().flat()));
  ctx.update(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return hex(ctx.finish(new Uint8Array(32)));
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const text = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

/** The "test" parameter set of GOST R 34.11-94 (id-GostR3411-94-TestParamSet, RFC 4357), K1…K8. */
const TEST_SBOX = [
  [4, 10, 9, 2, 13, 8, 0, 14, 6, 11, 1, 12, 7, 15, 5, 3],
  [14, 11, 4, 12, 6, 13, 15, 10, 2, 3, 8, 1, 0, 7, 5, 9],
  [5, 8, 1, 13, 10, 3, 4, 2, 14, 15, 12, 7, 6, 0, 9, 11],
  [7, 13, 10, 1, 0, 8, 9, 15, 14, 4, 6, 12, 11, 2, 5, 3],
  [6, 12, 7, 1, 5, 15, 13, 8, 4, 10, 9, 14, 0, 3, 11, 2],
  [4, 11, 10, 0, 7, 2, 1, 13, 3, 6, 8, 5, 9, 12, 15, 14],
  [13, 11, 4, 1, 3, 15, 5, 9, 0, 10, 14, 7, 6, 8, 2, 12],
  [1, 15, 13, 0, 5, 7, 10, 4, 9, 2, 3, 14, 6, 11, 8, 12],
];
const TEST_DKE = packSbox(TEST_SBOX);

describe('dstu4145 / GOST 34.311-95 (word-level implementation)', () => {
  it('matches the published GOST R 34.11-94 vectors with the "test" parameter set', () => {
    // GOST R 34.11-94 Appendix A (the two messages of 32 and 50 bytes) and the widely
    // reproduced vectors (empty, "a", "abc", …, a million "a").
    const vectors: [string, string][] = [
      ['This is message, length=32 bytes', 'b1c466d37519b82e8319819ff32595e047a28cb6f83eff1c6916a815a637fffa'],
      ['Suppose the original message has length = 50 bytes', '471aba57a60a770d3a76130635c1fbea4ef14de51f78b4ae57dd893b62f55208'],
      ['', 'ce85b99cc46752fffee35cab9a7b0278abb4c2d2055cff685af4912c49490f8d'],
      ['a', 'd42c539e367c66e9c88a801f6649349c21871b4344c6a573f849fdce62f314dd'],
      ['abc', 'f3134348c44fb1b2a277729e2285ebb5cb5e0f29c975bc753b70497c06a4d51d'],
      ['message digest', 'ad4434ecb18f2c99b60cbe59ec3d2469582b65273f48de72db2fde16a4889a4d'],
      ['The quick brown fox jumps over the lazy dog', '77b7fa410c9ac58a25f49bca7d0468c9296529315eaca76bd1a10f376d1f4294'],
      ['The quick brown fox jumps over the lazy cog', 'a3ebc4daaab78b0be131dab5737a7f67e602670d543521319150d2e14eeec445'],
      ['U'.repeat(128), '53a3a3ed25180cef0c1d85a074273e551c25660a87062a52d926a9e8fe5733a4'],
      ['a'.repeat(1_000_000), '5c00ccc2734cdd3332d3d4749576e3c1a7dbaf0e7ea74e9fa602413c90a129fa'],
    ];
    for (const [message, digest] of vectors) {
      expect(hex(gost34311(text(message), TEST_DKE)), message.slice(0, 40)).to.equal(digest);
    }
  });

  it('matches the known answers of the gost89 package with the DSTU S-box', () => {
    expect(hex(gost34311(text('12345678901234567890123456789011')))).to.equal(
      '7686f3f4b113aadc97bca9ea054f41821f0676c5c28ffb987e41797a568e1ed4',
    );
    expect(hex(gost34311(Uint8Array.from({ length: 32 }, (_, i) => i)))).to.equal(
      '811cb06a8ee423182d9cc9d281f783908f4cfbaf47a68be8415d3499674a3063',
    );
    expect(hex(gost34311(text('123123')))).to.equal('34d4da2c04e9c1ceb933282069c864617d94ed7cc5c0a9840c0c1a99629df637');
    const long =
      'IGNORE THIS FILE. This file does nothing, contains no useful data, and might go away in future releases.  Do not depend on this file or its contents.';
    expect(hex(gost34311(text(long)))).to.equal('e9312d13d0e0d39aa4a00c77dcfb661883dd0ed8218af48a146168fc60f014dc');
  });

  it('DEFAULT_DKE is gost89\'s default S-box packed, and packing round-trips', () => {
    expect(hex(DEFAULT_DKE)).to.equal(hex(gost89Sbox.packSbox(gost89Sbox.defaultSbox)));
    expect(hex(packSbox(unpackDke(DEFAULT_DKE)))).to.equal(hex(DEFAULT_DKE));
    expect(unpackDke(TEST_DKE)).to.deep.equal(TEST_SBOX);
    expect(() => unpackDke(new Uint8Array(63))).to.throw(RangeError);
    expect(() => packSbox(TEST_SBOX.slice(1))).to.throw(RangeError);
  });

  it('equals gost89 on 10,000 random inputs of many lengths, whole and streamed in random pieces', () => {
    let cases = 0;
    const lengths = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 1_100 }) },
      // around block boundaries, up to 2 KiB
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 64 }), fc.integer({ min: -1, max: 1 })).map(([blocks, k]) => 32 * blocks + k) },
    );
    const input = lengths.chain((length) =>
      fc.tuple(fc.uint8Array({ minLength: length, maxLength: length }), fc.array(fc.nat({ max: Math.max(length, 1) }), { maxLength: 6 })),
    );
    fc.assert(
      fc.property(input, ([data, cuts]) => {
        cases++;
        const whole = hex(gost34311(data));
        expect(whole).to.equal(gost89(data));
        const hasher = new Gost34311();
        let from = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          hasher.update(data.subarray(from, Math.max(from, cut)));
          from = Math.max(from, cut);
        }
        hasher.update(data.subarray(from));
        expect(hex(hasher.digest())).to.equal(whole);
      }),
      { numRuns: 10_000, seed: 3411 },
    );
    expect(cases).to.be.at.least(10_000);
  });

  it('equals gost89 with another S-box (the "test" set) on random inputs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(hex(gost34311(data, TEST_DKE))).to.equal(gost89(data, TEST_SBOX));
      }),
      { numRuns: 500, seed: 9411 },
    );
  });

  it('hashes only the bytes of a view, at any alignment, and the same streamed byte by byte', () => {
    const big = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7 + 3) & 0xff);
    for (const offset of [0, 1, 2, 3, 5]) {
      const view = big.subarray(offset, offset + 333);
      expect(hex(gost34311(view))).to.equal(hex(gost34311(Uint8Array.from(view))));
    }
    const hasher = new Gost34311();
    for (const byte of big) hasher.update(Uint8Array.of(byte));
    expect(hex(hasher.digest())).to.equal(hex(gost34311(big)));
  });

  it('refuses to be used after digest', () => {
    const hasher = new Gost34311().update(text('abc'));
    hasher.digest();
    expect(() => hasher.digest()).to.throw(/twice/);
    expect(() => hasher.update(text('d'))).to.throw(/after digest/);
  });
});
