import { expect } from 'chai';
import { TextDecoder } from 'node:util';
import { decodeAttachments } from '../../src/pipeline/attachments';
import { assertValid, type DocumentSubmission } from '../../src/schemas';
import { dueDateFor } from './due-date';
import { decodeSevOvvMessage } from './inbound';
import { readSevMessage } from './read-message';
import { ARRIVED, expectHubError, rawDocTransfer, realSample, sha256, testConfig } from './test-support';
import { parseXml } from './xml';

/**
 * The ДЦІР conformance messages ДС1–ДС16 (IT-Enterprise, 2015). Each is decoded as if we were its
 * addressee (to_org_id, read by hand from the file). Expected values were read from the XML by hand.
 */
const SENDER = { name: 'Міністерство інфраструктури України', edrpou: '37472062', address: 'м. Київ, проспект Перемоги, 14' };
const SENDER_SYS = '052dfd86-34c4-4053-993e-21d9888465f6';

interface DocumentCase {
  file: string;
  to: string;
  msgId: string;
  kind: DocumentSubmission['kind'];
  rule: string;
  outgoing: { number: string; date: string };
  summary: string;
  /** Header@time: when the sender wrote the message (meta.msgTime); receivedAt is the arrival. */
  msgTime: string;
  urgency: 'normal' | 'urgent';
  /** DocTransfer idnumber → attachment name. */
  attachment?: [string, string];
  signed: boolean;
  dueDate?: string;
  inReplyTo?: { idnumber: string; number: string; date: string };
}

const DOCUMENTS: DocumentCase[] = [
  {
    file: 'DS01-do-vykonannia.xml', to: '21560045', msgId: '3b328ce2-d12b-4cbc-ade8-4b73ca965463',
    kind: 'higher-authority-document', rule: 'purpose-type', outgoing: { number: '1/16/11-15', date: '2015-09-08' },
    summary: 'До виконання ДС1', msgTime: '2015-09-09T12:45:43.000Z', urgency: 'normal',
    attachment: ['190', 'Окреме доручення_DLRKS168__Z0K5UCYRK.pdf'], signed: true,
  },
  {
    file: 'DS03-na-pohodzhennia.xml', to: '312315214', msgId: '4ff353fd-82ef-4115-9b6e-88968ed008ec',
    kind: 'official-letter', rule: 'default', outgoing: { number: '1', date: '2015-09-08' },
    summary: 'ДС3. На погодження', msgTime: '2015-09-09T12:48:16.000Z', urgency: 'urgent',
    attachment: ['194', 'листи_19_1_DLRKS170__Z0K55EZLM.docx'], signed: false, dueDate: '2015-09-09',
  },
  {
    file: 'DS05-dlia-informuvannia.xml', to: '00000003', msgId: '27a0b64f-04ce-43a8-80df-d54074e3932c',
    kind: 'official-letter', rule: 'default', outgoing: { number: '1/16/14-15', date: '2015-09-08' },
    summary: 'ДС5. Информування', msgTime: '2015-09-09T12:49:17.000Z', urgency: 'normal',
    attachment: ['197', 'листи_19_1_DLRKS171__Z0LAAGYRF.pdf'], signed: true,
  },
  {
    file: 'DS06-dlia-uzahalnennia.xml', to: '21560045', msgId: '2e34b5ef-f79a-42a0-b54d-9e3cb229117c',
    kind: 'official-letter', rule: 'default', outgoing: { number: '2/16/14-15', date: '2015-09-08' },
    summary: 'ДС6. Узагальнення', msgTime: '2015-09-09T12:49:46.000Z', urgency: 'normal',
    attachment: ['199', 'листи_19_1_DLRKS172__Z0LAAUCPW.pdf'], signed: true,
  },
  {
    file: 'DS07-zvitnist-do-vykonannia.xml', to: '00000003', msgId: 'e789e5b1-512f-4e5b-a0d5-3e8283777779',
    kind: 'official-letter', rule: 'reply', outgoing: { number: '6/16/14-15', date: '2015-09-09' },
    summary: 'Звітність ДС7. До виконання', msgTime: '2015-09-09T12:55:37.000Z', urgency: 'normal',
    attachment: ['207', 'листи_19_1_DLRKS182__Z0LCFIO3O.pdf'], signed: true, inReplyTo: { idnumber: '88801', number: '7789999', date: '2015-09-03' },
  },
  {
    file: 'DS09-zvitnist-na-pohodzhennia.xml', to: '7879990908', msgId: '738a8974-780e-4168-9f8b-1ab95c7507bf',
    kind: 'official-letter', rule: 'reply', outgoing: { number: '7/16/14-15', date: '2015-09-09' },
    summary: 'ДС9. Звітність На погодження', msgTime: '2015-09-09T13:05:30.000Z', urgency: 'normal',
    signed: false, inReplyTo: { idnumber: '8895449', number: '67879899', date: '2015-09-02' },
  },
  {
    file: 'DS11-zvitnist-dlia-informuvannia.xml', to: '7879990908', msgId: 'dcb75434-88fd-40b8-b0e9-db196389a212',
    kind: 'official-letter', rule: 'reply', outgoing: { number: '4/16/14-15', date: '2015-09-08' },
    summary: 'Відповідь на ДС5 - ДС11 Звітність Інформування', msgTime: '2015-09-09T13:12:59.000Z', urgency: 'normal',
    attachment: ['203', 'Test.txt'], signed: false, inReplyTo: { idnumber: '889548', number: '56/4/55-15', date: '2015-08-31' },
  },
  {
    file: 'DS12-zvitnist-dlia-uzahalnennia.xml', to: '7879990908', msgId: 'f5c42b83-2018-4901-8f07-866cf852783f',
    kind: 'official-letter', rule: 'reply', outgoing: { number: '5/16/14-15', date: '2015-09-09' },
    summary: 'Відповідь на ДС6 - ДС12 Звітність Узагальнення', msgTime: '2015-09-09T13:13:17.000Z', urgency: 'normal',
    attachment: ['205', 'Test.pdf'], signed: true, inReplyTo: { idnumber: '8895448', number: '5446', date: '2015-09-02' },
  },
];

