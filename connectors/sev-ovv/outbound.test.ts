import { expect } from 'chai';
import { parseStringPromise } from 'xml2js';
import { assertValid, type HubEvent } from '../../src/schemas';
import { sevOvvConnector } from '.';
import { decodeSevOvvMessage } from './inbound';
import { acknowledgementsFor, uuidV5 } from './outbound';
import { progressSteps } from './progress-receipts';
import { readSevMessage } from './read-message';
import { ARRIVED, expectHubError, OUR_ORG_ID, OUR_SYS_ID, ownSample, testConfig } from './test-support';
import { parseXml } from './xml';

const SENDER_ORG = '00022533';
const SENDER_SYS = 'c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b';
const ORIGINAL_MSG_ID = '5b0e7c1a-3d2f-4e6a-9b8c-7d6e5f4a3b2c';

async function externalIdOfOwnSample(): Promise<string> {
  return (await decodeSevOvvMessage(ownSample('do-vykonannia.xml'), testConfig(), ARRIVED)).externalId;
}

function event(over: Partial<HubEvent> = {}): HubEvent {
  return assertValid<HubEvent>('event.schema.json', {
    eventId: '0f8a4c52-6a5e-4d7b-9d3f-2b1e0c9a8d7e',
    type: 'document.registered',
    documentId: '6a1f0b2c-3d4e-4f50-8a9b-0c1d2e3f4a5b',
    occurredAt: '2026-03-10T09:00:00.123Z',
    sequence: 17,
    source: 'sev-ovv',
    externalId: `${SENDER_ORG}/${SENDER_SYS}/${ORIGINAL_MSG_ID}`,
    kind: 'higher-authority-document',
    status: 'registered',
    registration: { journal: 'higher-authority', index: '01-03/12', number: 12, date: '2026-03-10', case: '01-03', year: 2026 },
    data: { receivedAt: '2026-03-06T07:30:00.000Z', urgency: 'urgent' },
    ...over,
  });
}

async function parsed(body: Buffer): Promise<any> {
  return parseStringPromise(body.toString('utf8'));
}

