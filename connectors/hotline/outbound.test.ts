import { expect } from 'chai';
import { assertValid, type HubEvent } from '../../src/schemas';
import { hotlineConnector } from '.';
import { statusMessagesFor, type HotlineStatus } from './outbound';
import { validateStatus } from './schemas';
import { testConfig } from './test-support';

const CARD_ID = '1545-2026-0309-004517';
const DOC_ID = '6a1f0b2c-3d4e-4f50-8a9b-0c1d2e3f4a5b';
const REGISTRATION = { journal: 'appeals', index: '01-10/57', number: 57, date: '2026-03-10', case: '01-10', year: 2026 };

function event(type: string, data: Record<string, unknown> = {}, over: Partial<HubEvent> = {}): HubEvent {
  return assertValid<HubEvent>('event.schema.json', {
    eventId: '0f8a4c52-6a5e-4d7b-9d3f-2b1e0c9a8d7e',
    type,
    documentId: DOC_ID,
    occurredAt: '2026-03-10T09:00:00.000Z',
    sequence: 17,
    source: 'hotline-1545',
    externalId: CARD_ID,
    kind: 'hotline-card',
    status: 'registered',
    registration: REGISTRATION,
    data,
    ...over,
  });
}

function statusOf(ev: HubEvent): HotlineStatus {
  const out = statusMessagesFor(ev, () => testConfig());
  expect(out).to.have.length(1);
  const body = JSON.parse(out[0]!.body.toString('utf8')) as HotlineStatus;
  expect(validateStatus(body), JSON.stringify(validateStatus.errors)).to.equal(true);
  expect(body.messageId).to.equal(out[0]!.messageId);
  return body;
}

const CONTROL_DATA = { cardId: 'c1', resolutionNo: 1, term: '2026-03-24', controlStatus: 'on-control', executors: [{ name: 'Відділ ЖКГ' }] };

