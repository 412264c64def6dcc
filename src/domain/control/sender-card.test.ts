/**
 * A card of the sender's control (003 пп. 157, 158, 165, 166, 172): opened with the sender's term
 * and no executors, filled by the head's resolution, never moved past the sender's term. Pure,
 * fixed dates; weekends are the only days off here.
 */
import { expect } from 'chai';
import { addDays } from '../clock';
import {
  awaitsExecutors, ControlRuleError, decideExtension, execute, fillSenderControl, giveInterimAnswer, isOverdue,
  openSenderControl, release, requestExtension, type ControlCard, type ControlContext,
} from './index';
import type { SenderControl } from '../../schemas';

const weekend = (d: string) => [0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay());

function ctx(today: string): ControlContext {
  return {
    now: new Date(`${today}T09:00:00Z`),
    today,
    derive: (term) => ({ reminderOn: addDays(term, -3), coExecutorsDue: addDays(term, -3), extensionDeadline: addDays(term, -3) }),
    appealCap: (receivedOn) => addDays(receivedOn, 45),
    rollTerm: (term) => {
      let t = term;
      while (weekend(t)) t = addDays(t, 1);
      return t;
    },
  };
}

const ODA: SenderControl = {
  term: '2026-03-20', task: 'Надати інформацію про стан укриттів', taskId: 'Z1', taskNumber: '14-З/77', taskDate: '2026-03-05',
  sender: { name: 'Обласна військова адміністрація', edrpou: '00022473' },
};

function opened(sc: SenderControl = ODA): ControlCard {
  return openSenderControl({ id: 'c1', documentId: 'd1', resolutionNo: 1, registrationDate: '2026-03-10', senderControl: sc }, ctx('2026-03-10'));
}

const resolution = { author: 'mayor', executors: ['housing-dept', 'finance-dept'], task: 'Підготувати інформацію', resolutionDate: '2026-03-11' };

/** The rule that refuses `fn`, by its code (and what else the refusal says, when asked). */
const refusedBy = (fn: () => unknown, code: string, more: Record<string, unknown> = {}) => expect(fn).to.throw(ControlRuleError).that.deep.includes({ code, ...more });

