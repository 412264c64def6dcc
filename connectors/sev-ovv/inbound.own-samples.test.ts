import { expect } from 'chai';
import { assertValid, type DocumentSubmission } from '../../src/schemas';
import { decodeSevOvvMessage } from './inbound';
import { ARRIVED, editedSample, expectHubError, ownSample, rawDocTransfer, sha256, testConfig } from './test-support';

describe('СЕВ ОВВ inbound: our own samples (samples/)', function () {
  describe('do-vykonannia.xml: a document to execute, with a task on control and one attachment', function () {
    let sub: DocumentSubmission;
    before(async () => {
      sub = await decodeSevOvvMessage(ownSample('do-vykonannia.xml'), testConfig(), ARRIVED);
    });

    it('is a valid higher-authority document, urgent, keyed by the sender and msg_id', () => {
      assertValid('document-submission.schema.json', sub);
      expect(sub).to.include({
        source: 'sev-ovv',
        externalId: '00022533/c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b/5b0e7c1a-3d2f-4e6a-9b8c-7d6e5f4a3b2c',
        kind: 'higher-authority-document',
        summary: 'Про підготовку закладів освіти до опалювального сезону 2026/2027 року',
        // when it reached the hub, not Header@time (2026-03-06T07:30:00Z, kept in meta): issue 18
        receivedAt: ARRIVED.toISOString(),
        urgency: 'urgent',
        pages: 1,
      });
      expect(sub.meta).to.include({ msgTime: '2026-03-06T07:30:00.000Z' });
      expect(sub.outgoing).to.deep.equal({ number: '01-14/2214', date: '2026-03-05' });
    });

    it('keeps the ЄДРПОУ leading zeros the integer-typed ogrn lost (ogrn="22533", from_org_id="00022533")', () => {
      expect(sub.correspondent).to.deep.equal({
        name: 'Обласна військова адміністрація (тестова)',
        edrpou: '00022533',
        address: 'м. Тестове, вул. Соборна, 1',
      });
    });

    it('the term is our executor deadline (20.03), not the task\'s (25.03) nor another executor\'s (15.03)', () => {
      expect(sub.dueDate).to.equal('2026-03-20');
      const tasks = sub.meta?.tasks as { idnumber: string; onControl: boolean; deadline: string; taskNumber: string }[];
      expect(tasks).to.have.length(1);
      expect(tasks[0]).to.include({ idnumber: 'Z1', onControl: true, deadline: '2026-03-25', taskNumber: '14-З/77' });
    });

    it('Task@referred-control="1" naming the council as responsible: under the sender\'s control on our deadline (issue 18)', () => {
      expect(sub.senderControl).to.deep.include({ term: '2026-03-20', taskNumber: '14-З/77', taskDate: '2026-03-05' });
      expect(sub.senderControl?.task).to.contain('Забезпечити підготовку закладів освіти');
      expect(sub.senderControl?.sender).to.deep.equal({ name: 'Обласна військова адміністрація (тестова)', edrpou: '00022533' });
    });

    it('the same task not under control, or naming the council only «до відома», puts nothing under control', async () => {
      const uncontrolled = await decodeSevOvvMessage(editedSample('do-vykonannia.xml', (x) => x.replace('referred-control="1"', 'referred-control="0"')), testConfig(), ARRIVED);
      expect(uncontrolled.senderControl).to.equal(undefined);
      const forInformation = await decodeSevOvvMessage(editedSample('do-vykonannia.xml', (x) => x.replace('<Executor responsible="1" deadline="2026-03-20">', '<Executor responsible="2" deadline="2026-03-20">')), testConfig(), ARRIVED);
      expect(forInformation.senderControl).to.equal(undefined);
    });

    it('the line-wrapped base64 attachment gets a file name with its type and its SHA-256', () => {
      const content = rawDocTransfer(ownSample('do-vykonannia.xml'), 'T1');
      expect(content.toString('utf8')).to.match(/^ДОРУЧЕННЯ\n/);
      expect(sub.attachments).to.deep.equal([{
        name: 'Доручення 01-14-2214.txt',
        mediaType: 'text/plain; charset=UTF-8',
        contentBase64: content.toString('base64'),
        sha256: sha256(content),
      }]);
      expect(sub.signatures).to.deep.equal([{ cms: 'cGxhY2Vob2xkZXIsIG5vdCBhIENNUyBzaWduYXR1cmU6IHNhbXBsZSBvbmx5', attachment: 'Доручення 01-14-2214.txt' }]);
    });

    it('keeps the СЕВ ids in meta', () => {
      expect(sub.meta).to.include({
        msgId: '5b0e7c1a-3d2f-4e6a-9b8c-7d6e5f4a3b2c',
        msgType: 1,
        fromOrgId: '00022533',
        fromSysId: 'c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b',
        toOrgId: '40000001',
        idnumber: 'D-2026-0415',
        purposeType: '3',
        confidential: false,
        kindRule: 'purpose-type',
      });
      // SigningTime without a zone is Kyiv time (EET, UTC+2, in March before the switch).
      expect(sub.meta?.signInfo).to.deep.equal([{ docTransferIdnumber: 'T1', attachment: 'Доручення 01-14-2214.txt', signingTime: '2026-03-05T14:20:00.000Z', hasCertificate: false }]);
    });

    it('the same bytes always map to the same submission (a redelivery is a true repeat)', async () => {
      const again = await decodeSevOvvMessage(ownSample('do-vykonannia.xml'), testConfig(), ARRIVED);
      expect(JSON.stringify(again)).to.equal(JSON.stringify(sub));
    });
  });

  describe('reply.xml: a reply (msg_type 3) to our own letter', function () {
    it('is an official letter that references our outgoing letter', async () => {
      const sub = await decodeSevOvvMessage(ownSample('reply.xml'), testConfig(), ARRIVED);
      assertValid('document-submission.schema.json', sub);
      expect(sub).to.include({ kind: 'official-letter', urgency: 'normal' });
      expect(sub.correspondent).to.deep.equal({ name: 'Міністерство розвитку громад (тестове)', edrpou: '30000004', address: 'м. Київ, вул. Тестова, 9' });
      expect(sub.outgoing).to.deep.equal({ number: '4512/0/2-26', date: '2026-03-09' });
      expect(sub.meta?.inReplyTo).to.deep.equal([{ addresseeOgrn: '40000001', refersTo: 'document', idnumber: 'OUT-311', number: '01-07/311', date: '2026-02-20' }]);
      expect(sub.meta).to.include({ msgType: 3, kindRule: 'reply', purpose: 'Звітність' });
      expect(sub.attachments).to.equal(undefined);
      expect(sub.dueDate).to.equal(undefined);
    });
  });

  describe('acknowledgement-registered.xml: the recipient registered a message we sent', function () {
    it('is not a new document: SEV_OVV_NOT_A_DOCUMENT with what it acknowledges', async () => {
      const err = await expectHubError(decodeSevOvvMessage(ownSample('acknowledgement-registered.xml'), testConfig(), ARRIVED), 'SEV_OVV_NOT_A_DOCUMENT');
      expect(err.details).to.deep.include({
        what: 'acknowledgement',
        acknowledgesMsgId: '3e2d1c0b-9a8f-4e7d-b6c5-a4b3c2d1e0f9',
        ackType: 3,
        ackTypeName: 'registered',
        regNumber: { number: '4630/0/2-26', date: '2026-03-10' },
      });
      expect(err.spec.messageUk).to.match(/не є новим документом/);
    });
  });

  describe('kind rules (settings)', function () {
    const doc = ownSample('do-vykonannia.xml');
    const reply = ownSample('reply.xml');

    it('Document@kind listed in kindByDocumentKind wins, compared case-insensitively', async () => {
      const sub = await decodeSevOvvMessage(doc, testConfig({ kindByDocumentKind: { ' доручення ': 'official-letter' } }), ARRIVED);
      expect(sub.kind).to.equal('official-letter');
      expect(sub.meta?.kindRule).to.equal('document-kind');
    });

    it('a sender listed in higherAuthorities sends higher-authority documents whatever the purpose', async () => {
      const info = editedSample('do-vykonannia.xml', (x) => x.replace('purpose_type="3"', 'purpose_type="0"'));
      expect((await decodeSevOvvMessage(info, testConfig(), ARRIVED)).kind).to.equal('official-letter');
      const sub = await decodeSevOvvMessage(info, testConfig({ higherAuthorities: ['00022533'] }), ARRIVED);
      expect(sub.kind).to.equal('higher-authority-document');
      expect(sub.meta?.kindRule).to.equal('higher-authority-sender');
    });

    it('a reply follows replyKind even from a higher authority', async () => {
      const sub = await decodeSevOvvMessage(reply, testConfig({ higherAuthorities: ['30000004'], replyKind: 'telegram' }), ARRIVED);
      expect(sub.kind).to.equal('telegram');
    });

    it('purpose_type maps through kindByPurposeType, else defaultKind', async () => {
      const forApproval = editedSample('do-vykonannia.xml', (x) => x.replace('purpose_type="3"', 'purpose_type="1"'));
      expect((await decodeSevOvvMessage(forApproval, testConfig({ kindByPurposeType: { '1': 'committee-decision' } }), ARRIVED)).kind).to.equal('committee-decision');
      expect((await decodeSevOvvMessage(forApproval, testConfig({ defaultKind: 'telegram' }), ARRIVED)).kind).to.equal('telegram');
    });
  });
});
