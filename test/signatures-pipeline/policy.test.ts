import { expect } from 'chai';
import { decide, loadSignaturePolicy, ruleFor } from '../../src/pipeline/steps';
import type { SignatureSummary } from '../../src/schemas';

type S = Pick<SignatureSummary, 'indication' | 'qualified'>;
const QES: S = { indication: 'TOTAL-PASSED', qualified: true };
const ADES: S = { indication: 'TOTAL-PASSED', qualified: false };
const BROKEN: S = { indication: 'TOTAL-FAILED', qualified: false };
const UNKNOWN: S = { indication: 'INDETERMINATE', qualified: false };

describe('signature policy (reference-data/signature-policy.json)', () => {
  const policy = loadSignaturePolicy();

  it('the first matching rule wins: kinds before source, the catch-all last', () => {
    expect(ruleFor(policy, 'higher-authority-document', 'edms').id).to.equal('higher-authority-and-prosecutorial');
    expect(ruleFor(policy, 'prosecutorial-act', 'sev-ovv').id).to.equal('higher-authority-and-prosecutorial');
    expect(ruleFor(policy, 'official-letter', 'sev-ovv').id).to.equal('inter-agency-exchange');
    expect(ruleFor(policy, 'official-letter', 'edms').id).to.equal('verify-and-flag');
    expect(ruleFor(policy, 'citizen-appeal', 'hotline-1545').id).to.equal('verify-and-flag');
    expect(ruleFor({ rules: [{ id: 'only-edms', sources: ['edms'], signature: 'optional', level: 'valid', onFailure: 'flag' }] }, 'telegram', 'post').id).to.equal('fallback');
  });

  it('required + qualified + quarantine: only qualified TOTAL-PASSED signatures register', () => {
    const rule = ruleFor(policy, 'prosecutorial-act', 'edms');
    expect(decide(rule, [QES])).to.deep.equal({ action: 'register', flags: [] });
    expect(decide(rule, [QES, QES])).to.deep.equal({ action: 'register', flags: [] });
    expect(decide(rule, [])).to.deep.equal({ action: 'quarantine', code: 'SIGNATURE_REQUIRED', problems: ['SIGNATURE_MISSING'] });
    expect(decide(rule, [ADES])).to.deep.equal({ action: 'quarantine', code: 'SIGNATURE_POLICY_FAILED', problems: ['SIGNATURE_NOT_QUALIFIED'] });
    expect(decide(rule, [QES, BROKEN])).to.deep.include({ action: 'quarantine', code: 'SIGNATURE_POLICY_FAILED' });
    expect(decide(rule, [UNKNOWN])).to.deep.include({ problems: ['SIGNATURE_INDETERMINATE'] });
  });

  it('optional + flag: nothing is required, whatever fails is flagged once per kind of problem', () => {
    const rule = ruleFor(policy, 'official-letter', 'edms');
    expect(decide(rule, [])).to.deep.equal({ action: 'register', flags: [] });
    const d = decide(rule, [BROKEN, UNKNOWN, ADES, BROKEN, QES]);
    expect(d.action).to.equal('register');
    if (d.action === 'register') expect(d.flags.map((f) => f.code)).to.deep.equal(['SIGNATURE_INVALID', 'SIGNATURE_INDETERMINATE', 'SIGNATURE_NOT_QUALIFIED']);
  });

  it('level valid accepts a non-qualified TOTAL-PASSED signature; a required one missing under flag is flagged', () => {
    const rule = { id: 'valid', signature: 'required', level: 'valid', onFailure: 'flag' } as const;
    expect(decide(rule, [ADES])).to.deep.equal({ action: 'register', flags: [] });
    const d = decide(rule, []);
    expect(d.action === 'register' && d.flags.map((f) => f.code)).to.deep.equal(['SIGNATURE_MISSING']);
  });
});
