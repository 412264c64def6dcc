import { expect } from 'chai';
import { BinaryField } from './binaryField';
import { NAMED_CURVES } from './namedCurves';
import { TestRandom } from './testRandom';

describe('dstu4145 / GF(2^m) arithmetic', () => {
  describe('fixed inputs', () => {
    // AES field GF(2^8) = GF(2)[t]/(t^8 + t^4 + t^3 + t + 1): worked examples of FIPS-197 §4.2, §5.1.1.
    const aes = new BinaryField(8, [1, 3, 4]);

    it('multiplies as in FIPS-197 ({57}·{83} = {c1}, {57}·{13} = {fe})', () => {
      expect(aes.mul(0x57n, 0x83n)).to.equal(0xc1n);
      expect(aes.mul(0x57n, 0x13n)).to.equal(0xfen);
    });

    it('inverts as in FIPS-197 ({53}^-1 = {ca})', () => {
      expect(aes.inv(0x53n)).to.equal(0xcan);
      expect(aes.inv(0xcan)).to.equal(0x53n);
    });

    it('folds t^m back with the field polynomial (M163: t^162·t = t^7 + t^6 + t^3 + 1)', () => {
      const f = NAMED_CURVES.M163!.field;
      expect(f.mul(1n << 162n, 2n)).to.equal(0xc9n);
      expect(f.modulus).to.equal((1n << 163n) | 0xc9n);
      // In GF(2^5) = GF(2)[t]/(t^5 + t^2 + 1): t^-1 = t^4 + t.
      const small = new BinaryField(5, [2]);
      expect(small.inv(2n)).to.equal(0b10010n);
      expect(small.sqr(0b10000n)).to.equal(small.mul(0b10000n, 0b10000n)).and.to.equal(0b01101n); // t^8 = t^3 + t^2 + 1
    });

    it('has Tr(1) = m mod 2', () => {
      expect(NAMED_CURVES.M257!.field.trace(1n)).to.equal(1);
      expect(aes.trace(1n)).to.equal(0);
    });

    it('rejects malformed field polynomials and inverting zero', () => {
      expect(() => new BinaryField(163, [3, 6])).to.throw(/trinomial or a pentanomial/);
      expect(() => new BinaryField(163, [163])).to.throw(/bad exponent/);
      expect(() => new BinaryField(163, [3, 3, 7])).to.throw(/repeated/);
      expect(() => NAMED_CURVES.M163!.field.inv(0n)).to.throw(RangeError);
    });
  });

  // One trinomial and pentanomials of several sizes, all from the DSTU curve table.
  for (const name of ['M163', 'M167', 'M257', 'M431']) {
    describe(`properties on random elements of GF(2^${NAMED_CURVES[name]!.field.m})`, () => {
      const f = NAMED_CURVES[name]!.field;
      const rnd = new TestRandom(f.m);
      const samples = Array.from({ length: 12 }, () => [rnd.bits(f.m), rnd.bits(f.m), rnd.bits(f.m)] as const);

      it('multiplication is commutative, associative, distributive, with identity 1', () => {
        for (const [a, b, c] of samples) {
          expect(f.isElement(f.mul(a, b))).to.equal(true);
          expect(f.mul(a, b)).to.equal(f.mul(b, a));
          expect(f.mul(f.mul(a, b), c)).to.equal(f.mul(a, f.mul(b, c)));
          expect(f.mul(a, b ^ c)).to.equal(f.mul(a, b) ^ f.mul(a, c));
          expect(f.mul(a, 1n)).to.equal(a);
          expect(f.mul(a, 0n)).to.equal(0n);
        }
      });

      it('squaring agrees with multiplication and square root undoes it', () => {
        for (const [a, b] of samples) {
          expect(f.sqr(a)).to.equal(f.mul(a, a));
          expect(f.sqr(a ^ b)).to.equal(f.sqr(a) ^ f.sqr(b)); // Frobenius is additive
          expect(f.sqr(f.sqrt(a))).to.equal(a);
          expect(f.sqrt(f.sqr(a))).to.equal(a);
        }
      });

      it('inverse: a·a⁻¹ = 1, (a⁻¹)⁻¹ = a, (ab)⁻¹ = a⁻¹b⁻¹', () => {
        for (const [a, b] of samples.slice(0, 4)) {
          const ai = f.inv(a);
          expect(f.mul(a, ai)).to.equal(1n);
          expect(f.inv(ai)).to.equal(a);
          expect(f.inv(f.mul(a, b))).to.equal(f.mul(ai, f.inv(b)));
        }
      });

      it('trace: the fast mask form equals the definition, is linear and Frobenius-invariant', () => {
        for (const [a, b] of samples.slice(0, 6)) {
          expect(f.trace(a)).to.equal(f.traceBySquaring(a));
          expect(f.trace(a ^ b)).to.equal(f.trace(a) ^ f.trace(b));
          expect(f.trace(f.sqr(a))).to.equal(f.trace(a));
        }
        const traces = samples.map(([a]) => f.trace(a));
        expect(traces).to.include(0).and.to.include(1); // half the field has each trace
      });

      it('half-trace solves z^2 + z = w exactly when Tr(w) = 0', () => {
        let solved = 0;
        let unsolvable = 0;
        for (const [w] of samples.slice(0, 8)) {
          const z = f.solveQuadratic(w);
          if (f.trace(w) === 0) {
            expect(z, 'Tr(w) = 0 must be solvable').to.not.equal(undefined);
            expect(f.sqr(z!) ^ z!).to.equal(w);
            expect(f.sqr(z! ^ 1n) ^ z! ^ 1n).to.equal(w); // the other root
            solved++;
          } else {
            expect(z).to.equal(undefined);
            unsolvable++;
          }
        }
        expect(solved).to.be.greaterThan(0);
        expect(unsolvable).to.be.greaterThan(0);
      });
    });
  }
});
