import { expect } from 'chai';
import fc from 'fast-check';
import { BinaryField } from '../../../src/signatures/dstu4145/binaryField';
import { Dstu4145Curve, isOnCurve, pointsEqual } from '../../../src/signatures/dstu4145/ellipticCurve';
import { bigIntToBytesLE, bitLength, hashToFieldElement } from '../../../src/signatures/dstu4145/encoding';
import { NAMED_CURVES, parseDstu4145PublicKey, verifyComponents, verifyDstu4145 } from '../../../src/signatures/dstu4145';
import { multiply, multiplyTwo, wnaf } from '../../../src/signatures/dstu4145/scalarMultiplication';
import { extractCmsSigner, readReference, REFERENCE_DIR } from '../../../src/signatures/dstu4145/testVectors';
import { readFileSync } from 'node:fs';
import * as legacy from './legacy';

/**
 * The word-level GF(2^m) and curve arithmetic against the bigint implementation it replaced
 * (./legacy.ts, kept as the oracle), on random and edge-case elements of every DSTU 4145
 * field and two small ones; then scalar multiplication and verification on every named curve.
 */

const FIELDS: [string, number, number[]][] = [
  ['GF(2^5)', 5, [2]],
  ['GF(2^8) (AES)', 8, [1, 3, 4]],
  ...Object.values(NAMED_CURVES).map((c): [string, number, number[]] => [c.name, c.field.m, [...c.field.middleExponents]]),
];

/** Random elements, with the edges a word-level implementation gets wrong: 0, 1, all ones, single bits, word boundaries. */
function element(m: number): fc.Arbitrary<bigint> {
  const top = (1n << BigInt(m)) - 1n;
  return fc.oneof(
    { weight: 12, arbitrary: fc.bigInt({ min: 0n, max: top }) },
    { weight: 1, arbitrary: fc.constantFrom(0n, 1n, top, top ^ 1n, 1n << BigInt(m - 1)) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: m - 1 }).map((i) => 1n << BigInt(i)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: Math.min(m, 64) }).map((bits) => (1n << BigInt(bits)) - 1n) },
  );
}

let cases = 0;
const run = (runs: number, seed: number) => ({ numRuns: runs, seed });

