import { expect } from 'chai';
import { addAffine, CurvePoint, doubleAffine, isOnCurve, negate, pointsEqual } from './ellipticCurve';
import { NAMED_CURVE_COFACTORS, NAMED_CURVES } from './namedCurves';
import { compressPoint, decompressPoint } from './pointCompression';
import { multiply, multiplyTwo, wnaf } from './scalarMultiplication';
import { TestRandom } from './testRandom';

describe('dstu4145 / curves and points', () => {
  describe('named curves M163…M431', () => {
    for (const [name, curve] of Object.entries(NAMED_CURVES)) {
      it(`${name}: base point lies on the curve and has order n`, () => {
        expect(isOnCurve(curve, curve.base)).to.equal(true);
        expect(multiply(curve, curve.n, curve.base)).to.equal(null);
        expect(pointsEqual(multiply(curve, curve.n - 1n, curve.base), negate(curve, curve.base))).to.equal(true);
        // #E = h·n must respect the Hasse bound |#E − (2^m + 1)| ≤ 2·2^(m/2): catches a mistyped n.
        const order = BigInt(NAMED_CURVE_COFACTORS[name]!) * curve.n;
        const q = 1n << BigInt(curve.field.m);
        const slack = 2n * (1n << BigInt(Math.ceil(curve.field.m / 2)));
        expect(order > q + 1n - slack && order < q + 1n + slack).to.equal(true);
      });
    }

    it('numbers the OIDs 1.2.804.2.1.1.1.1.3.1.1.2.0 … .9 in size order', () => {
      expect(NAMED_CURVES.M163!.oid).to.equal('1.2.804.2.1.1.1.1.3.1.1.2.0');
      expect(NAMED_CURVES.M257!.oid).to.equal('1.2.804.2.1.1.1.1.3.1.1.2.6');
      expect(NAMED_CURVES.M431!.oid).to.equal('1.2.804.2.1.1.1.1.3.1.1.2.9');
    });
  });

  describe('group law', () => {
    const curve = NAMED_CURVES.M163!; // a = 1: exercises the A-dependent terms
    const curveA0 = NAMED_CURVES.M257!; // a = 0

    it('projective double-and-add agrees with affine repeated addition', () => {
      for (const c of [curve, curveA0]) {
        let sum: CurvePoint = null;
        for (let k = 1n; k <= 9n; k++) {
          sum = addAffine(c, sum, c.base);
          expect(isOnCurve(c, sum)).to.equal(true);
          expect(pointsEqual(multiply(c, k, c.base), sum), `${c.name} ${k}P`).to.equal(true);
        }
        expect(pointsEqual(doubleAffine(c, c.base), multiply(c, 2n, c.base))).to.equal(true);
      }
    });

    it('P + (−P) = O and P + O = P', () => {
      expect(addAffine(curve, curve.base, negate(curve, curve.base))).to.equal(null);
      expect(pointsEqual(addAffine(curve, curve.base, null), curve.base)).to.equal(true);
      expect(multiply(curve, 0n, curve.base)).to.equal(null);
    });

    it('u·P + v·Q (interleaved wNAF) equals (u + v·k)·P for random scalars', () => {
      const rnd = new TestRandom(7);
      for (const c of [curve, curveA0]) {
        for (let i = 0; i < 3; i++) {
          const k = rnd.below(c.n);
          const u = rnd.below(c.n);
          const v = rnd.below(c.n);
          const q = multiply(c, k, c.base)!;
          const expected = multiply(c, (u + v * k) % c.n, c.base);
          expect(pointsEqual(multiplyTwo(c, u, c.base, v, q), expected)).to.equal(true);
          // A fresh object for Q (no cached table) must give the same answer.
          expect(pointsEqual(multiplyTwo(c, u, c.base, v, { x: q.x, y: q.y }), expected)).to.equal(true);
        }
        expect(multiplyTwo(c, 1n, c.base, c.n - 1n, c.base)).to.equal(null);
      }
    });

    it('wNAF digits rebuild the scalar and are non-adjacent', () => {
      const rnd = new TestRandom(11);
      for (const w of [4, 5, 6]) {
        const k = rnd.bits(256);
        const digits = wnaf(k, w);
        let rebuilt = 0n;
        for (let i = digits.length - 1; i >= 0; i--) rebuilt = 2n * rebuilt + BigInt(digits[i]!);
        expect(rebuilt).to.equal(k);
        digits.forEach((d, i) => {
          if (d === 0) return;
          expect(Math.abs(d) % 2).to.equal(1);
          expect(Math.abs(d)).to.be.lessThan(1 << (w - 1));
          for (let j = i + 1; j < Math.min(i + w, digits.length); j++) expect(digits[j]).to.equal(0);
        });
      }
    });
  });

  describe('point compression (x with its low bit replaced by Tr(y/x))', () => {
    it('matches the compressed M257 base point carried in the Diia certificates', () => {
      // DSTU4145ECBinary.bp of uapki/certs/diia-test-sign-7775603.cer, byte-reversed from LE.
      const bp = 0x2a29ef207d0e9b6c55cd260b306c7e007ac491ca1b10c62334a9e8dcd8d20fb6n;
      const curve = NAMED_CURVES.M257!;
      expect(compressPoint(curve, curve.base)).to.equal(bp);
      expect(pointsEqual(decompressPoint(curve, bp)!, curve.base)).to.equal(true);
    });

    it('round-trips random subgroup points on every named curve, and the trace bit selects ±P', () => {
      const rnd = new TestRandom(3);
      for (const curve of Object.values(NAMED_CURVES)) {
        const p = multiply(curve, rnd.below(curve.n), curve.base)!;
        const packed = compressPoint(curve, p);
        expect(curve.field.isElement(packed)).to.equal(true);
        expect(pointsEqual(decompressPoint(curve, packed)!, p), curve.name).to.equal(true);
        expect(pointsEqual(decompressPoint(curve, packed ^ 1n)!, negate(curve, p)), curve.name).to.equal(true);
      }
    });

    it('rejects an x that is on no curve point, and values outside the field', () => {
      const curve = NAMED_CURVES.M257!;
      const f = curve.field;
      // Find an x whose z^2 + z = x + A + B/x^2 has no root (about half of all x).
      let bad: bigint | undefined;
      for (let x = 2n; bad === undefined; x += 2n) {
        const fixed = f.trace(x) === Number(curve.a) ? x : x | 1n;
        if (f.trace(fixed ^ curve.a ^ f.mul(curve.b, f.inv(f.sqr(fixed)))) === 1) bad = x;
      }
      expect(decompressPoint(curve, bad)).to.equal(undefined);
      expect(decompressPoint(curve, 1n << 257n)).to.equal(undefined);
    });
  });
});
