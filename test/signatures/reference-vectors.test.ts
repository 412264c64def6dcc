import { expect } from 'chai';
import { TrustStore, createTrustStore, loadTrustStore, verifySignatures } from '../../src/signatures';
import { parseSignedData } from '../../src/signatures/cms/signed-data';
import { readPkiObjects } from '../../src/signatures/trust/read-objects';
import { verifyIssuerSignature } from '../../src/signatures/validation/issuer-signature';
import { parseCertificate } from '../../src/signatures/x509/certificate';
import { qcClaims } from '../../src/signatures/x509/qualified';
import { signerIdentity } from '../../src/signatures/x509/signer-identity';
import { DIIA, DIIA_AT, REFERENCE_NOW, readRef, ref } from './support/reference';
import { checkOf, expectVerdict } from './support/verify';

/**
 * Every real vector in test/fixtures/reference/signatures with the verdict its SOURCES.md implies.
 * The real certificates are long expired: validated `at` a time inside their validity they hold;
 * validated now they are OUT_OF_BOUNDS_NO_POE unless a valid time-stamp proves when they were made.
 */
describe('signatures: reference vectors (test/fixtures/reference/signatures)', function () {
  this.timeout(60_000);
  const now = () => REFERENCE_NOW;
  const run = (signature: string, trust: TrustStore, options: { content?: string | Buffer; at?: Date } = {}) =>
    verifySignatures(
      {
        signature: readRef(signature),
        ...(options.content ? { content: typeof options.content === 'string' ? readRef(options.content) : options.content } : {}),
      },
      { trust, now, ...(options.at ? { at: options.at } : {}) },
    );

  describe('uapki/: real Diia DSTU 4145 signatures (M257, GOST 34.311)', () => {
    let diia: TrustStore;
    let bundle: TrustStore;
    before(async () => {
      diia = await loadTrustStore({ files: [ref(DIIA.ca), ref(DIIA.root), ref(DIIA.tsp)], crlFiles: [ref(DIIA.deltaCrl)] });
      bundle = await loadTrustStore({ files: [ref('trust/CACertificates-2023-04.p7b')] });
    });

    for (const file of ['uapki/cades-bes-attached.p7s', 'uapki/cades-bes-attached-custom-attrs.p7s']) {
      it(`${file}: TOTAL-PASSED at a time inside validity, OUT_OF_BOUNDS_NO_POE now`, async () => {
        const r = expectVerdict(await run(file, diia, { at: DIIA_AT }), 'TOTAL-PASSED', null);
        expect(r.format).to.equal('CAdES-BES');
        expect(r.signer).to.include({ commonName: 'ДП ДІЯ (Тестування)', edrpou: '43395033', organization: 'ДП ДІЯ (Тестування)' });
        expect(r.digestAlgorithm).to.equal('GOST 34.311-95');
        expect(r.signatureAlgorithm).to.equal('DSTU 4145-2002 (little-endian)');
        expect(checkOf(r, 'signature-value').message).to.contain('DSTU 4145 M257');
        // QcCompliance and the Ukrainian statement, but no QcSSCD: AdES-QC, not QES
        expect(r.qualified).to.equal(true);
        expect(r.qualification).to.include({ level: 'AdES-QC', qcCompliance: true, uaQualified: true, qscd: false });
        expect(r.chain.map((c) => c.serialNumber)).to.deep.equal([
          '3ED5083160DBC59B04000000A91E060073A57600',
          '05E19E2CD92EA2990100000001000000E1000000',
          '05E19E2CD92EA2990100000001000000C1000000',
        ]);
        // only a delta CRL is known for the Diia CA: not enough to say "not revoked"
        expect(checkOf(r, 'revocation').status).to.equal('skipped');
        expect(checkOf(r, 'revocation').message).to.contain('delta');
        expectVerdict(await run(file, diia), 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
      });
    }

    it('cades-bes-attached.p7s: signingTime, and passes with the 2023 CACertificates.p7b bundle', async () => {
      const r = expectVerdict(await run('uapki/cades-bes-attached.p7s', bundle, { at: DIIA_AT }), 'TOTAL-PASSED', null);
      expect(r.signingTime).to.equal('2023-09-19T18:17:18.000Z');
      expect(r.qualified).to.equal(true);
    });

    it('cades-bes-attached.p7s: NO_CERTIFICATE_CHAIN_FOUND without trust, though the signature itself verifies', async () => {
      const r = expectVerdict(
        await run('uapki/cades-bes-attached.p7s', TrustStore.empty(), { at: DIIA_AT }),
        'INDETERMINATE',
        'NO_CERTIFICATE_CHAIN_FOUND',
      );
      expect(checkOf(r, 'signature-value').status).to.equal('passed');
      expect(r.qualified).to.equal(false);
    });

    it('cades-t-attached.p7s: the Diia TSP time-stamp is valid and proves existence, even now', async () => {
      const r = expectVerdict(await run('uapki/cades-t-attached.p7s', diia, { at: DIIA_AT }), 'TOTAL-PASSED', null);
      expect(r.format).to.equal('CAdES-T');
      expect(r.timestamp).to.include({ genTime: '2023-09-19T18:17:19.000Z', policy: '1.2.804.2.1.1.1.2.3.1', valid: true });
      expect(r.timestamp?.tsa).to.contain('TSP-сервер КНЕДП "Дія"');
      expect(r.contentTimestamp).to.include({ genTime: '2023-09-19T18:17:19.000Z', valid: true });
      expect(r.bestSignatureTime).to.equal('2023-09-19T18:17:19.000Z');
      // EN 319 102-1 §5.6.2.4: the time-stamp is a proof of existence inside the signer's validity
      const later = expectVerdict(await run('uapki/cades-t-attached.p7s', diia), 'TOTAL-PASSED', null);
      expect(later.bestSignatureTime).to.equal('2023-09-19T18:17:19.000Z');
      // without the TSA certificate there is no proof, hence OUT_OF_BOUNDS_NO_POE
      const noTsa = await loadTrustStore({ files: [ref(DIIA.ca), ref(DIIA.root)] });
      const r2 = expectVerdict(await run('uapki/cades-t-attached.p7s', noTsa), 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
      expect(checkOf(r2, 'signature-timestamp').status).to.equal('warning');
    });

    it('cades-bes-detached.p7s: passes with its content, HASH_FAILURE with the corrupted one, SIGNED_DATA_NOT_FOUND without', async () => {
      const p = 'uapki/cades-bes-detached.p7s';
      const ok = expectVerdict(await run(p, diia, { at: DIIA_AT, content: 'uapki/cades-bes-detached.content.txt' }), 'TOTAL-PASSED', null);
      expect(ok.signer.edrpou).to.equal('43395033');
      expectVerdict(
        await run(p, diia, { at: DIIA_AT, content: 'uapki/cades-bes-detached.invalid-content.bin' }),
        'TOTAL-FAILED',
        'HASH_FAILURE',
      );
      expectVerdict(await run(p, diia, { at: DIIA_AT }), 'INDETERMINATE', 'SIGNED_DATA_NOT_FOUND');
      expectVerdict(await run(p, diia, { content: 'uapki/test-fox.txt' }), 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
    });

    it('the Diia delta CRL is read and verified against the Diia CA (DSTU 4145 M431)', async () => {
      expect(diia.crls).to.have.length(1);
      expect(diia.crls[0]).to.include({ crlNumber: '0ABEA7', deltaBase: '0AA99C' });
    });
  });

  describe('jkurwa/: DSTU 4145 test messages and real certificates', () => {
    let selfSigned: TrustStore;
    const at = new Date('2018-10-23T00:00:00Z');
    before(async () => {
      selfSigned = await loadTrustStore({ files: [ref('jkurwa/SELF_SIGNED1.cer')] });
    });

    it('message.p7 (attached "123"): not verified without the CA list, TOTAL-PASSED with it', async () => {
      const untrusted = expectVerdict(
        await run('jkurwa/message.p7', TrustStore.empty(), { at }),
        'INDETERMINATE',
        'NO_CERTIFICATE_CHAIN_FOUND',
      );
      expect(checkOf(untrusted, 'signature-value').status).to.equal('passed');
      const r = expectVerdict(await run('jkurwa/message.p7', selfSigned, { at }), 'TOTAL-PASSED', null);
      expect(r.signer.organization).to.equal('Very Much CA');
      expect(r.chain[0]?.subject).to.equal('O=Very Much CA, serialNumber=UA-99999999, L=Wakanda');
      expect(r.qualified).to.equal(false);
      expect(r.signingTime).to.equal('2018-10-22T19:25:05.000Z');
      expectVerdict(await run('jkurwa/message.p7', selfSigned), 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
    });

    it('CAList.cer (certs-only PKCS#7) works as a trust bundle', async () => {
      const list = await loadTrustStore({ files: [ref('jkurwa/CAList.cer')] });
      expect(list.size).to.equal(4);
      expectVerdict(await run('jkurwa/message.p7', list, { at }), 'TOTAL-PASSED', null);
    });

    it('message_detached.p7: "123" passes, "1234" is HASH_FAILURE, none is SIGNED_DATA_NOT_FOUND', async () => {
      expectVerdict(await run('jkurwa/message_detached.p7', selfSigned, { at, content: Buffer.from('123') }), 'TOTAL-PASSED', null);
      expectVerdict(
        await run('jkurwa/message_detached.p7', selfSigned, { at, content: Buffer.from('1234') }),
        'TOTAL-FAILED',
        'HASH_FAILURE',
      );
      expectVerdict(await run('jkurwa/message_detached.p7', selfSigned, { at }), 'INDETERMINATE', 'SIGNED_DATA_NOT_FOUND');
    });

    it('message.transport: unwraps the tax-office transport container', async () => {
      const result = await run('jkurwa/message.transport', selfSigned, { at });
      expectVerdict(result, 'TOTAL-PASSED', null);
      expect(result.encoding).to.equal('transport');
      expect(result.detached).to.equal(false);
    });

    it('real certificates: SFS seal (EDRPOU 39292197), CA-Justice chained to the CZO root (DSTU), the ECDSA CA', async () => {
      const sfs = parseCertificate(readRef('jkurwa/SFS_1.cer'));
      expect(signerIdentity(sfs)).to.include({ edrpou: '39292197', organization: 'Державна фіскальна служба України' });
      expect(sfs.subject.attributes.find((a) => a.oid === '2.5.4.5')?.value).to.equal('2122385');
      expect(qcClaims(sfs)).to.include({ uaQualified: true, qcCompliance: false, certificateQualified: true });
      expect(sfs.extensions.keyUsage).to.have.members(['digitalSignature', 'nonRepudiation']);

      const justice = parseCertificate(readRef('jkurwa/CA-Justice.cer'));
      const czo = parseCertificate(readRef('jkurwa/CZOROOT.cer'));
      expect(justice.issuer.attributes.find((a) => a.oid === '2.5.4.5')?.value).to.equal('UA-00015622-2012');
      expect(verifyIssuerSignature(justice, czo)).to.equal('valid');
      expect(verifyIssuerSignature(czo, czo)).to.equal('valid');
      expect(verifyIssuerSignature(sfs, czo)).to.equal('invalid');

      const ecdsa = parseCertificate(readPkiObjects(readRef('jkurwa/CA-Justice-ECDSA-261217.pem')).certificates[0] as Uint8Array);
      expect(ecdsa.issuer.attributes.find((a) => a.oid === '2.5.4.5')?.value).to.equal('UA-00015622-256');
      expect(qcClaims(ecdsa).uaQualified).to.equal(true);
      expect(Buffer.from(parseCertificate(readRef('jkurwa/CA-Justice-ECDSA-261217.cer')).der).equals(Buffer.from(ecdsa.der))).to.equal(
        true,
      );
    });
  });

  describe('dss/: EU DSS CAdES edge cases', () => {
    /** good-ca, embedded in the Nowina signatures, as trust anchor. */
    const nowina = (file = 'dss/cades-bes-signeddata-detached.p7s'): TrustStore => {
      const sd = parseSignedData(readRef(file));
      const ca = sd.certificates.map(parseCertificate).find((c) => c.subject.text.startsWith('CN=good-ca'));
      return createTrustStore({ certificates: [{ data: (ca as NonNullable<typeof ca>).der, qualifiedProvider: false }] });
    };
    const nowinaAt = new Date('2024-11-08T00:00:00Z');

    it('cades-bes-signeddata-detached.p7s: valid with its content (SHA-512, RSA)', async () => {
      const r = expectVerdict(
        await run('dss/cades-bes-signeddata-detached.p7s', nowina(), {
          at: nowinaAt,
          content: 'dss/cades-bes-signeddata-detached.content.txt',
        }),
        'TOTAL-PASSED',
        null,
      );
      expect(r.format).to.equal('CAdES-BES');
      expect(r.signer.commonName).to.equal('good-user');
      expect(r.qualified).to.equal(false);
      expectVerdict(
        await run('dss/cades-bes-signeddata-detached.p7s', nowina(), { at: nowinaAt }),
        'INDETERMINATE',
        'SIGNED_DATA_NOT_FOUND',
      );
      expectVerdict(
        await run('dss/cades-bes-signeddata-detached.p7s', nowina(), { content: 'dss/cades-bes-signeddata-detached.content.txt' }),
        'INDETERMINATE',
        'OUT_OF_BOUNDS_NO_POE',
      );
    });

    it('cades-bes-signeddata-enveloping.p7m: valid, attached', async () => {
      const result = await run('dss/cades-bes-signeddata-enveloping.p7m', nowina('dss/cades-bes-signeddata-enveloping.p7m'), {
        at: nowinaAt,
      });
      expectVerdict(result, 'TOTAL-PASSED', null);
      expect(result.detached).to.equal(false);
    });

    it('CAdES-BpB-att-SHA256-SHA512withRSA.p7m: digest/signature algorithm mismatch is CRYPTO_CONSTRAINTS_FAILURE', async () => {
      const r = expectVerdict(
        await run('dss/CAdES-BpB-att-SHA256-SHA512withRSA.p7m', TrustStore.empty()),
        'TOTAL-FAILED',
        'CRYPTO_CONSTRAINTS_FAILURE',
      );
      // the RSA value itself is over SHA-256, as OpenSSL finds
      expect(checkOf(r, 'signature-value').status).to.equal('passed');
      expect(checkOf(r, 'algorithms').status).to.equal('failed');
    });

    it('CAdES-BpB_revoked_signingCertificate.p7m: expired signer without proof of existence', async () => {
      const r = expectVerdict(
        await run('dss/CAdES-BpB_revoked_signingCertificate.p7m', TrustStore.empty()),
        'INDETERMINATE',
        'NO_CERTIFICATE_CHAIN_FOUND',
      );
      expect(checkOf(r, 'signature-value').status).to.equal('passed');
      expect(checkOf(r, 'validity').status).to.equal('failed');
      // trusting the signer's own certificate (no CRL from IZENPE is available to us)
      const signer = parseSignedData(readRef('dss/CAdES-BpB_revoked_signingCertificate.p7m')).certificates[0] as Uint8Array;
      const trust = createTrustStore({ certificates: [{ data: signer, qualifiedProvider: false }] });
      expectVerdict(await run('dss/CAdES-BpB_revoked_signingCertificate.p7m', trust), 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
    });

    it('CAdES-BpT_modified_ts_hash.p7m: a modified signature time-stamp imprint is HASH_FAILURE, never silently passed', async () => {
      const r = expectVerdict(await run('dss/CAdES-BpT_modified_ts_hash.p7m', TrustStore.empty()), 'TOTAL-FAILED', 'HASH_FAILURE');
      expect(r.format).to.equal('CAdES-T');
      expect(checkOf(r, 'signature-timestamp').status).to.equal('failed');
      expect(checkOf(r, 'message-digest').status).to.equal('passed');
      expect(checkOf(r, 'signature-value').status).to.equal('passed');
      expect(r.timestamp?.valid).to.equal(false);
    });

    it('cades-broken-sig-tst.p7m: the signer signature does not verify (as with OpenSSL and pkijs)', async () => {
      const r = expectVerdict(await run('dss/cades-broken-sig-tst.p7m', TrustStore.empty()), 'TOTAL-FAILED', 'SIG_CRYPTO_FAILURE');
      expect(r.timestamp?.valid).to.equal(false);
    });

    it('NexU-CAdES-B-B-Detached-Sha512.p7m: detached without its content is SIGNED_DATA_NOT_FOUND', async () => {
      const r = expectVerdict(
        await run('dss/NexU-CAdES-B-B-Detached-Sha512.p7m', TrustStore.empty()),
        'INDETERMINATE',
        'SIGNED_DATA_NOT_FOUND',
      );
      expect(checkOf(r, 'signature-value').status).to.equal('passed');
      expect(r.digestAlgorithm).to.equal('SHA-512');
    });
  });

  describe('generated/: OpenSSL-made RSA, RSA-PSS and ECDSA samples (valid 2026-11-22 … 2027-11-22)', () => {
    let root: TrustStore;
    let rootAndQca: TrustStore;
    before(async () => {
      root = await loadTrustStore({ files: [ref('generated/root.pem')] });
      rootAndQca = await loadTrustStore({
        files: [ref('generated/root.pem'), ref('generated/qca.pem')],
        crlFiles: [ref('generated/qca.crl')],
      });
    });

    it('doc.txt.ec.p7s: qualified ECDSA CAdES-BES with EDRPOU/DRFO; tampered.txt is HASH_FAILURE', async () => {
      const r = expectVerdict(await run('generated/doc.txt.ec.p7s', root, { content: 'generated/doc.txt' }), 'TOTAL-PASSED', null);
      expect(r.signer).to.deep.equal({
        commonName: 'Тестовий Підписувач EC',
        fullName: 'Тестовий Підписувач EC',
        organization: 'ТОВ Тест',
        title: null,
        edrpou: '12345678',
        drfo: '1234567890',
      });
      expect(r.qualification.level).to.equal('QES');
      expectVerdict(await run('generated/doc.txt.ec.p7s', root, { content: 'generated/tampered.txt' }), 'TOTAL-FAILED', 'HASH_FAILURE');
      expectVerdict(await run('generated/doc.txt.ec.p7s', root), 'INDETERMINATE', 'SIGNED_DATA_NOT_FOUND');
      expectVerdict(
        await run('generated/doc.txt.ec.p7s', root, { content: 'generated/doc.txt', at: new Date('2028-01-01T00:00:00Z') }),
        'INDETERMINATE',
        'OUT_OF_BOUNDS_NO_POE',
      );
    });

    it('doc.txt.rsa.p7s: RSA PKCS#1 v1.5, SN/GN full name', async () => {
      const r = expectVerdict(await run('generated/doc.txt.rsa.p7s', root, { content: 'generated/doc.txt' }), 'TOTAL-PASSED', null);
      expect(r.signer).to.include({ commonName: 'Тестовий Підписувач RSA', fullName: 'Тестовий Підписувач', drfo: '1234567890' });
    });

    it('doc.txt.rsapss.p7s: RSA-PSS, no intermediate embedded', async () => {
      expectVerdict(
        await run('generated/doc.txt.rsapss.p7s', root, { content: 'generated/doc.txt' }),
        'INDETERMINATE',
        'NO_CERTIFICATE_CHAIN_FOUND',
      );
      const r = expectVerdict(
        await run('generated/doc.txt.rsapss.p7s', rootAndQca, { content: 'generated/doc.txt' }),
        'TOTAL-PASSED',
        null,
      );
      expect(r.signatureAlgorithm).to.equal('RSASSA-PSS');
    });

    it('doc.txt.ec.attached.p7s: attached', async () => {
      expectVerdict(await run('generated/doc.txt.ec.attached.p7s', rootAndQca), 'TOTAL-PASSED', null);
    });

    it('doc.txt.ec.cades-t.p7s: CAdES-T keeps the signature valid after the certificate expires', async () => {
      const r = expectVerdict(await run('generated/doc.txt.ec.cades-t.p7s', root, { content: 'generated/doc.txt' }), 'TOTAL-PASSED', null);
      expect(r.timestamp).to.include({ genTime: '2026-11-22T11:11:55.000Z', valid: true });
      const later = expectVerdict(
        await run('generated/doc.txt.ec.cades-t.p7s', root, { content: 'generated/doc.txt', at: new Date('2028-01-01T00:00:00Z') }),
        'TOTAL-PASSED',
        null,
      );
      expect(later.bestSignatureTime).to.equal('2026-11-22T11:11:55.000Z');
    });

    it('doc.txt.revoked.p7s: REVOKED with qca.crl (revoked at the claimed signing time)', async () => {
      const r = expectVerdict(
        await run('generated/doc.txt.revoked.p7s', rootAndQca, { content: 'generated/doc.txt' }),
        'TOTAL-FAILED',
        'REVOKED',
      );
      expect(checkOf(r, 'revocation').message).to.contain('keyCompromise');
      const noCrl = await loadTrustStore({ files: [ref('generated/root.pem'), ref('generated/qca.pem')] });
      expectVerdict(await run('generated/doc.txt.revoked.p7s', noCrl, { content: 'generated/doc.txt' }), 'TOTAL-PASSED', null);
    });
  });

  describe('trust/: the 2023 IIT CACertificates.p7b bundle', () => {
    it('loads all 484 certificates: DSTU 4145, ECDSA and RSA', async () => {
      const store = await loadTrustStore({ files: [ref('trust/CACertificates-2023-04.p7b')] });
      expect(store.size).to.equal(484);
      expect(store.warnings).to.deep.equal([]);
      const count = (prefix: string) => store.listAnchors().filter((a) => a.certificate.publicKeyAlgorithm.oid.startsWith(prefix)).length;
      expect(count('1.2.804.2.1.1.1.1.3.1.')).to.equal(345);
      expect(count('1.2.840.10045.2.1')).to.equal(70);
      expect(count('1.2.840.113549.1.1.1')).to.equal(69);
    });
  });
});
