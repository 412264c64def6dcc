import { expect } from 'chai';
import fc from 'fast-check';
import { HubError } from '../../src/errors';
import { violations } from '../../src/schemas';
import { decodeSevOvvMessage } from './inbound';
import { ARRIVED, editedSample, expectHubError, ownSample, testConfig } from './test-support';

const decode = (payload: Buffer | string, over = {}) =>
  decodeSevOvvMessage(typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload, testConfig(over), ARRIVED);

const edit = (fn: (xml: string) => string) => editedSample('do-vykonannia.xml', fn);

function violationPaths(err: HubError): string[] {
  return (err.details as { violations: { path: string }[] }).violations.map((v) => v.path);
}

/** Ukrainian text → windows-1251 bytes (the letters the test message uses). */
function toWindows1251(text: string): Buffer {
  const special: Record<string, number> = { і: 0xb3, І: 0xb2, ї: 0xbf, Ї: 0xaf, є: 0xba, Є: 0xaa, ґ: 0xb4, Ґ: 0xa5, '№': 0xb9 };
  return Buffer.from([...text].map((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    const b = special[ch];
    if (b === undefined) throw new Error(`no windows-1251 byte for ${ch}`);
    return b;
  }));
}

describe('СЕВ ОВВ inbound: broken and unwanted messages', function () {
  describe('not a 1207 message', function () {
    it('not XML → SEV_OVV_MALFORMED_XML', async () => {
      await expectHubError(decode('{"externalId":"x"}'), 'SEV_OVV_MALFORMED_XML');
      await expectHubError(decode('hello'), 'SEV_OVV_MALFORMED_XML');
    });

    it('empty, whitespace only, or a bare declaration → SEV_OVV_MALFORMED_XML', async () => {
      await expectHubError(decode(''), 'SEV_OVV_MALFORMED_XML');
      await expectHubError(decode('   \n'), 'SEV_OVV_MALFORMED_XML');
      await expectHubError(decode('<?xml version="1.0"?>'), 'SEV_OVV_MALFORMED_XML');
    });

    it('cut off in the middle → SEV_OVV_MALFORMED_XML', async () => {
      const whole = ownSample('do-vykonannia.xml');
      await expectHubError(decode(whole.subarray(0, Math.floor(whole.length / 2))), 'SEV_OVV_MALFORMED_XML');
    });

    it('bytes that are not UTF-8 under a UTF-8 declaration → SEV_OVV_MALFORMED_XML, not mojibake', async () => {
      const err = await expectHubError(decode(Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Header a="'), Buffer.from([0xc0, 0xff]), Buffer.from('"/>')])), 'SEV_OVV_MALFORMED_XML');
      expect(err.details).to.deep.equal({ reason: 'the bytes are not valid utf-8', reasonUk: 'вміст не є коректним текстом у кодуванні utf-8' });
    });

    it('issue 14: nested 20,000 deep, or 900,000 elements → SEV_OVV_MALFORMED_XML before anything is built; a real message still decodes', async () => {
      const deep = `<?xml version="1.0"?><Header>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</Header>`;
      const err = await expectHubError(decode(deep), 'SEV_OVV_MALFORMED_XML');
      expect(err.details).to.include({ reason: 'nested deeper than 64 elements' });
      const wide = `<?xml version="1.0"?><Header>${'<a x=">"/>'.repeat(900_000)}</Header>`;
      const many = await expectHubError(decode(wide), 'SEV_OVV_MALFORMED_XML');
      expect(many.details).to.include({ reason: 'more than 100000 elements' });
      const ok = await decode(ownSample('do-vykonannia.xml'));
      expect(ok).to.be.an('object');
    });

    it('an entity declared in a DOCTYPE is refused, never expanded', async () => {
      await expectHubError(decode('<!DOCTYPE Header [<!ENTITY x "xxxxxxxxxx">]><Header>&x;</Header>'), 'SEV_OVV_MALFORMED_XML');
    });

    it('wrong root element → SEV_OVV_INVALID_MESSAGE naming it', async () => {
      const err = await expectHubError(decode('<?xml version="1.0"?><Envelope><Body/></Envelope>'), 'SEV_OVV_INVALID_MESSAGE');
      expect(err.details).to.deep.equal({ violations: [{
        path: '/Envelope',
        message: 'the root element is <Envelope>; a 1207 message is a <Header>',
        messageUk: 'кореневий елемент — <Envelope>, а повідомлення формату 1207 — це <Header>',
      }] });
    });

    it('a <Header> in a foreign namespace is not a 1207 message: SEV_OVV_INVALID_MESSAGE at /Header/@xmlns (issue 18)', async () => {
      const foreign = edit((x) => x.replace('<Header ', '<Header xmlns="http://example.org/not-1207" '));
      const err = await expectHubError(decode(foreign), 'SEV_OVV_INVALID_MESSAGE');
      expect(violationPaths(err)).to.deep.equal(['/Header/@xmlns']);
      expect(JSON.stringify(err.details)).to.contain('http://example.org/not-1207');
      // a prefixed root is another element; a declaration of other prefixes leaves <Header> in no namespace
      await expectHubError(decode(edit((x) => x.replace('<Header ', '<n:Header xmlns:n="http://example.org/n" ').replace('</Header>', '</n:Header>'))), 'SEV_OVV_INVALID_MESSAGE');
      expect(await decode(edit((x) => x.replace('<Header ', '<Header xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ')))).to.be.an('object');
      expect(await decode(edit((x) => x.replace('<Header ', '<Header xmlns="" ')))).to.be.an('object');
    });

    it('another version or standard → SEV_OVV_UNSUPPORTED_VERSION with what it was', async () => {
      const err = await expectHubError(decode(edit((x) => x.replace('version="1.5"', 'version="1.4"'))), 'SEV_OVV_UNSUPPORTED_VERSION');
      expect(err.details).to.deep.equal({ standart: '1207', version: '1.4', supported: { standart: '1207', version: '1.5' } });
      await expectHubError(decode(edit((x) => x.replace('standart="1207"', 'standart="53898"'))), 'SEV_OVV_UNSUPPORTED_VERSION');
      await expectHubError(decode('<Header/>'), 'SEV_OVV_UNSUPPORTED_VERSION');
    });
  });

  describe('XSD-required parts (SEV_OVV_INVALID_MESSAGE with every path)', function () {
    it('a document message (msg_type 1) without <Document>', async () => {
      const noDoc = edit((x) => x.replace(/<Document [\s\S]*<\/Document>\s*/, '').replace(/<Expansion [\s\S]*<\/Expansion>\s*/, ''));
      const err = await expectHubError(decode(noDoc), 'SEV_OVV_INVALID_MESSAGE');
      expect(violationPaths(err)).to.deep.equal(['/Header/Document']);
    });

    it('missing header attributes', async () => {
      const err = await expectHubError(decode(edit((x) => x.replace(/ msg_id="[^"]*"/, '').replace(/ from_sys_id="[^"]*"/, ''))), 'SEV_OVV_INVALID_MESSAGE');
      expect(violationPaths(err)).to.deep.equal(['/Header/@msg_id', '/Header/@from_sys_id']);
    });

    it('several problems at once are all reported', async () => {
      const broken = edit((x) => x
        .replace('<RegNumber regdate="2026-03-05">01-14/2214</RegNumber>\n    <Confident', '<RegNumber>01-14/2214</RegNumber>\n    <Confident')
        .replace('purpose_type="3"', 'purpose_type="9"')
        .replace('time="2026-03-06T07:30:00Z"', 'time="06.03.2026 07:30"')
        .replace('deadline="2026-03-20"', 'deadline="2026-02-30"')
        .replace(/<Writer>[\s\S]*?<\/Writer>/, ''));
      const err = await expectHubError(decode(broken), 'SEV_OVV_INVALID_MESSAGE');
      expect(violationPaths(err)).to.have.members([
        '/Header/@time',
        '/Header/Document/@purpose_type',
        '/Header/Document/RegNumber/@regdate',
        '/Header/Document/Writer',
        '/Header/TaskList/Task/Executor[1]/@deadline',
      ]);
    });

    it('a signature over a DocTransfer that is not in the message', async () => {
      const err = await expectHubError(decode(edit((x) => x.replace('docTransfer_idnumber="T1"', 'docTransfer_idnumber="T9"'))), 'SEV_OVV_INVALID_MESSAGE');
      expect(err.details).to.deep.equal({
        violations: [{
          path: '/Header/Expansion/StaticExpansion/SignInfo/@docTransfer_idnumber',
          message: 'no DocTransfer with idnumber "T9" in the message',
          messageUk: 'у повідомленні немає DocTransfer з idnumber «T9»',
        }],
      });
    });

    it('an acknowledgement without AckResult', async () => {
      const broken = editedSample('acknowledgement-registered.xml', (x) => x.replace(/<AckResult[^>]*\/>/, ''));
      const err = await expectHubError(decode(broken), 'SEV_OVV_INVALID_MESSAGE');
      expect(violationPaths(err)).to.deep.equal(['/Header/Acknowledgement/AckResult']);
    });
  });

  describe('attachments', function () {
    it('content that is not base64 → INVALID_BASE64 naming the DocTransfer', async () => {
      const err = await expectHubError(decode(edit((x) => x.replace('0JTQntCg', '0JTQ*!Cg'))), 'INVALID_BASE64');
      expect(err.details).to.deep.equal({ field: '/Header/Document/DocTransfer' });
    });

    it('a signature that is not base64 → INVALID_BASE64 naming the SignData', async () => {
      const err = await expectHubError(decode(edit((x) => x.replace('cGxhY2Vob2xkZXIs', 'cGxhY2Vob2xkZXI%'))), 'INVALID_BASE64');
      expect(err.details).to.deep.equal({ field: '/Header/Expansion/StaticExpansion/SignInfo/SignData' });
    });

    it('larger than SEV_OVV_MAX_ATTACHMENT_BYTES → SEV_OVV_ATTACHMENT_TOO_LARGE', async () => {
      const err = await expectHubError(decode(ownSample('do-vykonannia.xml'), { maxAttachmentBytes: 100 }), 'SEV_OVV_ATTACHMENT_TOO_LARGE');
      expect(err.details).to.deep.include({ attachment: 'Доручення 01-14-2214.txt', size: 267, maxBytes: 100 });
    });

    it('a name with path separators cannot leave its folder', async () => {
      const sub = await decode(edit((x) => x.replace('description="Доручення 01-14-2214"', 'description="../../etc/passwd"')));
      expect(sub.attachments?.[0]?.name).to.equal('.._.._etc_passwd.txt');
    });
  });

  describe('routing and message types', function () {
    it('addressed to another organisation → SEV_OVV_WRONG_ADDRESSEE', async () => {
      const err = await expectHubError(decode(ownSample('do-vykonannia.xml'), { orgId: '40000002' }), 'SEV_OVV_WRONG_ADDRESSEE');
      expect(err.details).to.deep.include({ toOrgId: '40000001', ourOrgId: '40000002' });
    });

    it('a sender off the allow-list → SEV_OVV_SENDER_NOT_ALLOWED', async () => {
      const err = await expectHubError(decode(ownSample('do-vykonannia.xml'), { allowedSenders: ['30000004'] }), 'SEV_OVV_SENDER_NOT_ALLOWED');
      expect(err.details).to.deep.include({ fromOrgId: '00022533' });
      const ok = await decode(ownSample('do-vykonannia.xml'), { allowedSenders: ['30000004', '00022533'] });
      expect(ok.kind).to.equal('higher-authority-document');
    });

    it('an addition to a document (msg_type 2) → SEV_OVV_NOT_A_DOCUMENT', async () => {
      const err = await expectHubError(decode(edit((x) => x.replace('msg_type="1"', 'msg_type="2"'))), 'SEV_OVV_NOT_A_DOCUMENT');
      expect(err.details).to.deep.include({ msgType: 2, what: 'document-addition', idnumber: 'D-2026-0415' });
    });

    it('an unknown msg_type → SEV_OVV_INVALID_MESSAGE', async () => {
      const err = await expectHubError(decode(edit((x) => x.replace('msg_type="1"', 'msg_type="7"'))), 'SEV_OVV_INVALID_MESSAGE');
      expect(violationPaths(err)).to.deep.equal(['/Header/@msg_type']);
    });
  });

  describe('in Ukrainian and English (issue 12)', function () {
    it('the refusal\'s body says it in both languages, and so does each violation', async () => {
      const err = await expectHubError(decode(edit((x) => x.replace('msg_type="1"', 'msg_type="7"'))), 'SEV_OVV_INVALID_MESSAGE');
      expect(err.toBody()).to.deep.equal({
        code: 'SEV_OVV_INVALID_MESSAGE',
        message: 'The СЕВ ОВВ message lacks required parts or has invalid values',
        messageUk: 'У повідомленні СЕВ ОВВ бракує обов’язкових частин або є некоректні значення',
        details: { violations: [{
          path: '/Header/@msg_type',
          message: 'must be one of 0, 1, 2, 3, 4, got "7"',
          messageUk: 'має бути одним із: 0, 1, 2, 3, 4; отримано «7»',
        }] },
      });
    });

    it('every violation of a message broken in many places has its Ukrainian sentence', async () => {
      const broken = edit((x) => x
        .replace(/ msg_id="[^"]*"/, '')
        .replace('purpose_type="3"', 'purpose_type="9"')
        .replace('time="2026-03-06T07:30:00Z"', 'time="06.03.2026 07:30"')
        .replace('deadline="2026-03-20"', 'deadline="2026-02-30"')
        .replace(/<Writer>[\s\S]*?<\/Writer>/, ''));
      const err = await expectHubError(decode(broken), 'SEV_OVV_INVALID_MESSAGE');
      const found = (err.details as { violations: { path: string; messageUk: string }[] }).violations;
      expect(Object.fromEntries(found.map((v) => [v.path, v.messageUk]))).to.deep.equal({
        '/Header/@msg_id': 'бракує обовʼязкового атрибута',
        '/Header/@time': 'має бути датою й часом (xs:dateTime); отримано «06.03.2026 07:30»',
        '/Header/Document/@purpose_type': 'має бути одним із: 0, 1, 2, 3, 4, 5, 6; отримано «9»',
        '/Header/Document/Writer': 'бракує обовʼязкового елемента',
        '/Header/TaskList/Task/Executor[1]/@deadline': 'має бути датою (РРРР-ММ-ДД); отримано «2026-02-30»',
      });
    });

    it('routing refusals are bilingual at the top, with the data in the details', async () => {
      const wrong = await expectHubError(decode(ownSample('do-vykonannia.xml'), { orgId: '40000002' }), 'SEV_OVV_WRONG_ADDRESSEE');
      expect(wrong.toBody()).to.include({ message: 'The СЕВ ОВВ message is addressed to another organisation', messageUk: 'Повідомлення СЕВ ОВВ адресоване іншій організації' });
      const big = await expectHubError(decode(ownSample('do-vykonannia.xml'), { maxAttachmentBytes: 100 }), 'SEV_OVV_ATTACHMENT_TOO_LARGE');
      expect(big.toBody().messageUk).to.equal('Вкладення СЕВ ОВВ перевищує встановлений максимальний розмір');
      expect(big.status).to.equal(413);
    });
  });

  describe('encodings', function () {
    it('reads a windows-1251 message by its declaration', async () => {
      const utf8 = ownSample('reply.xml').toString('utf8').replace('encoding="UTF-8"', 'encoding="windows-1251"').replace('charset="UTF-8"', 'charset="windows-1251"');
      const sub = await decode(toWindows1251(utf8));
      expect(sub.summary).to.equal('Щодо фінансування ремонту укриттів у закладах освіти (відповідь на лист від 20.02.2026 № 01-07/311)');
    });

    it('reads UTF-16 with a byte-order mark', async () => {
      const text = ownSample('reply.xml').toString('utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const sub = await decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      expect(sub.correspondent.name).to.equal('Міністерство розвитку громад (тестове)');
    });

    it('an encoding Node cannot decode → SEV_OVV_MALFORMED_XML', async () => {
      const err = await expectHubError(decode('<?xml version="1.0" encoding="x-klingon"?><Header/>'), 'SEV_OVV_MALFORMED_XML');
      expect(err.details).to.deep.equal({ reason: 'unsupported encoding "x-klingon"', reasonUk: 'непідтримуване кодування «x-klingon»' });
    });
  });

  describe('never crashes', function () {
    this.timeout(60000);

    /** Decodes; a result must be a valid submission, a failure a HubError. Anything else fails the property. */
    async function decodesOrRejectsCleanly(bytes: Buffer): Promise<void> {
      let sub: unknown;
      try {
        sub = await decodeSevOvvMessage(bytes, testConfig(), ARRIVED);
      } catch (err) {
        if (!(err instanceof HubError)) throw err;
        // Whatever the damage, the refusal says what is wrong in Ukrainian too.
        expect(err.spec.messageUk).to.match(/[а-яіїєґ]/);
        const d = (err.details ?? {}) as { violations?: { messageUk?: string }[]; reason?: string; reasonUk?: string };
        for (const v of d.violations ?? []) expect(v.messageUk, JSON.stringify(v)).to.match(/[а-яіїєґ]/);
        if (d.reason !== undefined) expect(d.reasonUk, d.reason).to.match(/[а-яіїєґ]/);
        return;
      }
      expect(violations('document-submission.schema.json', sub)).to.deep.equal([]);
    }

    it('characters inserted or replaced anywhere (XML syntax, Cyrillic, NUL): a valid submission or a HubError', async () => {
      const chars = [...ownSample('do-vykonannia.xml').toString('utf8')];
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(chars.length - 1), fc.constantFrom(...'<>"\'=/&;# a0Z9-:.\nЖ\u0000'), fc.boolean()), { minLength: 1, maxLength: 4 }),
          async (edits) => {
            const copy = [...chars];
            for (const [at, ch, insert] of edits) copy.splice(at, insert ? 0 : 1, ch);
            await decodesOrRejectsCleanly(Buffer.from(copy.join(''), 'utf8'));
          },
        ),
        { numRuns: 400 },
      );
    });

    it('bytes flipped and the message cut short: a valid submission or a HubError', async () => {
      const base = ownSample('do-vykonannia.xml');
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
          fc.option(fc.nat(base.length), { nil: undefined }),
          async (flips, cut) => {
            const bytes = Buffer.from(base);
            for (const [at, value] of flips) bytes[at] = value;
            await decodesOrRejectsCleanly(cut === undefined ? bytes : bytes.subarray(0, cut));
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});
