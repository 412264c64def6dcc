import { expect } from 'chai';
import { fixedClock, kyivDate, kyivDayStart } from '../../src/domain/clock';
import { checkIndexTemplate, exemptionFor, planRegistration, renderIndex, RoutingError } from '../../src/domain/registry';
import { loadRouting } from '../../src/config/routing';

describe('registry (pure)', () => {
  const routing = loadRouting();

  describe('registration index from a template', () => {
    const parts = { case: '01-12', number: 345, journal: 'incoming', year: 2026 };
    it('defaults to {case}/{number}: 01-12/345', () => {
      expect(renderIndex(routing.indexTemplate, parts)).to.equal('01-12/345');
    });
    it('supports number-first templates some councils use: 345/01-12', () => {
      expect(renderIndex('{number}/{case}', parts)).to.equal('345/01-12');
    });
    it('supports year and prefix placeholders', () => {
      expect(renderIndex('Вх-{number}/{yy}', parts)).to.equal('Вх-345/26');
    });
    it('rejects a template without the running number, or with an unknown placeholder', () => {
      expect(checkIndexTemplate('{case}')).to.match(/\{number\}/);
      expect(checkIndexTemplate('{case}/{number}/{month}')).to.match(/\{month\}/);
      expect(checkIndexTemplate('{case}/{number}')).to.equal(undefined);
    });
  });

  describe('003 §157: documents that are not registered', () => {
    for (const subtype of ['copy-for-information', 'greeting', 'invitation', 'advertisement', 'printed-publication', 'statistical-form', 'periodic-report']) {
      it(`${subtype} is accepted but not registered, with the reason and its basis`, () => {
        const plan = planRegistration(routing, { kind: 'official-letter', subtype, registrationDate: '2026-03-10' });
        expect(plan.registrable).to.equal(false);
        if (plan.registrable) return;
        expect(plan.exemption.code).to.equal('NOT_REGISTRABLE');
        expect(plan.exemption.basis).to.contain('§157');
        expect(plan.exemption.messageUk).to.match(/^Не підлягає реєстрації/);
      });
    }
    it('an ordinary subtype is registered', () => {
      expect(exemptionFor('protest')).to.equal(undefined);
      expect(exemptionFor(undefined)).to.equal(undefined);
    });
  });

  describe('journal and case per kind', () => {
    it('files a prosecutorial act to its journal and default case, numbered in the registration year', () => {
      const plan = planRegistration(routing, { kind: 'prosecutorial-act', registrationDate: '2027-01-01' });
      expect(plan).to.deep.equal({ registrable: true, journal: 'prosecutorial', case: '01-06', year: 2027, date: '2027-01-01' });
    });
    it('a case named in the submission wins over the default', () => {
      const plan = planRegistration(routing, { kind: 'official-letter', caseIndex: '01-14', registrationDate: '2026-03-10' });
      expect(plan.registrable && plan.case).to.equal('01-14');
    });
    it('a subtype can have its own default case', () => {
      const custom = { ...routing, kinds: { ...routing.kinds, 'prosecutorial-act': { journal: 'prosecutorial', case: '01-06', subtypeCases: { protest: '01-15' } } } };
      const plan = planRegistration(custom, { kind: 'prosecutorial-act', subtype: 'protest', registrationDate: '2026-03-10' });
      expect(plan.registrable && plan.case).to.equal('01-15');
    });
    it('a kind with no journal configured is an error, not a guess', () => {
      const partial = { indexTemplate: '{case}/{number}', kinds: {} };
      expect(() => planRegistration(partial, { kind: 'mayor-order', registrationDate: '2026-03-10' })).to.throw(RoutingError);
    });
  });

  describe('Kyiv calendar dates', () => {
    it('a document received at 22:30 UTC on 31 December is registered on 1 January (UTC+2 in winter)', () => {
      expect(kyivDate(fixedClock('2026-12-31T22:30:00Z').now())).to.equal('2027-01-01');
      expect(kyivDate(new Date('2026-12-31T21:59:59Z'))).to.equal('2026-12-31');
    });
    it('summer time is UTC+3', () => {
      expect(kyivDate(new Date('2026-07-01T21:00:00Z'))).to.equal('2026-07-02');
      expect(kyivDayStart('2026-07-02').toISOString()).to.equal('2026-07-01T21:00:00.000Z');
      expect(kyivDayStart('2026-01-15').toISOString()).to.equal('2026-01-14T22:00:00.000Z');
    });
  });
});