describe('hotline outbound: events → status messages to the centre (003 §139)', function () {
  it('document.registered → registered, with our registration index and date, from our ЄДРПОУ, to the 1545 destination', () => {
    const out = statusMessagesFor(event('document.registered', { receivedAt: '2026-03-10T07:30:00Z', urgency: 'normal' }), () => testConfig());
    expect(out[0]).to.include({ destination: 'ukc-1545', contentType: 'application/json; charset=utf-8' });
    expect(out[0]?.messageId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const body = statusOf(event('document.registered'));
    expect(body).to.deep.equal({
      format: 'hotline-status/1', messageId: out[0]?.messageId, centre: 'ukc-1545', cardId: CARD_ID,
      status: 'registered', statusUk: 'Зареєстровано', at: '2026-03-10T09:00:00.000Z', from: { orgId: '40000001' },
      documentId: DOC_ID, registration: { index: '01-10/57', date: '2026-03-10' },
    });
  });

  it('control.assigned → in-progress with the term; control.interim → interim-answer; control.extended → term-extended with the new term', () => {
    expect(statusOf(event('control.assigned', CONTROL_DATA))).to.deep.include({ status: 'in-progress', statusUk: 'На розгляді', term: '2026-03-24' });
    expect(statusOf(event('control.interim', CONTROL_DATA))).to.deep.include({ status: 'interim-answer', statusUk: 'Надано проміжну відповідь', term: '2026-03-24' });
    expect(statusOf(event('control.extended', { ...CONTROL_DATA, term: '2026-04-23' }))).to.deep.include({ status: 'term-extended', term: '2026-04-23' });
  });

  const RESULTS: [string, string][] = [
    ['resolved-positively', 'Вирішено позитивно'],
    ['explained', 'Надано роз’яснення'],
    ['refused', 'Не підтримано'],
    ['forwarded', 'Переадресовано за належністю'],
    ['on-control', 'Залишено на контролі'],
  ];
  for (const [result, label] of RESULTS) {
    it(`appeal.answered ${result} → «${label}» with our outgoing index and the answer date`, () => {
      const onMerits = !['forwarded', 'on-control'].includes(result);
      const body = statusOf(event('appeal.answered', { result, answeredOn: '2026-03-20', onMerits, outgoingIndex: '01-10/57-в', oral: false }));
      expect(body).to.deep.include({ status: result, statusUk: label, answer: { outgoingIndex: '01-10/57-в', answeredOn: '2026-03-20', onMerits } });
      expect(body).not.to.have.property('term');
    });
  }

  it('an answer without an outgoing index (given orally) still carries its date', () => {
    const body = statusOf(event('appeal.answered', { result: 'explained', answeredOn: '2026-03-12', onMerits: true, outgoingIndex: null, oral: true }));
    expect(body.answer).to.deep.equal({ answeredOn: '2026-03-12', onMerits: true });
  });

  it('control.released → closed', () => {
    expect(statusOf(event('control.released', { ...CONTROL_DATA, controlStatus: 'released' }))).to.deep.include({ status: 'closed', statusUk: 'Розгляд завершено, знято з контролю' });
  });

  it('document.not-registered / document.rejected → returned with the reason', () => {
    const notRegistered = event('document.not-registered', {
      notRegisteredReason: { code: 'GREETING', message: 'Greeting', messageUk: 'Вітання не реєструються', basis: '003 §157' },
    }, { registration: null, status: 'not-registered' });
    const body = statusOf(notRegistered);
    expect(body).to.deep.include({ status: 'returned', statusUk: 'Повернуто без реєстрації', reason: { code: 'GREETING', textUk: 'Вітання не реєструються' } });
    expect(body).not.to.have.property('registration');
    expect(statusOf(event('document.rejected', { reason: 'Дублікат картки' }, { registration: null })).reason).to.deep.equal({ textUk: 'Дублікат картки' });
    expect(statusOf(event('document.rejected', {}, { registration: null })).reason).to.deep.equal({ textUk: 'Картку не зареєстровано' });
  });

  it('an oblast centre card goes to the oblast destination from the settings', () => {
    const out = statusMessagesFor(event('document.registered', {}, { source: 'oblast-contact-centre', externalId: 'ОКЦ/2026/01877' }), () => testConfig({ oblastDestination: 'dnipro-okc' }));
    expect(out[0]?.destination).to.equal('dnipro-okc');
    expect(JSON.parse(out[0]!.body.toString('utf8'))).to.deep.include({ centre: 'oblast-contact-centre', cardId: 'ОКЦ/2026/01877' });
  });

  it('the message id is stable per event and differs between events', () => {
    const a = statusMessagesFor(event('document.registered'), () => testConfig())[0]?.messageId;
    const again = statusMessagesFor(event('document.registered'), () => testConfig())[0]?.messageId;
    const other = statusMessagesFor(event('document.registered', {}, { eventId: '1f8a4c52-6a5e-4d7b-9d3f-2b1e0c9a8d7e' }), () => testConfig())[0]?.messageId;
    expect(a).to.equal(again);
    expect(a).not.to.equal(other);
  });

  it('events of other sources, and event types the centre is not told of, give nothing (and need no settings)', () => {
    const noConfig = () => {
      throw new Error('settings read');
    };
    expect(statusMessagesFor(event('document.registered', {}, { source: 'sev-ovv' }), noConfig)).to.deep.equal([]);
    expect(statusMessagesFor(event('document.registered', {}, { source: 'edms' }), noConfig)).to.deep.equal([]);
    expect(statusMessagesFor(event('control.executed', CONTROL_DATA), noConfig)).to.deep.equal([]);
    expect(statusMessagesFor(event('appeal.intake-decided', { status: 'accepted' }), noConfig)).to.deep.equal([]);
    expect(hotlineConnector.outbound(event('document.registered', {}, { source: 'post' }))).to.deep.equal([]);
  });

  it('an appeal.answered without a known result is a mapping failure (delivery dead-letters it), not a wrong status', () => {
    expect(() => statusMessagesFor(event('appeal.answered', { result: 'lost', answeredOn: '2026-03-20' }), () => testConfig())).to.throw(/result lost/);
  });
});
