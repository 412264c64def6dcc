import { expect } from 'chai';
import { TrustStore, loadTrustStore, verifySignaturesSync } from '../../src/signatures';
import { Digests } from '../../src/signatures/crypto/digest';
import { Gost34311 } from '../../src/signatures/dstu4145/gost34311';
import { extractCmsSigner } from '../../src/signatures/dstu4145/testVectors';
import { DIIA, DIIA_AT, readRef, ref } from './support/reference';

/**
 * Issue 16: a verification hashes its content once per algorithm. The Diia CAdES-T signature
 * carries a content time-stamp whose imprint is GOST 34.311 of the content, as is its
 * messageDigest: the content must go through the hash once, not twice.
 */
describe('signatures: the content is hashed once per verification', () => {
  let diia: TrustStore;
  before(async () => {
    diia = await loadTrustStore({ files: [ref(DIIA.ca), ref(DIIA.root), ref(DIIA.tsp)], crlFiles: [ref(DIIA.deltaCrl)] });
  });

  it('Digests computes each algorithm once and returns the same value', () => {
    const d = new Digests(Buffer.from('abc'));
    const first = d.of('gost34311');
    expect(d.of('gost34311')).to.equal(first);
    expect(Buffer.from(d.of('sha256')).toString('hex')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('uapki/cades-t-attached.p7s: messageDigest and the content time-stamp share one GOST 34.311 pass', () => {
    const signature = readRef('uapki/cades-t-attached.p7s');
    const content = extractCmsSigner(signature).content!;
    const update = Gost34311.prototype.update;
    let contentPasses = 0;
    Gost34311.prototype.update = function (this: Gost34311, data: Uint8Array) {
      if (data.length === content.length && Buffer.from(data).equals(Buffer.from(content))) contentPasses++;
      return update.call(this, data);
    };
    try {
      const result = verifySignaturesSync({ signature }, { trust: diia, at: DIIA_AT });
      const report = result.signatures[0]!;
      expect(report.indication).to.equal('TOTAL-PASSED');
      expect(report.checks.find((c) => c.id === 'message-digest')?.status).to.equal('passed');
      expect(report.contentTimestamp).to.include({ valid: true });
    } finally {
      Gost34311.prototype.update = update;
    }
    expect(contentPasses).to.equal(1);
  });
});