describe('control set by the sender (pure, fixed dates)', () => {
  it('003 п. 165, 166: under control from registration with the sender\'s term, no executors, the sender as term setter', () => {
    const c = opened();
    expect(c).to.include({
      status: 'under-control', term: '2026-03-20', originalTerm: '2026-03-20', reminderOn: '2026-03-17', resolutionDate: '2026-03-10',
      rule: 'sender-control', author: 'sender:00022473', controller: 'sender:00022473', termSetBy: 'sender:00022473', task: ODA.task, version: 1,
    });
    expect(c.executors).to.deep.equal([]);
    expect(c.senderControl).to.deep.equal(ODA);
    expect(c.basis).to.contain('Обласна військова адміністрація').and.contain('№ 14-З/77 від 05.03.2026').and.contain('пп. 158, 165, 166, 172');
    expect(awaitsExecutors(c)).to.equal(true);
    expect(isOverdue(c, '2026-03-20')).to.equal(false);
    expect(isOverdue(c, '2026-03-23')).to.equal(true);
  });

  it('ЦК ст. 254 ч. 5: a sender\'s term on a day off ends on the next working day; one already past stays as sent', () => {
    expect(opened({ ...ODA, term: '2026-03-21' }).term).to.equal('2026-03-23');
    const late = opened({ ...ODA, term: '2026-03-06', sender: { name: 'Міністерство' } });
    expect(late).to.include({ term: '2026-03-06', author: 'sender:Міністерство' });
    expect(isOverdue(late, '2026-03-10')).to.equal(true);
  });

  it('before a resolution nobody in the council acts on it: no executor answers, nobody releases it', () => {
    refusedBy(() => giveInterimAnswer(opened(), { by: 'housing-dept', text: 'x' }, ctx('2026-03-12')), 'NOT_AN_EXECUTOR');
    refusedBy(() => execute(opened(), { by: 'housing-dept', answer: { summary: 'x' }, onMerits: true }, ctx('2026-03-12')), 'NOT_AN_EXECUTOR');
    refusedBy(() => release(opened(), { by: 'mayor' }, ctx('2026-03-12')), 'RELEASE_WITHOUT_ANSWER');
  });

  it('003 п. 157: the head\'s resolution names executors, author and controller on that card; the term stays the sender\'s', () => {
    const filled = fillSenderControl(opened(), { ...resolution, controller: 'deputy-mayor' }, ctx('2026-03-11'));
    expect(filled).to.include({
      id: 'c1', resolutionNo: 1, author: 'mayor', controller: 'deputy-mayor', termSetBy: 'sender:00022473', term: '2026-03-20',
      resolutionDate: '2026-03-11', rule: 'sender-control', task: `${ODA.task}; резолюція: Підготувати інформацію`,
    });
    expect(filled.executors).to.deep.equal(['housing-dept', 'finance-dept']);
    expect(awaitsExecutors(filled)).to.equal(false);
    refusedBy(() => fillSenderControl(filled, resolution, ctx('2026-03-11')), 'NOT_UNDER_CONTROL');
    // Now the executors act, and the controller releases what is executed.
    const done = execute(filled, { by: 'housing-dept', answer: { summary: 'Інформацію надано' }, onMerits: true }, ctx('2026-03-18'));
    expect(release(done, { by: 'deputy-mayor' }, ctx('2026-03-19')).status).to.equal('released');
    // A term equal to the sender's changes nothing of it.
    expect(fillSenderControl(opened(), { ...resolution, term: '2026-03-20' }, ctx('2026-03-11'))).to.include({ term: '2026-03-20', termSetBy: 'sender:00022473' });
  });

  it('003 п. 158, 172: an earlier term is the head\'s own; a later one would extend the sender\'s and is refused', () => {
    const earlier = fillSenderControl(opened(), { ...resolution, term: '2026-03-17' }, ctx('2026-03-11'));
    expect(earlier).to.include({ term: '2026-03-17', originalTerm: '2026-03-20', termSetBy: 'mayor', rule: 'explicit', reminderOn: '2026-03-14' });
    expect(earlier.basis).to.contain('раніший за строк відправника 20.03.2026');
    refusedBy(() => fillSenderControl(opened(), { ...resolution, term: '2026-03-27' }, ctx('2026-03-11')), 'RESOLUTION_BEYOND_SENDER_TERM', { details: { term: '2026-03-27', senderTerm: '2026-03-20' } })
      .and.satisfies((e: ControlRuleError) => e.messageUk.includes('відправник') && e.basis.includes('§158') && e.basis.includes('§172'));
    refusedBy(() => fillSenderControl(opened(), { ...resolution, term: '2026-03-10' }, ctx('2026-03-11')), 'TERM_BEFORE_RESOLUTION');
  });

  it('003 п. 157: the resolution names an executor and follows the registration', () => {
    refusedBy(() => fillSenderControl(opened(), { ...resolution, executors: [' '] }, ctx('2026-03-11')), 'NO_EXECUTORS');
    refusedBy(() => fillSenderControl(opened(), { ...resolution, resolutionDate: '2026-03-09' }, ctx('2026-03-11')), 'RESOLUTION_BEFORE_REGISTRATION');
  });

  it('003 п. 158, 172: an extension is granted by the head within the sender\'s term, never past it', () => {
    const earlier = fillSenderControl(opened(), { ...resolution, term: '2026-03-17' }, ctx('2026-03-11'));
    const asked = requestExtension(earlier, { by: 'housing-dept', newTerm: '2026-03-19', reason: 'Очікуємо дані' }, ctx('2026-03-12'));
    expect(decideExtension(asked, { by: 'mayor', granted: true }, ctx('2026-03-13')).term).to.equal('2026-03-19');
    refusedBy(() => requestExtension(earlier, { by: 'housing-dept', newTerm: '2026-03-25', reason: 'Очікуємо дані' }, ctx('2026-03-12')), 'EXTENSION_BEYOND_SENDER_TERM', {
      details: { newTerm: '2026-03-25', senderTerm: '2026-03-20' },
    });
    // The sender's own term: nobody in the council extends it (and only the sender set it, 003 п. 158).
    const filled = fillSenderControl(opened(), resolution, ctx('2026-03-11'));
    refusedBy(() => requestExtension(filled, { by: 'housing-dept', newTerm: '2026-03-24', reason: 'x' }, ctx('2026-03-12')), 'EXTENSION_BEYOND_SENDER_TERM');
    // A grant naming a date past the sender's is refused as well.
    refusedBy(() => decideExtension(asked, { by: 'mayor', granted: true, term: '2026-03-23' }, ctx('2026-03-13')), 'EXTENSION_BEYOND_SENDER_TERM');
  });
});