const ACKNOWLEDGEMENTS = [
  { file: 'DS13-ack1-dostavka.xml', msgId: 'e4e3439a-708e-47c7-9e0e-a9f38c91e770', ackType: 1, acknowledges: '63FC75F4-0759-4CFD-9E78-0903537D8597', text: 'Повідомлення доставлено без помилок' },
  { file: 'DS14-ack2-pryiom.xml', msgId: 'd59cc010-2888-468a-aedf-84a4079e7767', ackType: 2, acknowledges: '63FC75F4-0759-4CFD-9E78-0903537D8597', text: 'Повідомлення було прийнято без помилок' },
  { file: 'DS15-ack3-reiestratsiia.xml', msgId: 'cf5209fe-a0ea-4a38-9ecb-8c4c8ff82015', ackType: 3, acknowledges: '63FC75F4-0759-4CFD-9E78-0903537D8597', text: '' },
  { file: 'DS16-ack4-vidkhylennia.xml', msgId: 'f857f2ec-7e80-4ded-9fb1-4c6e8d80c4e2', ackType: 4, acknowledges: '486C9E34-297B-4480-B04F-0BDF57CF195B', text: 'Документ відхилено' },
];

describe('СЕВ ОВВ inbound: the ДЦІР test messages ДС1–ДС16', function () {
  for (const c of DOCUMENTS) {
    describe(c.file, function () {
      let xml: Buffer;
      let sub: DocumentSubmission;
      before(async () => {
        xml = realSample(c.file);
        sub = await decodeSevOvvMessage(xml, testConfig({ orgId: c.to }), ARRIVED);
      });

      it('is a valid canonical submission whose attachments pass the pipeline hash check', () => {
        assertValid<DocumentSubmission>('document-submission.schema.json', sub);
        expect(() => decodeAttachments(sub.attachments)).not.to.throw();
      });

      it(`maps to ${c.kind} (rule ${c.rule}) keyed by the sender and msg_id`, () => {
        expect(sub.source).to.equal('sev-ovv');
        expect(sub.externalId).to.equal(`37472062/${SENDER_SYS}/${c.msgId}`);
        expect(sub.kind).to.equal(c.kind);
        expect(sub.meta).to.include({ msgId: c.msgId, fromOrgId: '37472062', toOrgId: c.to, kindRule: c.rule });
      });

      it('takes the correspondent, outgoing number, summary and urgency from the message; received when it arrived, the sender\'s time in meta (issue 18)', () => {
        expect(sub.correspondent).to.deep.equal(SENDER);
        expect(sub.outgoing).to.deep.equal(c.outgoing);
        expect(sub.summary).to.equal(c.summary);
        expect(sub.receivedAt).to.equal(ARRIVED.toISOString());
        expect(sub.meta).to.include({ msgTime: c.msgTime });
        expect(sub.urgency).to.equal(c.urgency);
        expect(sub.dueDate).to.equal(c.dueDate);
      });

      it('carries each DocTransfer as an attachment with its own SHA-256, and the detached signature over it', () => {
        if (!c.attachment) {
          expect(sub.attachments).to.equal(undefined);
          return;
        }
        const [id, name] = c.attachment;
        const content = rawDocTransfer(xml, id);
        expect(sub.attachments).to.have.length(1);
        expect(sub.attachments?.[0]).to.include({ name, sha256: sha256(content) });
        if (c.signed) {
          expect(sub.signatures).to.have.length(1);
          expect(sub.signatures?.[0]?.attachment).to.equal(name);
          expect(sub.signatures?.[0]?.cms).to.match(/^MIIMjQYJKoZIhvcNAQcC/);
        } else {
          expect(sub.signatures).to.equal(undefined);
        }
      });

      if (c.inReplyTo) {
        it('a reply (msg_type 3) keeps the reference to the document it answers', () => {
          expect(sub.meta?.msgType).to.equal(3);
          expect(sub.meta?.inReplyTo).to.deep.equal([{ addresseeOgrn: c.to, refersTo: 'document', ...c.inReplyTo }]);
        });
      }
    });
  }

  it('ДС1: the PDF and its details, checked by hand', async () => {
    const xml = realSample('DS01-do-vykonannia.xml');
    const sub = await decodeSevOvvMessage(xml, testConfig({ orgId: '21560045' }), ARRIVED);
    const pdf = rawDocTransfer(xml, '190');
    expect(pdf.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    // Computed outside Node (Python base64 + hashlib over the same DocTransfer).
    expect(sub.attachments?.[0]?.sha256).to.equal('36612511ff957c79b1b140fcc5d04de8cf3bf099d397eda824aa8763efa915a7');
    expect(pdf.length).to.equal(1093370);
    expect(sub.attachments?.[0]?.mediaType).to.equal('application/pdf');
    expect(sub.meta).to.include({ idnumber: '168', purposeType: '3', purpose: 'На виконання', documentKind: 'Окреме доручення' });
    const tasks = sub.meta?.tasks as { idnumber: string; deadline: string; onControl: boolean; executors: { ogrn: string; responsible: string }[] }[];
    expect(tasks.map((t) => [t.idnumber, t.deadline, t.onControl])).to.deep.equal([['744', '2015-09-09', false], ['743', '2015-09-09', true]]);
    // Укрпошта (the addressee) is named in the tasks only "до відома" (responsible=2): no term of its own.
    expect(tasks[0]?.executors[0]).to.include({ ogrn: '21560045', responsible: '2' });
    expect(sub.dueDate).to.equal(undefined);
  });

  it('ДС1: the term is the executor deadline of the organisation that must execute the task', async () => {
    const message = readSevMessage(await parseXml(realSample('DS01-do-vykonannia.xml')));
    expect(dueDateFor(message.tasks, [], '312315214')).to.equal('2015-09-09');
    expect(dueDateFor(message.tasks, [], '21560045')).to.equal(undefined);
    expect(dueDateFor(message.tasks, [], '99999999'), 'not named at all: earliest task deadline').to.equal('2015-09-09');
  });

  it('ДС11: the txt attachment is the sender\'s windows-1251 text, kept byte for byte', async () => {
    const sub = await decodeSevOvvMessage(realSample('DS11-zvitnist-dlia-informuvannia.xml'), testConfig({ orgId: '7879990908' }), ARRIVED);
    const bytes = Buffer.from(sub.attachments?.[0]?.contentBase64 ?? '', 'base64');
    expect(new TextDecoder('windows-1251').decode(bytes)).to.equal('Тестовый документ');
    expect(sub.attachments?.[0]?.mediaType).to.equal('text/plain');
  });

  it('ДС3: an approval request (на погодження): each approver\'s own deadline is its term', async () => {
    const xml = realSample('DS03-na-pohodzhennia.xml');
    const message = readSevMessage(await parseXml(xml));
    expect(dueDateFor([], message.document?.approvers ?? [], '312315214')).to.equal('2015-09-09');
    expect(dueDateFor([], message.document?.approvers ?? [], '21560045')).to.equal('2015-09-12');
  });

  for (const a of ACKNOWLEDGEMENTS) {
    it(`${a.file}: an acknowledgement (msg_type 0, ack_type ${a.ackType}) is not a new document`, async () => {
      const err = await expectHubError(decodeSevOvvMessage(realSample(a.file), testConfig({ orgId: '30855996' }), ARRIVED), 'SEV_OVV_NOT_A_DOCUMENT');
      expect(err.details).to.deep.include({ msgType: 0, what: 'acknowledgement', msgId: a.msgId, acknowledgesMsgId: a.acknowledges, ackType: a.ackType });
      expect((err.details as { results: unknown[] }).results).to.deep.equal([{ errorcode: '0', errortext: a.text }]);
      if (a.ackType === 3) expect(err.details).to.deep.include({ regNumber: { number: '1/0/-15', date: '2015-09-11' } });
    });
  }
});
