import { expect } from 'chai';
import { Parser } from 'xml2js';
import { ownSample } from './test-support';
import { LONG_TEXT_BYTES, parseXml, xmlTextPieces } from './xml';

/** A 1207-shaped message around `content` as a DocTransfer's text, with Cyrillic before and after it. */
function messageWith(content: string, tail = ''): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Header standart="1207" from_organization="Міська рада"><Document annotation="Лист">` +
    `<DocTransfer idnumber="1" description="лист.pdf">${content}</DocTransfer>${tail}</Document></Header>`,
  );
}

const base64Of = (bytes: number) => Buffer.alloc(bytes, 0xa5).toString('base64').replace(/(.{76})/g, '$1\n');

/** What the decoder did before the pieces (one string, one parse), for comparison. */
async function wholeParse(payload: Buffer): Promise<unknown> {
  return new Parser({ explicitArray: true, explicitCharkey: true, attrkey: '$', charkey: '_', emptyTag: () => ({}), async: false })
    .parseStringPromise(new TextDecoder('utf-8', { fatal: true }).decode(payload));
}

/**
 * Issue 18, "peak RSS under 256 MB for a 25 MiB attachment": a message's long base64 text is read
 * as a string of its own, one byte a character (the whole message with its Cyrillic would be one
 * two-byte string, twice the size), and the message reads the same as read whole.
 */
describe('СЕВ ОВВ XML: long base64 text read apart from the markup', () => {
  it('cuts a DocTransfer of at least 64 KiB of base64 out as its own piece; the pieces join to the text', () => {
    const content = base64Of(LONG_TEXT_BYTES);
    const payload = messageWith(content);
    const pieces = xmlTextPieces(payload);
    expect(pieces).to.have.length(3);
    expect(pieces[1]).to.equal(content);
    expect(pieces.join('')).to.equal(new TextDecoder().decode(payload));
  });

  it('leaves shorter text, text that is not all base64 and text not ending at a tag in the markup pieces', () => {
    expect(xmlTextPieces(messageWith(base64Of(1000).repeat(10)))).to.have.length(1);
    const notBase64 = `${base64Of(LONG_TEXT_BYTES)}Ж`;
    expect(xmlTextPieces(messageWith(notBase64))).to.have.length(1);
    const inComment = `<!-- >${base64Of(LONG_TEXT_BYTES)} -->`;
    expect(xmlTextPieces(messageWith('QUJD', inComment))).to.have.length(1);
  });

  it('two attachments are two pieces, and the element tree is the one a whole parse gives', async () => {
    const a = base64Of(LONG_TEXT_BYTES);
    const b = base64Of(LONG_TEXT_BYTES * 2);
    const payload = messageWith(a, `<DocTransfer idnumber="2" description="додаток.pdf">${b}</DocTransfer>`);
    const pieces = xmlTextPieces(payload);
    expect(pieces).to.have.length(5);
    expect([pieces[1], pieces[3]]).to.deep.equal([a, b]);
    const root = await parseXml(payload);
    const transfers = root.children[0]!.children.filter((c) => c.name === 'DocTransfer');
    expect(transfers.map((t) => t.text)).to.deep.equal([a, b]);
    const whole = (await wholeParse(payload)) as { Header: { Document: Array<{ DocTransfer: Array<{ _: string }> }> } };
    expect(whole.Header.Document[0]!.DocTransfer.map((t) => t._)).to.deep.equal([a, b]);
  });

  it('a long run the parser is given a mark for reads the same as a whole parse: in CDATA, after a comment, as white space', async () => {
    const b = base64Of(LONG_TEXT_BYTES).replace(/\n/g, '');
    const tails = [`<Note><![CDATA[x>${b}<y]]></Note>`, `<!-- >${b}<x --><Note>n</Note>`, `<Note>>${' '.repeat(LONG_TEXT_BYTES)}</Note>`, `<Note>${b}</Note>`];
    for (const tail of tails) {
      const payload = messageWith('QUJD', tail);
      expect(xmlTextPieces(payload).length, tail.slice(0, 30)).to.equal(3);
      const note = (await parseXml(payload)).children[0]!.children.find((c) => c.name === 'Note');
      const whole = (await wholeParse(payload)) as { Header: { Document: Array<{ Note: Array<{ _?: string }> }> } };
      expect(note?.text, tail.slice(0, 30)).to.equal(whole.Header.Document[0]!.Note[0]!._ ?? '');
    }
  });

  it('the real and own samples read the same as before', async () => {
    for (const file of ['do-vykonannia.xml', 'reply.xml']) {
      const payload = ownSample(file);
      expect(xmlTextPieces(payload, 16).join(''), file).to.equal(new TextDecoder().decode(payload));
    }
  });

  it('a BOM is dropped at the start only; bytes that are not UTF-8 after a long piece are SEV_OVV_MALFORMED_XML', async () => {
    const content = base64Of(LONG_TEXT_BYTES);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), messageWith(content, '\ufeff')]);
    const pieces = xmlTextPieces(withBom);
    expect(pieces[0]!.startsWith('<?xml')).to.equal(true);
    expect(pieces.join('')).to.contain(`</DocTransfer>\ufeff</Document>`);
    const broken = Buffer.concat([messageWith(content).subarray(0, -20), Buffer.from([0xc3, 0x28]), Buffer.from('</Header>')]);
    try {
      await parseXml(broken);
      expect.fail('bytes that are not UTF-8 were read');
    } catch (err) {
      expect((err as { code?: string }).code).to.equal('SEV_OVV_MALFORMED_XML');
    }
  });

  it('a message wrong early stops at its first error, with the parser’s words', async () => {
    const content = base64Of(LONG_TEXT_BYTES);
    const payload = Buffer.from(messageWith(content).toString().replace('</Document>', '') + '<X/>'.repeat(20_000));
    try {
      await parseXml(payload);
      expect.fail('a malformed message was read');
    } catch (err) {
      expect((err as { code?: string }).code).to.equal('SEV_OVV_MALFORMED_XML');
      expect(JSON.stringify((err as { details?: unknown }).details)).to.match(/closing tag|Unexpected|Unclosed|Text data outside/i);
    }
  });
});
