import { expect } from 'chai';
import { listRules, resolveRules, RuleConfigError } from './index';

const REQUIRED = [
  'appeal', 'appeal-no-study', 'forwarding', 'return-to-author', 'info-request', 'info-request-extended', 'info-request-urgent',
  'petition', 'letter', 'higher-authority', 'document', 'urgent-telegram', 'committee-decision', 'mayor-order',
  'prosecutor-protest', 'prosecutor-submission', 'prosecutor-order', 'prosecutor-demand',
];

describe('term rules', () => {
  it('ships every rule the issue names, each with a legal source', () => {
    const ids = listRules().map((r) => r.id);
    expect(ids).to.include.members(REQUIRED);
    for (const r of listRules()) {
      expect(r.basis, r.id).to.match(/Закон|Регламент|КЗпП|ЦК/);
      expect(r.title, r.id).to.match(/[А-Яа-яІіЇїЄєҐґ]/);
    }
  });

  it('amounts and units follow the sources', () => {
    const rules = resolveRules();
    const of = (id: string): [number, string] => [rules.get(id)!.amount, rules.get(id)!.unit];
    expect(of('appeal')).to.deep.equal([1, 'months']);
    expect(of('appeal-no-study')).to.deep.equal([15, 'calendar-days']);
    expect(of('appeal-cap')).to.deep.equal([45, 'calendar-days']);
    expect(of('forwarding')).to.deep.equal([5, 'calendar-days']);
    expect(of('return-to-author')).to.deep.equal([10, 'calendar-days']);
    expect(of('info-request')).to.deep.equal([5, 'working-days']);
    expect(of('info-request-extended')).to.deep.equal([20, 'working-days']);
    expect(of('info-request-urgent')).to.deep.equal([48, 'hours']);
    expect(of('petition')).to.deep.equal([10, 'working-days']);
    expect(of('document')).to.deep.equal([30, 'calendar-days']);
    expect(of('urgent-telegram')).to.deep.equal([2, 'working-days']);
    for (const id of ['letter', 'higher-authority', 'committee-decision', 'mayor-order', 'prosecutor-submission']) expect(of(id)).to.deep.equal([1, 'months']);
    expect(of('prosecutor-protest')).to.deep.equal([10, 'calendar-days']);
    for (const id of ['prosecutor-order', 'prosecutor-demand', 'prosecutor-request']) expect(rules.get(id)!.requiresExplicitTerm, id).to.equal(true);
  });

  it('appeals and documents differ in co-executor days', () => {
    const rules = resolveRules();
    expect(['appeal', 'appeal-no-study', 'forwarding', 'petition'].map((id) => rules.get(id)!.kind)).to.deep.equal(['appeal', 'appeal', 'appeal', 'appeal']);
    expect(['letter', 'document', 'info-request'].map((id) => rules.get(id)!.kind)).to.deep.equal(['document', 'document', 'document']);
  });

  it('overrides are validated', () => {
    expect(() => resolveRules({ appeal: { unit: 'weeks' as never } })).to.throw(RuleConfigError, /unit/);
    expect(() => resolveRules({ appeal: { amount: -1 } })).to.throw(RuleConfigError, /amount/);
    expect(() => resolveRules({ 'new-rule': { amount: 3 } })).to.throw(RuleConfigError);
    expect(() => resolveRules({ 'info-request-urgent': { amount: 36 } })).to.throw(RuleConfigError, /hours/);
    expect(resolveRules({ appeal: { amount: 2 } }).get('appeal')!.amount).to.equal(2);
    expect(resolveRules().get('appeal')!.amount).to.equal(1); // defaults are not mutated
  });
});
