import { expect } from 'chai';
import { MARTIAL_LAW, PEACETIME } from '../calendar';
import { checkAppealExtension } from './index';

// Закон «Про звернення громадян» ст. 20: no more than 45 days in total from receipt.
describe('checkAppealExtension: the 45-day cap', () => {
  it('allows up to receipt + 45 days and refuses a day more', () => {
    // 10 Jan 2025 + 45 days = Monday 24 Feb 2025.
    const ok = checkAppealExtension({ receivedOn: '2025-01-10', currentTerm: '2025-02-10', requestedTerm: '2025-02-24', calendar: MARTIAL_LAW });
    expect(ok).to.deep.include({ allowed: true, cap: '2025-02-24' });
    const late = checkAppealExtension({ receivedOn: '2025-01-10', currentTerm: '2025-02-10', requestedTerm: '2025-02-25', calendar: MARTIAL_LAW });
    expect(late).to.deep.include({ allowed: false, refusal: 'BEYOND_CAP', cap: '2025-02-24' });
    expect(late.messageUk).to.contain('45 днів').and.to.contain('24.02.2025');
  });

  it('a cap on a day off moves like any term (ЦК ст. 254 ч. 5)', () => {
    // 20 Mar 2021 + 45 = Tue 4 May, a moved day off in peacetime: the cap is Wed 5 May.
    const v = checkAppealExtension({ receivedOn: '2021-03-20', requestedTerm: '2021-05-05', calendar: PEACETIME });
    expect(v).to.deep.include({ allowed: true, cap: '2021-05-05', unadjustedCap: '2021-05-04' });
    expect(checkAppealExtension({ receivedOn: '2021-03-20', requestedTerm: '2021-05-06', calendar: PEACETIME }).allowed).to.equal(false);
    // Under martial law 4 May 2021 (a Tuesday) is a working day: the cap stays there.
    expect(checkAppealExtension({ receivedOn: '2021-03-20', requestedTerm: '2021-05-05', calendar: MARTIAL_LAW }).refusal).to.equal('BEYOND_CAP');
  });

  it('a council that rolls back gets the earlier cap', () => {
    const v = checkAppealExtension({ receivedOn: '2021-03-20', requestedTerm: '2021-05-05', calendar: PEACETIME, options: { roll: 'previous' } });
    expect(v).to.deep.include({ allowed: false, cap: '2021-04-30' });
  });

  it('the new term must be later than the current one and after receipt', () => {
    expect(checkAppealExtension({ receivedOn: '2025-01-10', currentTerm: '2025-02-10', requestedTerm: '2025-02-10', calendar: MARTIAL_LAW }).refusal)
      .to.equal('NOT_LATER');
    expect(checkAppealExtension({ receivedOn: '2025-01-10', requestedTerm: '2025-01-09', calendar: MARTIAL_LAW }).refusal).to.equal('BEFORE_RECEIPT');
  });
});
