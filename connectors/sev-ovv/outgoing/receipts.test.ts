import { expect } from 'chai';
import { LAW_IN_FORCE, PEACETIME } from '../../../src/domain/calendar';
import type { OutgoingMessage } from '../../../src/schemas';
import { withReceipt } from './receipts';
import { receiptDueAt } from './unconfirmed';

const SENT: OutgoingMessage = {
  msgId: 'm1', outgoingId: '00000000-0000-4000-8000-000000000001', toOrgId: '30000004', toSysId: 's', toName: 'n', msgType: 1, state: 'sent',
  sentAt: '2026-03-06T08:00:00.000Z', publishedAt: null, deliveredAt: null, acceptedAt: null, registeredAt: null, refusedAt: null, theirRegistration: null, refusalReason: null,
};
const AT = new Date('2026-03-06T09:00:00.000Z');
const ack = (ackType: string, more: Partial<{ regNumber: { number: string; date: string }; results: Array<{ errorcode: string; errortext: string }> }> = {}) => ({ ackType, results: [], ...more });

/** The receipts' state machine and the unconfirmed wait (issue 18, "Receipts back"). */
describe('СЕВ ОВВ outgoing receipts: the state moves forward only; the wait is counted in working days', () => {
  it('ack_type 1 → 2 → 3 moves sent → delivered → accepted → registered, each recorded once; 3 keeps their RegNumber', () => {
    const delivered = withReceipt(SENT, ack('1'), AT)!;
    const accepted = withReceipt(delivered, ack('2'), AT)!;
    const registered = withReceipt(accepted, ack('3', { regNumber: { number: '4630/0/2-26', date: '2026-03-10' } }), AT)!;
    expect([delivered.state, accepted.state, registered.state]).to.deep.equal(['delivered', 'accepted', 'registered']);
    expect(registered).to.include({ deliveredAt: AT.toISOString(), acceptedAt: AT.toISOString(), registeredAt: AT.toISOString() });
    expect(registered.theirRegistration).to.deep.equal({ number: '4630/0/2-26', date: '2026-03-10' });
    expect(withReceipt(registered, ack('3'), AT), 'a repeat is nothing new').to.equal(undefined);
  });

  it('out of order: a delivery receipt after the registration is recorded without moving the state back; a refusal keeps its reason', () => {
    const registered = withReceipt(SENT, ack('3', { regNumber: { number: '1', date: '2026-03-06' } }), AT)!;
    const late = withReceipt(registered, ack('1'), AT)!;
    expect(late).to.include({ state: 'registered', deliveredAt: AT.toISOString() });
    const refused = withReceipt(SENT, ack('4', { results: [{ errorcode: '0', errortext: 'Не за адресою' }] }), AT)!;
    expect(refused).to.include({ state: 'refused', refusalReason: 'Не за адресою' });
  });

  it('the first receipt is due one working day after sending, at the same time: over a weekend, and past a holiday of the peacetime calendar', () => {
    const friday = new Date('2026-03-06T08:00:00Z');
    expect(receiptDueAt(friday, 1, LAW_IN_FORCE).toISOString()).to.equal('2026-03-09T08:00:00.000Z');
    // 8 March 2026 is a Sunday: in peacetime its day off moves to Monday (КЗпП ст. 67), so Tuesday.
    expect(receiptDueAt(friday, 1, PEACETIME).toISOString()).to.equal('2026-03-10T08:00:00.000Z');
    expect(receiptDueAt(new Date('2026-03-07T08:00:00Z'), 1, LAW_IN_FORCE).toISOString(), 'sent on a Saturday').to.equal('2026-03-09T08:00:00.000Z');
  });
});