describe('СЕВ ОВВ outbound: acknowledgements to the sender', function () {
  const config = () => testConfig();

  it('the externalId the decoder makes is what the acknowledgement is addressed by', async () => {
    expect(await externalIdOfOwnSample()).to.equal(event().externalId);
  });

  describe('document.registered → ack_type 3 (as ДС15) with our registration index and date', function () {
    it('one message to the sender\'s organisation and system', () => {
      const out = acknowledgementsFor(event(), config);
      expect(out).to.have.length(1);
      expect(out[0]).to.include({ destination: `${SENDER_ORG}/${SENDER_SYS}`, contentType: 'application/xml; charset=utf-8' });
      expect(out[0]?.messageId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('parses back: header from us to the sender, acknowledging the original msg_id with RegNumber', async () => {
      const [msg] = acknowledgementsFor(event(), config);
      const xml = await parsed(msg!.body);
      expect(xml.Header.$).to.deep.equal({
        standart: '1207',
        version: '1.5',
        charset: 'UTF-8',
        time: '2026-03-10T09:00:00Z',
        msg_type: '0',
        msg_id: msg!.messageId,
        msg_acknow: '0',
        from_org_id: OUR_ORG_ID,
        from_organization: 'Міська рада (тестова)',
        from_sys_id: OUR_SYS_ID,
        from_system: 'dilovod',
        to_org_id: SENDER_ORG,
        to_organization: SENDER_ORG,
        to_sys_id: SENDER_SYS,
        to_system: 'СЕВ ОВВ',
      });
      const ack = xml.Header.Acknowledgement[0];
      expect(ack.$).to.deep.equal({ msg_id: ORIGINAL_MSG_ID, ack_type: '3' });
      expect(ack.RegNumber[0]).to.deep.equal({ _: '01-03/12', $: { regdate: '2026-03-10' } });
      expect(ack.AckResult[0].$).to.deep.equal({ errorcode: '0', errortext: 'Документ зареєстровано за № 01-03/12 від 2026-03-10' });
    });

    it('meets the XSD-required structure our own reader checks, and the sender\'s side reads it as an acknowledgement', async () => {
      const [msg] = acknowledgementsFor(event(), config);
      const message = readSevMessage(await parseXml(msg!.body));
      expect(message.acknowledgement).to.deep.equal({
        msgId: ORIGINAL_MSG_ID,
        ackType: '3',
        regNumber: { number: '01-03/12', date: '2026-03-10' },
        results: [{ errorcode: '0', errortext: 'Документ зареєстровано за № 01-03/12 від 2026-03-10' }],
      });
      // The sender (00022533) decoding our reply sees an acknowledgement of its message.
      const senderSide = testConfig({ orgId: SENDER_ORG });
      const err = await expectHubError(decodeSevOvvMessage(msg!.body, senderSide, ARRIVED), 'SEV_OVV_NOT_A_DOCUMENT');
      expect(err.details).to.deep.include({ acknowledgesMsgId: ORIGINAL_MSG_ID, ackType: 3, fromOrgId: OUR_ORG_ID });
    });

    it('is deterministic: the same event gives the same bytes and msg_id, another event another msg_id', () => {
      const a = acknowledgementsFor(event(), config);
      const b = acknowledgementsFor(event(), config);
      expect(a[0]?.body.equals(b[0]!.body)).to.equal(true);
      expect(a[0]?.messageId).to.equal(b[0]?.messageId);
      expect(a[0]?.messageId).to.equal(uuidV5('0f8a4c52-6a5e-4d7b-9d3f-2b1e0c9a8d7e/ack/3'));
      const c = acknowledgementsFor(event({ eventId: '1f8a4c52-6a5e-4d7b-9d3f-2b1e0c9a8d7e' }), config);
      expect(c[0]?.messageId).not.to.equal(a[0]?.messageId);
    });
  });

  describe('refusals → ack_type 4 (as ДС16) with the reason', function () {
    it('document.not-registered carries the 003 §157 reason', async () => {
      const ev = event({
        type: 'document.not-registered',
        status: 'not-registered',
        registration: null,
        data: { notRegisteredReason: { code: 'NOT_REGISTRABLE', message: 'Not registered: greeting letter', messageUk: 'Не підлягає реєстрації: вітальний лист', basis: '003 §157' } },
      });
      const [msg] = acknowledgementsFor(ev, config);
      const ack = (await parsed(msg!.body)).Header.Acknowledgement[0];
      expect(ack.$).to.deep.equal({ msg_id: ORIGINAL_MSG_ID, ack_type: '4' });
      expect(ack.RegNumber).to.equal(undefined);
      expect(ack.AckResult[0].$).to.deep.equal({ errorcode: '0', errortext: 'Документ відхилено: Не підлягає реєстрації: вітальний лист' });
    });

    it('document.rejected with a reason', async () => {
      const [msg] = acknowledgementsFor(event({ type: 'document.rejected', registration: null, data: { reason: { messageUk: 'Документ не стосується компетенції ради' } } }), config);
      const ack = (await parsed(msg!.body)).Header.Acknowledgement[0];
      expect(ack.AckResult[0].$.errortext).to.equal('Документ відхилено: Документ не стосується компетенції ради');
    });
  });

  describe('nothing to send', function () {
    const unconfigured = () => {
      throw new Error('settings must not be read for events this connector ignores');
    };

    it('documents from another source', () => {
      expect(acknowledgementsFor(event({ source: 'edms', externalId: 'ext-1' }), unconfigured)).to.deep.equal([]);
    });

    it('a sev-ovv document whose externalId this connector did not make (entered by hand)', () => {
      expect(acknowledgementsFor(event({ externalId: 'вх-СЕВ-123' }), unconfigured)).to.deep.equal([]);
    });

    it('other event types', () => {
      expect(acknowledgementsFor(event({ type: 'document.updated' }), unconfigured)).to.deep.equal([]);
    });

    it('the connector object does the same without reading the environment', () => {
      expect(sevOvvConnector.outbound(event({ source: 'edms', externalId: 'x' }))).to.deep.equal([]);
      expect(Object.keys(sevOvvConnector.decoders)).to.deep.equal(['sev-ovv.xml']);
    });
  });
});

describe('СЕВ ОВВ delivery and acceptance receipts owed, by msg_acknow (our reading of z1306-11, README "Receipts")', () => {
  it('0 asks for the final receipt only; 1 adds "delivered"; 2 adds "accepted" to a registration alone', () => {
    expect(['document.registered', 'document.not-registered', 'input.refused'].map((t) => progressSteps(t, 0))).to.deep.equal([[], [], []]);
    expect(progressSteps('document.registered', 1)).to.deep.equal([1]);
    expect(progressSteps('document.registered', 2)).to.deep.equal([1, 2]);
    // delivered and kept, but not accepted: registered as not-registrable (003 §157), or refused into quarantine
    expect(progressSteps('document.not-registered', 2)).to.deep.equal([1]);
    expect(progressSteps('input.refused', 2)).to.deep.equal([1]);
  });

  it('no other event owes one', () => {
    expect(progressSteps('control.assigned', 2)).to.deep.equal([]);
    expect(progressSteps('outgoing.sent', 2)).to.deep.equal([]);
  });
});
