/**
 * Picking the sender's control out of decoded tasks (the shape of СЕВ ОВВ's meta.tasks): only a
 * task the sender put under control that the council must execute counts, with the council's own
 * deadline. Pure.
 */
import { expect } from 'chai';
import { edrpouOf, senderControlFromTasks, type SenderTask } from './sender-control';

const COUNCIL = '04055877';
const SENDER = { name: 'Обласна військова адміністрація', edrpou: '22473' };

function task(over: Partial<SenderTask> = {}): SenderTask {
  return {
    idnumber: 'Z1', text: 'Надати інформацію про стан укриттів', deadline: '2026-03-25', onControl: true, taskNumber: '14-З/77', taskDate: '2026-03-05',
    executors: [
      { ogrn: '31313131', name: 'Інша громада', responsible: '1', deadline: '2026-03-15' },
      { ogrn: '4055877', name: 'Міська рада', responsible: '1', deadline: '2026-03-20' },
    ],
    ...over,
  };
}

describe('the sender\'s control picked from its tasks', () => {
  it('a controlled task naming the council as executor: the council\'s own deadline, the task, its number and date, the sender', () => {
    expect(senderControlFromTasks([task()], COUNCIL, SENDER)).to.deep.equal({
      term: '2026-03-20', task: 'Надати інформацію про стан укриттів', taskId: 'Z1', taskNumber: '14-З/77', taskDate: '2026-03-05',
      // Organization@ogrn is xs:integer: the leading zeros lost on the way come back.
      sender: { name: 'Обласна військова адміністрація', edrpou: '00022473' },
    });
  });

  it('nothing under control: a task not on control, one for others, one the council is only told of, or no council code', () => {
    expect(senderControlFromTasks([task({ onControl: false })], COUNCIL, SENDER)).to.equal(undefined);
    expect(senderControlFromTasks([task({ executors: [{ ogrn: '31313131', responsible: '1', deadline: '2026-03-15' }] })], COUNCIL, SENDER)).to.equal(undefined);
    expect(senderControlFromTasks([task({ executors: [{ ogrn: COUNCIL, responsible: '2', deadline: '2026-03-20' }] })], COUNCIL, SENDER)).to.equal(undefined);
    expect(senderControlFromTasks([], COUNCIL, SENDER)).to.equal(undefined);
    expect(senderControlFromTasks([task()], 'not-a-code', SENDER)).to.equal(undefined);
  });

  it('a co-executor or a role not given counts; without a deadline of its own the task\'s is the term', () => {
    expect(senderControlFromTasks([task({ executors: [{ ogrn: COUNCIL, responsible: '0', deadline: '2026-03-18' }] })], COUNCIL, SENDER)?.term).to.equal('2026-03-18');
    expect(senderControlFromTasks([task({ executors: [{ ogrn: COUNCIL, deadline: '' }] })], COUNCIL, SENDER)?.term).to.equal('2026-03-25');
  });

  it('003 п. 172: of several controlled tasks the earliest term wins, and every task\'s text stays on the card', () => {
    const second = task({ idnumber: 'Z2', text: 'Подати звіт', taskNumber: '14-З/78', executors: [{ ogrn: COUNCIL, responsible: '1', deadline: '2026-03-12' }] });
    const sc = senderControlFromTasks([task(), second, task({ idnumber: 'Z3', onControl: false, text: 'Не на контролі' })], COUNCIL, SENDER);
    expect(sc).to.include({ term: '2026-03-12', taskId: 'Z2', taskNumber: '14-З/78' });
    expect(sc?.task).to.equal('№ 14-З/78 (до 12.03.2026): Подати звіт; № 14-З/77 (до 20.03.2026): Надати інформацію про стан укриттів');
  });

  it('a sender without a valid code is named by its name alone; ЄДРПОУ are eight digits', () => {
    expect(senderControlFromTasks([task()], COUNCIL, { name: ' Міністерство ', edrpou: 'ABC' })?.sender).to.deep.equal({ name: 'Міністерство' });
    expect([edrpouOf('4055877'), edrpouOf(' 04055877 '), edrpouOf('123456789'), edrpouOf(''), edrpouOf(undefined)]).to.deep.equal(['04055877', '04055877', undefined, undefined, undefined]);
  });
});
