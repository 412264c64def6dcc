/** Validation errors in Ukrainian (issue 12: «must be <= 200» reached clerks), with the right plural forms. */
import { expect } from 'chai';
import { violations } from './index';

describe('schemas: violations in Ukrainian', () => {
  it('each violation says what is wrong in Ukrainian, with Intl plural forms', () => {
    const found = violations('resolution-request.schema.json', { executors: [], task: 'x'.repeat(4001), extra: 1, term: '10.03.2026' });
    const uk = Object.fromEntries(found.map((v) => [v.path, v.messageUk]));
    expect(uk['/executors']).to.equal('має містити щонайменше 1 елемент');
    expect(uk['/task']).to.equal('має бути не довше за 4000 символів');
    expect(uk['/term']).to.equal('має бути дата у форматі РРРР-ММ-ДД');
    expect(found.find((v) => v.messageUk === 'невідоме поле «extra»')).to.not.equal(undefined);
    expect(violations('release.schema.json', { reason: 'x'.repeat(2001) })[0]!.messageUk).to.equal('має бути не довше за 2000 символів');
    expect(violations('staff-member.schema.json', { id: 'a', fullName: 'Б', position: 'В', active: 'так' })[0]!.messageUk).to.equal('має бути true або false');
  });
});
