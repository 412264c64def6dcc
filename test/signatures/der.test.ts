import { expect } from 'chai';
import { Asn1Error, children, octetStringValue, oidValue, parseTlv, stringValue, timeValue } from '../../src/signatures/asn1/der';
import { decodeSignature } from '../../src/signatures/input/decode';
import { pki } from './support/fixture';
import { signCms } from './support/cms';
import { DOCUMENT, expectVerdict, verify } from './support/verify';

describe('signatures: BER/DER reader', () => {
  it('reads indefinite lengths and segmented OCTET STRINGs (BER, RFC 5652 §1.2)', () => {
    // SEQUENCE (indefinite) { OCTET STRING (constructed, indefinite) { "ab", "c" } }
    const ber = Buffer.from('3080' + '2480' + '04026162' + '040163' + '0000' + '0000', 'hex');
    const top = parseTlv(ber);
    expect(top.indefinite).to.equal(true);
    const [octets] = children(top);
    expect(Buffer.from(octetStringValue(octets as never)).toString()).to.equal('abc');
  });

  it('decodes OIDs, UTCTime (1950–2049 rule), GeneralizedTime with fractions and offsets, BMPString', () => {
    expect(oidValue(parseTlv(Buffer.from('060a2a8624020101010102 01'.replace(/ /g, ''), 'hex')))).to.equal('1.2.804.2.1.1.1.1.2.1');
    const time = (tag: number, text: string) =>
      timeValue(parseTlv(Buffer.concat([Buffer.from([tag, text.length]), Buffer.from(text)]))).toISOString();
    expect(time(0x17, '491231235959Z')).to.equal('2049-12-31T23:59:59.000Z');
    expect(time(0x17, '500101000000Z')).to.equal('1950-01-01T00:00:00.000Z');
    expect(time(0x18, '20231119181719.25Z')).to.equal('2023-11-19T18:17:19.250Z');
    expect(time(0x18, '20231119201719+0200')).to.equal('2023-11-19T18:17:19.000Z');
    expect(() => time(0x17, '2311191817Z!')).to.throw(Asn1Error);
    expect(stringValue(parseTlv(Buffer.from('1e04041f0456', 'hex')))).to.equal('Пі');
  });

  it('rejects truncation, oversize lengths and runaway nesting', () => {
    expect(() => parseTlv(Buffer.from('3005020101', 'hex'))).to.throw(Asn1Error, /truncated/);
    expect(() => parseTlv(Buffer.from('3085ffffffffff', 'hex'))).to.throw(Asn1Error, /too large/);
    expect(() => parseTlv(Buffer.from('30'.repeat(200) + '80'.repeat(1), 'hex'))).to.throw(Asn1Error);
    expect(() => parseTlv(Buffer.from('30000000', 'hex'))).to.throw(Asn1Error, /trailing/);
  });

  it('a BER re-encoding (indefinite lengths) of a real signature still verifies', async () => {
    const p = pki();
    const der = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca], detached: false });
    // ContentInfo and its [0] wrapper re-encoded with indefinite length, as streaming encoders do
    const top = parseTlv(der);
    const [type, explicit] = children(top);
    const inner = children(explicit as never)[0] as { raw: Uint8Array };
    const ber = Buffer.concat([
      Buffer.from('3080', 'hex'),
      (type as { raw: Uint8Array }).raw,
      Buffer.from('a080', 'hex'),
      inner.raw,
      Buffer.from('00000000', 'hex'),
    ]);
    expect(decodeSignature(ber).encoding).to.equal('DER');
    expectVerdict(await verify(ber), 'TOTAL-PASSED', null);
  });
});
