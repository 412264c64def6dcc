import { expect } from 'chai';
import fc from 'fast-check';
import { parseAddress } from './addresses';
import { parseName } from './names';
import { foldRaw, foldText, normaliseAddressText, normaliseText } from './text';

/** Characters that occur in Ukrainian names and addresses as people type them, with the usual noise. */
const TYPED = [
  ...'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ',
  ...'ёыэъЁЫЭЪaceiopxkyACEIOPXKYïÏbBmMtThH',
  ...'0123456789',
  ...' .,;:-–—/№()"«»\'’ʼ`´‘\t\n',
  '\u0308', '\u0306', '\u0301',
];
const typed = fc.array(fc.constantFrom(...TYPED), { maxLength: 40 }).map((cs) => cs.join(''));

describe('appeals: the normaliser (property-based)', () => {
  it('is idempotent on any text, including all of Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => normaliseText(normaliseText(s)) === normaliseText(s)), { numRuns: 3000 });
    fc.assert(fc.property(typed, (s) => normaliseText(normaliseText(s)) === normaliseText(s)), { numRuns: 3000 });
    fc.assert(fc.property(typed, (s) => normaliseAddressText(normaliseAddressText(s)) === normaliseAddressText(s)), { numRuns: 3000 });
  });

  it('is case-insensitive', () => {
    fc.assert(
      fc.property(typed, (s) => {
        const n = normaliseText(s);
        return normaliseText(s.toUpperCase()) === n && normaliseText(s.toLowerCase()) === n;
      }),
      { numRuns: 3000 },
    );
  });

  it('folding is idempotent and case-insensitive too, and parsing ignores case', () => {
    fc.assert(
      fc.property(typed, (s) => {
        const f = foldRaw(s);
        return foldText(f) === f && foldRaw(f) === f && foldRaw(s.toUpperCase()) === f;
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(typed, (s) => {
        expect(parseName(s.toUpperCase())).to.deep.equal(parseName(s));
        expect(parseAddress(s.toLowerCase())).to.deep.equal(parseAddress(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('output uses a fixed alphabet: lowercase Ukrainian letters, digits, ʼ, inner hyphens, single spaces', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => /^(?:[0-9а-яіїєґʼ]+(?:-[0-9а-яіїєґʼ]+)*(?: |$))*$/.test(normaliseText(s))));
  });

  it('apostrophe variants, decomposed letters and Latin look-alikes become one form', () => {
    const forms = ["Дем'яненко", 'Дем’яненко', 'Демʼяненко', 'Дем`яненко', 'ДЕМ´ЯНЕНКО', 'Дем‘яненко'];
    expect(new Set(forms.map(normaliseText))).to.deep.equal(new Set(['демʼяненко']));
    expect(normaliseText('Ковалі\u0308в')).to.equal('ковалїв'); // і + combining diaeresis → ї
    expect(normaliseText('Ирина Koвaлeнкo')).to.equal('ирина коваленко'); // Latin o, a, e typed
    expect(normaliseText('«Квітка – Основ’яненко»')).to.equal('квітка-основʼяненко');
  });

  it('folding joins the letters people confuse: ґ/г, ї/і, є/е, и/і, soft sign, apostrophe', () => {
    expect(foldRaw('Ґудзенко')).to.equal(foldRaw('Гудзенко'));
    expect(foldRaw('Їжакевич')).to.equal(foldRaw('Іжакевич'));
    expect(foldRaw('Євтушенко')).to.equal(foldRaw('Евтушенко'));
    expect(foldRaw('Ирина')).to.equal(foldRaw('Ірина'));
    expect(foldRaw("Мар'яна")).to.equal(foldRaw('Марьяна'));
    expect(foldRaw('Ковальчук')).to.not.equal(foldRaw('Ковальчик'));
  });
});
