import { expect } from 'chai';
import { ownNumberOf } from './own-number';

describe('registry: a council document\'s own number (003 §195)', () => {
  const of = (kind: string, number?: string) => ownNumberOf({ kind, ...(number ? { outgoing: { number, date: '2026-03-02' } } : {}) });

  it('a decision or an order keeps the number it was signed with; its running number is the leading digits', () => {
    expect(of('mayor-order', '233-р')).to.deep.equal({ index: '233-р', number: 233, date: '2026-03-02' });
    expect(of('committee-decision', ' 45/3 ')).to.deep.equal({ index: '45/3', number: 45, date: '2026-03-02' });
  });

  it('no number, one without a running number in front, or any other kind: the hub draws one', () => {
    expect(of('mayor-order')).to.equal(undefined);
    expect(of('mayor-order', 'б/н')).to.equal(undefined);
    expect(of('mayor-order', '0-р')).to.equal(undefined);
    expect(of('mayor-order', '1234567890-р')).to.equal(undefined);
    expect(of('official-letter', '233-р')).to.equal(undefined);
  });
});
