import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignatureError, loadTrustStore } from '../../src/signatures';
import { certificateBundle, signCms } from './support/cms';
import { pki } from './support/fixture';
import { toPem } from './support/test-pki';
import { ref } from './support/reference';

describe('signatures: trust store loading', function () {
  this.timeout(30_000);
  let dir: string;

  before(() => {
    const p = pki();
    dir = join(p.dir, 'trust-store');
    mkdirSync(join(dir, 'nested'), { recursive: true });
    writeFileSync(join(dir, 'bundle.pem'), `# comment\n${p.root.pem}\n${p.qca.pem}${toPem('X509 CRL', p.crl)}`);
    writeFileSync(join(dir, 'nested', 'other.der'), p.otherRoot.der);
    writeFileSync(join(dir, 'nested', 'bundle.p7b'), certificateBundle([p.tsa, p.root]));
    writeFileSync(join(dir, 'README.txt'), 'не сертифікат');
    writeFileSync(join(dir, '.hidden'), 'ignored');
    // a signature in the trust directory: its certificates must not become anchors
    writeFileSync(
      join(dir, 'signed.p7s'),
      signCms({ content: Buffer.from('x'), signer: p.untrusted, certificates: [p.untrusted, p.otherRoot] }),
    );
  });

  it('reads PEM bundles (certificates and CRLs), DER files and PKCS#7 bundles from a directory tree', async () => {
    const store = await loadTrustStore({ dirs: [dir] });
    expect(store.size).to.equal(4); // root (twice, once kept), qca, otherRoot, tsa
    expect(store.crls).to.have.length(1);
    expect(store.warnings).to.have.length(2);
    expect(store.warnings.join('\n')).to.contain('README.txt').and.contain('signed.p7s: skipped, a signed document');
    expect(store.listAnchors().every((a) => a.qualifiedProvider)).to.equal(true);
  });

  it('reads CRL files (DER and PEM) and directories, full and delta', async () => {
    const p = pki();
    const crlDir = join(dir, '..', 'crls');
    mkdirSync(crlDir, { recursive: true });
    writeFileSync(join(crlDir, 'full.crl'), p.crl);
    writeFileSync(join(crlDir, 'delta.pem'), toPem('X509 CRL', p.deltaCrl));
    const stale = join(dir, '..', 'stale.crl');
    writeFileSync(stale, p.staleCrl);
    const store = await loadTrustStore({
      crlDirs: [crlDir],
      crlFiles: [stale, ref('uapki/crls/BED5083160DBC59BCDDF707C10293F58BB6ED263C6EA5893D3781B61F493BE57-delta-0ABEA7.crl')],
    });
    expect(store.crls.map((c) => c.deltaBase ?? 'full')).to.have.members(['full', '02', 'full', '0AA99C']);
  });

  it('marks anchors from non-qualified sources', async () => {
    const store = await loadTrustStore({ files: [join(dir, 'bundle.pem')], nonQualifiedFiles: [join(dir, 'nested', 'other.der')] });
    const byQualified = store.listAnchors().map((a) => `${a.certificate.subject.text.split(',')[1]?.trim()}:${a.qualifiedProvider}`);
    expect(byQualified).to.include('CN=Сторонній кореневий:false');
  });

  it('reads the real certs-only bundles (CAList.cer, CACertificates.p7b) and a PEM certificate', async () => {
    const store = await loadTrustStore({
      files: [ref('jkurwa/CAList.cer'), ref('jkurwa/CA-Justice-ECDSA-261217.pem'), ref('jkurwa/CZOROOT.cer')],
    });
    expect(store.size).to.equal(6);
  });

  it('fails with a stable code for unreadable and invalid explicit sources', async () => {
    const expectCode = async (sources: Parameters<typeof loadTrustStore>[0], code: string) => {
      try {
        await loadTrustStore(sources);
        expect.fail('should throw');
      } catch (err) {
        expect(err).to.be.instanceOf(SignatureError);
        expect((err as SignatureError).code).to.equal(code);
        expect((err as SignatureError).messageUk).to.match(/[а-яі]/);
      }
    };
    await expectCode({ files: [join(dir, 'missing.pem')] }, 'TRUST_SOURCE_UNREADABLE');
    await expectCode({ dirs: [join(dir, 'missing')] }, 'TRUST_SOURCE_UNREADABLE');
    await expectCode({ files: [join(dir, 'README.txt')] }, 'TRUST_SOURCE_INVALID');
    await expectCode({ crlFiles: [join(dir, 'README.txt')] }, 'TRUST_SOURCE_INVALID');
  });

  it('with() adds anchors and CRLs for one call without changing the store', async () => {
    const p = pki();
    const base = await loadTrustStore({ files: [join(dir, 'nested', 'other.der')] });
    const extended = base.with({ certificates: [Buffer.from(p.root.pem)], crls: [p.crl] });
    expect(base.size).to.equal(1);
    expect(extended.size).to.equal(2);
    expect(extended.crls).to.have.length(1);
    expect(() => base.with({ certificates: [Buffer.from('garbage')] })).to.throw(SignatureError, /certificates\[0\]/);
  });
});