describe('dstu4145 / new arithmetic against the old one (fast-check)', function () {
  this.timeout(120_000);
  before(() => {
    cases = 0;
  });

  for (const [name, m, k] of FIELDS) {
    describe(`${name}: GF(2^${m}), t^${m} + ${k.map((e) => `t^${e}`).join(' + ')} + 1`, () => {
      const fresh = new BinaryField(m, k);
      const old = new legacy.LegacyBinaryField(m, k);

      it('mul, sqr, and the word-level forms with aliased operands', () => {
        fc.assert(
          fc.property(element(m), element(m), (a, b) => {
            cases++;
            const product = old.mul(a, b);
            expect(fresh.mul(a, b)).to.equal(product);
            expect(fresh.sqr(a)).to.equal(old.sqr(a));
            const x = fresh.fromBigInt(a);
            const y = fresh.fromBigInt(b);
            expect(fresh.toBigInt(x)).to.equal(a);
            fresh.mulInto(x, x, y); // out = a
            expect(fresh.toBigInt(x)).to.equal(product);
            fresh.fromBigInt(a, x);
            fresh.mulInto(y, x, y); // out = b
            expect(fresh.toBigInt(y)).to.equal(product);
            fresh.sqrInto(x, x);
            expect(fresh.toBigInt(x)).to.equal(old.sqr(a));
          }),
          run(8_000, m),
        );
      });

      it('trace (mask form) and the sum', () => {
        fc.assert(
          fc.property(element(m), element(m), (a, b) => {
            cases++;
            expect(fresh.trace(a)).to.equal(old.trace(a));
            const x = fresh.fromBigInt(a);
            fresh.addInto(x, x, fresh.fromBigInt(b));
            expect(fresh.toBigInt(x)).to.equal(old.add(a, b));
          }),
          run(300, m + 1),
        );
      });

      it('inverse, division and square root', () => {
        fc.assert(
          fc.property(element(m), element(m), (a, b) => {
            cases++;
            if (a === 0n) {
              expect(() => fresh.inv(a)).to.throw(RangeError);
              return;
            }
            expect(fresh.inv(a)).to.equal(old.inv(a));
            expect(fresh.div(b, a)).to.equal(old.div(b, a));
            expect(fresh.sqrt(b)).to.equal(old.sqrt(b));
          }),
          run(200, m + 2),
        );
      });

      if (m % 2 === 1) {
        it('half-trace and the quadratic z^2 + z = w', () => {
          fc.assert(
            fc.property(element(m), (w) => {
              cases++;
              expect(fresh.halfTrace(w)).to.equal(old.halfTrace(w));
              expect(fresh.solveQuadratic(w)).to.equal(old.solveQuadratic(w));
            }),
            run(300, m + 3),
          );
        });
      }
    });
  }

  it('refuses values outside the field instead of reading their low words', () => {
    const f = NAMED_CURVES.M257!.field;
    expect(() => f.mul(1n << 257n, 1n)).to.throw(RangeError);
    expect(() => f.sqr(-1n)).to.throw(RangeError);
    expect(() => f.fromBigInt((1n << 288n) | 1n)).to.throw(RangeError);
  });

  describe('points and scalars on every named curve', () => {
    for (const curve of Object.values(NAMED_CURVES)) {
      const lc = legacy.legacyCurve(curve);
      const scalar = fc.bigInt({ min: 1n, max: curve.n - 1n });
      const runs = curve.name === 'M257' ? 40 : 8;

      it(`${curve.name}: k·P and u·P + v·Q equal the old double-and-add and interleaved wNAF`, () => {
        fc.assert(
          fc.property(scalar, scalar, scalar, (k, u, v) => {
            cases++;
            const q = multiply(curve, k, curve.base);
            expect(pointsEqual(q, legacy.multiply(lc, k, curve.base))).to.equal(true);
            expect(isOnCurve(curve, q)).to.equal(true);
            const joint = multiplyTwo(curve, u, curve.base, v, q);
            expect(pointsEqual(joint, legacy.multiplyTwo(lc, u, curve.base, v, q))).to.equal(true);
          }),
          run(runs, curve.field.m),
        );
      });
    }

    it('small scalars, multiples of n and the point at infinity agree too', () => {
      for (const curve of [NAMED_CURVES.M163!, NAMED_CURVES.M257!]) {
        const lc = legacy.legacyCurve(curve);
        for (const k of [1n, 2n, 3n, 4n, 5n, 31n, 32n, 33n, curve.n - 1n, curve.n, curve.n + 1n, 2n * curve.n]) {
          cases++;
          expect(pointsEqual(multiply(curve, k, curve.base), legacy.multiply(lc, k, curve.base)), `${curve.name} ${k}`).to.equal(true);
          expect(pointsEqual(multiply(curve, -k, curve.base), legacy.multiply(lc, -k, curve.base))).to.equal(true);
        }
        expect(multiplyTwo(curve, 5n, curve.base, curve.n - 5n, curve.base)).to.equal(null);
        expect(pointsEqual(multiplyTwo(curve, 3n, curve.base, 0n, null), multiply(curve, 3n, curve.base))).to.equal(true);
      }
    });

    it('wNAF: digits rebuild the scalar, are odd, small and non-adjacent', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: (1n << 440n) - 1n }), fc.integer({ min: 2, max: 8 }), (k, w) => {
          cases++;
          const digits = wnaf(k, w);
          let rebuilt = 0n;
          for (let i = digits.length - 1; i >= 0; i--) rebuilt = 2n * rebuilt + BigInt(digits[i]!);
          expect(rebuilt).to.equal(k);
          let last = -w;
          digits.forEach((d, i) => {
            if (d === 0) return;
            expect(Math.abs(d) % 2).to.equal(1);
            expect(Math.abs(d)).to.be.lessThan(1 << (w - 1));
            expect(i - last).to.be.at.least(w);
            last = i;
          });
        }),
        run(500, 4145),
      );
    });
  });

  describe('verification', () => {
    // Signing per the standard, test-only: Q = −d·P; R = e·P; r = trunc(h·R.x); s = e + d·r mod n.
    function testSign(curve: Dstu4145Curve, d: bigint, e: bigint, h: bigint): { r: bigint; s: bigint } {
      const R = multiply(curve, e, curve.base)!;
      const r = BigInt.asUintN(bitLength(curve.n) - 1, curve.field.mul(R.x, h));
      return { r, s: (e + d * r) % curve.n };
    }

    it('M257: genuine and tampered signatures get the same answer from both', () => {
      const curve = NAMED_CURVES.M257!;
      const lc = legacy.legacyCurve(curve);
      const scalar = fc.bigInt({ min: 1n, max: curve.n - 1n });
      fc.assert(
        fc.property(scalar, scalar, element(256), fc.integer({ min: 0, max: 3 }), (d, e, h0, tamper) => {
          cases++;
          const h = h0 === 0n ? 1n : h0;
          const q = multiply(curve, curve.n - d, curve.base)!;
          let { r, s } = testSign(curve, d, e, h);
          if (tamper === 1) s = (s + 1n) % curve.n;
          if (tamper === 2) r ^= 1n;
          const expected = legacy.legacyVerifyComponents(lc, q, h, r, s);
          expect(verifyComponents(curve, q, h, r, s)).to.equal(expected);
          if (tamper === 0 && r !== 0n && s !== 0n) expect(expected).to.equal(true);
        }),
        run(40, 257),
      );
    });

    it('every real signature of the reference data and the СЕВ ОВВ samples verifies with both', () => {
      const signData = (file: string): Uint8Array => {
        const xml = readFileSync(`${REFERENCE_DIR.replace(/signatures\/?$/, 'sev-ovv/samples')}/${file}`, 'utf8');
        return new Uint8Array(Buffer.from(/<SignData>([\s\S]*?)<\/SignData>/.exec(xml)![1]!.replace(/\s+/g, ''), 'base64'));
      };
      const signatures = [
        ...['uapki/cades-bes-attached.p7s', 'uapki/cades-bes-detached.p7s', 'uapki/cades-t-attached.p7s', 'jkurwa/message.p7'].map(readReference),
        ...['DS01-do-vykonannia.xml', 'DS05-dlia-informuvannia.xml', 'DS12-zvitnist-dlia-uzahalnennia.xml'].map(signData),
      ];
      const gost89 = require('gost89') as { gosthash(data: Uint8Array): Uint8Array };
      for (const der of signatures) {
        cases++;
        const v = extractCmsSigner(der);
        const pub = parseDstu4145PublicKey(v.signerSpki);
        const oldHash = Uint8Array.from(gost89.gosthash(Buffer.from(v.signedAttrsDer!)));
        expect(verifyDstu4145(pub, oldHash, v.signature)).to.equal(true);
        const half = v.signature.length / 2;
        const r = BigInt('0x' + Buffer.from(v.signature.subarray(0, half)).reverse().toString('hex'));
        const s = BigInt('0x' + Buffer.from(v.signature.subarray(half)).reverse().toString('hex'));
        const h = hashToFieldElement(pub.curve.field, oldHash);
        expect(legacy.legacyVerifyComponents(legacy.legacyCurve(pub.curve), pub.point, h, r, s)).to.equal(true);
        expect(bigIntToBytesLE(r, half)).to.deep.equal(Uint8Array.from(v.signature.subarray(0, half)));
      }
    });
  });

  describe('in all', () => {
    it('compared at least 100,000 cases (the bar of issue 16)', () => {
      expect(cases).to.be.at.least(100_000);
    });
  });
});
