import { expect } from 'chai';
import { plural, pluralForm } from './plural-uk';

const CASES = { one: 'справу', few: 'справи', many: 'справ' };

describe('plural-uk: the one Ukrainian plural helper (Intl.PluralRules uk)', () => {
  it('picks one / few / many as Ukrainian counts them, including the teens and 21, 22, 111', () => {
    const said = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1000].map((n) => plural(n, CASES));
    expect(said).to.deep.equal([
      '0 справ', '1 справу', '2 справи', '4 справи', '5 справ', '11 справ', '12 справ', '14 справ',
      '21 справу', '22 справи', '25 справ', '101 справу', '111 справ', '1000 справ',
    ]);
  });

  it('a fraction takes the few form unless the caller gives its own', () => {
    expect(pluralForm(1.5, CASES)).to.equal('справи');
    expect(pluralForm(1.5, { one: 'символ', few: 'символи', many: 'символів', other: 'символу' })).to.equal('символу');
  });
});
