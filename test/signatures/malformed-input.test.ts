import { expect } from 'chai';
import fc from 'fast-check';
import { SignatureError, TrustStore, verifySignatures, verifySignaturesSync } from '../../src/signatures';
import { certificateBundle, signCms, timestampAttribute } from './support/cms';
import { pki } from './support/fixture';
import { DOCUMENT, verify } from './support/verify';

/** Whatever arrives, the verifier answers with a report (FORMAT_FAILURE at worst) and never crashes. */
describe('signatures: malformed input', function () {
  this.timeout(60_000);

  const formatFailure = async (bytes: Uint8Array, reason: RegExp) => {
    const result = await verify(bytes, DOCUMENT);
    expect(result).to.include({ indication: 'TOTAL-FAILED', subIndication: 'FORMAT_FAILURE' });
    expect(result.signatures).to.deep.equal([]);
    const check = result.checks[0];
    expect(check?.status).to.equal('failed');
    expect(check?.message).to.match(reason);
    expect(check?.messageUk).to.match(/[а-яіїє]/i);
    return result;
  };

  it('empty input', async () => {
    await formatFailure(new Uint8Array(), /empty/);
  });

  it('plain text, PDF bytes and random binary', async () => {
    await formatFailure(Buffer.from('Це звичайний лист, а не підпис.'), /not a CMS/);
    await formatFailure(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /not a CMS/);
    await formatFailure(Buffer.from([0x30, 0x82, 0xff, 0xff, 0x01]), /truncated/);
  });

  it('a certificate or a certs-only bundle instead of a signature', async () => {
    const p = pki();
    await formatFailure(p.root.der, /SignedData|ContentInfo/);
    await formatFailure(certificateBundle([p.root, p.qca]), /no signatures/);
  });

  it('a PEM block with broken base64 inside, and a truncated signature', async () => {
    const p = pki();
    const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca] });
    await formatFailure(Buffer.from('-----BEGIN PKCS7-----\n!!!!\n-----END PKCS7-----\n'), /not a CMS/);
    await formatFailure(sig.subarray(0, sig.length - 10), /truncated|trailing/);
  });

  it('a corrupted time-stamp token is FORMAT_FAILURE for that signature only', async () => {
    const p = pki();
    const sig = signCms({
      content: DOCUMENT,
      signer: p.signerEc,
      certificates: [p.signerEc, p.qca],
      unsignedAttributes: () => [timestampAttribute(Buffer.from([0x30, 0x03, 0x06, 0x01, 0x00]))],
    });
    const result = await verify(sig, DOCUMENT);
    expect(result.signatures[0]).to.include({ indication: 'TOTAL-FAILED', subIndication: 'FORMAT_FAILURE' });
  });

  it('throws a SignatureError with a stable code for arguments that are not bytes', async () => {
    const trust = TrustStore.empty();
    for (const bad of [{ signature: 'MIIB' }, { signature: undefined }, { signature: new Uint8Array([1]), content: 'text' }]) {
      try {
        await verifySignatures(bad as never, { trust });
        expect.fail('should throw');
      } catch (err) {
        expect(err).to.be.instanceOf(SignatureError);
        expect((err as SignatureError).code).to.equal('SIGNATURE_INPUT_INVALID');
      }
    }
    expect(() => verifySignaturesSync({ signature: new Uint8Array([0x30]) }, { trust: {} as TrustStore })).to.throw(SignatureError);
  });

  it('never throws on bit flips and truncations of a valid signature (property)', () => {
    const p = pki();
    const sig = signCms({
      content: DOCUMENT,
      signer: p.signerEc,
      certificates: [p.signerEc, p.qca],
      unsignedAttributes: (v) => [timestampAttribute(p.openssl.stamp(v))],
    });
    fc.assert(
      fc.property(fc.nat(sig.length - 1), fc.integer({ min: 1, max: 255 }), fc.nat(sig.length), (at, mask, cut) => {
        const mutated = Buffer.from(sig);
        mutated[at] = (mutated[at] as number) ^ mask;
        for (const input of [mutated, mutated.subarray(0, cut)]) {
          const result = verifySignaturesSync({ signature: input, content: DOCUMENT }, { trust: p.trust, now: () => p.now });
          expect(['TOTAL-PASSED', 'TOTAL-FAILED', 'INDETERMINATE']).to.include(result.indication);
          JSON.stringify(result);
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('never throws on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const result = verifySignaturesSync({ signature: bytes }, { trust: TrustStore.empty() });
        expect(result.indication).to.equal('TOTAL-FAILED');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
  it('issue 14: ten million tiny elements (20 MB) are refused after the first ten thousand, not read into memory', async () => {
    const der = (tag: number, body: Buffer) => {
      const n = body.length;
      const len = n < 0x80 ? Buffer.from([n]) : Buffer.from([0x84, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
      return Buffer.concat([Buffer.from([tag]), len, body]);
    };
    const tiny = Buffer.alloc(10_000_000 * 2); // 10,000,000 × NULL (05 00)
    for (let i = 0; i < tiny.length; i += 2) tiny[i] = 0x05;
    const signedDataOid = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);
    const signedData = der(0x30, Buffer.concat([Buffer.from([0x02, 0x01, 0x01]), der(0x31, tiny)]));
    const bomb = der(0x30, Buffer.concat([signedDataOid, der(0xa0, signedData)]));
    const before = process.memoryUsage().rss;
    await formatFailure(bomb, /more than 10000 ASN\.1 elements/);
    // What it may hold on to is the input and a bounded list, nowhere near the 3 GB it took.
    expect(process.memoryUsage().rss - before).to.be.below(256 * 2 ** 20);
  });
});
