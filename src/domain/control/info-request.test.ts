/**
 * Control of a public-information request's card: the term moved by law to 20 working days
 * (Закон «Про доступ до публічної інформації», ст. 20 ч. 4) and the cap the generic extension
 * flow keeps (ст. 20 ч. 2, 4). Dates are fixed; derivations are simple stand-ins.
 */
import { expect } from 'chai';
import { addDays } from '../clock';
import { assign, ControlRuleError, decideExtension, moveTermByLaw, requestExtension, type ControlContext, type InfoRequestCap } from './index';

function ctx(today: string, infoRequestCap: InfoRequestCap | null): ControlContext {
  return {
    now: new Date(`${today}T09:00:00Z`),
    today,
    derive: (term) => ({ reminderOn: addDays(term, -3), coExecutorsDue: addDays(term, -3), extensionDeadline: addDays(term, -3) }),
    appealCap: (receivedOn) => addDays(receivedOn, 45),
    infoRequestCap,
  };
}

// Received Monday 9 March 2026 (martial law): 5 working days → Mon 16 March, 20 → Mon 6 April.
const CAP: InfoRequestCap = { cap: '2026-04-06', receivedOn: '2026-03-09', urgent: false, basis: 'ст. 20 ч. 4' };

const card = () => assign(
  {
    id: 'c1', documentId: 'd1', resolutionNo: 1, author: 'secretary', executors: ['finance-dept'], task: 'Надати інформацію',
    resolutionDate: '2026-03-10', term: '2026-03-16', rule: 'info-request', basis: 'ст. 20 ч. 1',
  },
  ctx('2026-03-10', CAP),
);

function refusedCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(ControlRuleError);
    return (err as ControlRuleError).code;
  }
  throw new Error('expected a refusal');
}

describe('control of an information request (ст. 20 ч. 2, 4)', () => {
  it('ст. 20 ч. 4: the term moves by law to 20 working days, recorded in extensions, with rule, basis and derived dates', () => {
    const moved = moveTermByLaw(card(), { by: 'secretary', term: '2026-04-06', rule: 'info-request-extended', basis: 'ст. 20 ч. 4', reason: 'Великий обсяг' }, ctx('2026-03-12', CAP));
    expect(moved).to.include({ term: '2026-04-06', originalTerm: '2026-03-16', rule: 'info-request-extended', reminderOn: '2026-04-03', status: 'under-control' });
    expect(moved.extensions).to.have.length(1);
    expect(moved.extensions[0]).to.include({ by: 'secretary', granted: true, term: '2026-04-06', requestedOn: '2026-03-12', reason: 'Великий обсяг' });
    expect(refusedCode(() => moveTermByLaw(moved, { by: 'secretary', term: '2026-04-06', rule: 'x', basis: 'x', reason: 'x' }, ctx('2026-03-12', CAP)))).to.equal('EXTENSION_NOT_LATER');
  });

  it('ст. 20 ч. 4: the generic flow refuses a new term beyond 20 working days from receipt, asked or granted', () => {
    expect(refusedCode(() => requestExtension(card(), { by: 'finance-dept', newTerm: '2026-04-07', reason: 'Потрібно більше часу' }, ctx('2026-03-11', CAP)))).to.equal('INFO_REQUEST_EXTENSION_BEYOND_CAP');
    const asked = requestExtension(card(), { by: 'finance-dept', newTerm: '2026-04-06', reason: 'Великий обсяг' }, ctx('2026-03-11', CAP));
    expect(refusedCode(() => decideExtension(asked, { by: 'secretary', granted: true, term: '2026-04-10' }, ctx('2026-03-11', CAP)))).to.equal('INFO_REQUEST_EXTENSION_BEYOND_CAP');
    expect(decideExtension(asked, { by: 'secretary', granted: true }, ctx('2026-03-11', CAP)).term).to.equal('2026-04-06');
  });

  it('ст. 20 ч. 2: an urgent request\'s 48 hours are its cap, so no extension is asked', () => {
    const urgent: InfoRequestCap = { cap: '2026-03-11', receivedOn: '2026-03-09', urgent: true, basis: 'ст. 20 ч. 2' };
    // The calendar never puts a derived date before the resolution: all fall on 9 March itself.
    const onDay = { ...ctx('2026-03-09', urgent), derive: () => ({ reminderOn: '2026-03-09', coExecutorsDue: '2026-03-09', extensionDeadline: '2026-03-09' }) };
    const c = assign({ ...card(), executors: ['ecology-dept'], resolutionDate: '2026-03-09', term: '2026-03-11', rule: 'info-request-urgent', basis: 'ст. 20 ч. 2' }, onDay);
    expect(refusedCode(() => requestExtension(c, { by: 'ecology-dept', newTerm: '2026-03-12', reason: 'Очікуємо дані лабораторії' }, onDay))).to.equal('INFO_REQUEST_URGENT_NOT_EXTENDABLE');
  });
});
