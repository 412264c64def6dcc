import { expect } from 'chai';
import { createTrustStore } from '../../src/signatures';
import { signCms, signedData, signerInfo, timestampAttribute } from './support/cms';
import { algorithm } from './support/der';
import { pki } from './support/fixture';
import { opensslCadesSign } from './support/openssl';
import { PSS_SHA256_ALGORITHM, issueCrl } from './support/test-pki';
import { DOCUMENT, checkOf, expectVerdict, verify } from './support/verify';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('signatures: verification against a PKI built at test time', function () {
  this.timeout(60_000);
  before(() => {
    pki();
  });

  describe('valid signatures', () => {
    it('passes a qualified ECDSA P-256 CAdES-BES detached signature and reads the signer', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.signerEc,
        certificates: [p.signerEc, p.qca],
        signingTime: new Date(p.now.getTime() - HOUR),
      });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-PASSED', null);
      expect(r.format).to.equal('CAdES-BES');
      expect(r.qualified).to.equal(true);
      expect(r.qualification).to.include({ level: 'QES', qcCompliance: true, qscd: true, uaQualified: true, providerQualified: true });
      expect(r.qualification.qcTypes).to.deep.equal(['esign']);
      expect(r.signer).to.deep.equal({
        commonName: 'Шевченко Тарас Григорович',
        fullName: 'Шевченко Тарас Григорович',
        organization: 'Виконавчий комітет Тестової міської ради',
        title: 'Головний спеціаліст загального відділу',
        edrpou: '04055555',
        drfo: '1234567890',
      });
      expect(r.signingTime).to.equal(new Date(p.now.getTime() - HOUR).toISOString());
      expect(r.bestSignatureTime).to.equal(p.now.toISOString());
      expect(r.chain.map((c) => c.subject)).to.deep.equal([
        'C=UA, O=Виконавчий комітет Тестової міської ради, T=Головний спеціаліст загального відділу, CN=Шевченко Тарас Григорович, SN=Шевченко, GN=Тарас Григорович, serialNumber=TINUA-1234567890, organizationIdentifier=NTRUA-04055555',
        'C=UA, O=ТОВ "Тестовий КНЕДП", CN=Тестовий КНЕДП, serialNumber=UA-11111111-0001, organizationIdentifier=NTRUA-11111111',
        'C=UA, O=Тестове Міністерство, CN=Тестовий кореневий ЦЗО, serialNumber=UA-00000000-2026',
      ]);
      expect(r.chain.map((c) => c.trusted)).to.deep.equal([false, false, true]);
      for (const id of [
        'structure',
        'signing-certificate',
        'message-digest',
        'signature-value',
        'algorithms',
        'chain',
        'validity',
        'revocation',
        'key-usage',
        'qualified',
      ]) {
        const c = checkOf(r, id);
        expect(c.status, `${id}: ${c.message}`).to.equal('passed');
        expect(c.messageUk).to.match(/[а-яіїєґ]/i);
      }
      expect(JSON.parse(JSON.stringify(r))).to.deep.equal(r);
    });

    it('passes an attached (enveloping) signature without separate content', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca], detached: false });
      const result = await verify(sig);
      expectVerdict(result, 'TOTAL-PASSED', null);
      expect(result.detached).to.equal(false);
    });

    it('passes ECDSA P-384 with SHA-384 and falls back to NTRUA-/TINUA- identifiers', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerP384, certificates: [p.signerP384, p.qca], hash: 'sha384' });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-PASSED', null);
      expect(r.signer).to.include({ edrpou: '33333333', drfo: '2222222222', organization: 'Тестова сільська рада' });
      expect(checkOf(r, 'algorithms').message).to.contain('ECDSA P-384 with SHA-384');
    });

    it('passes RSA-PSS (RSASSA-PSS, SHA-256, MGF1-SHA-256)', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerRsa, certificates: [p.signerRsa, p.qca], pss: true });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-PASSED', null);
      expect(r.signatureAlgorithm).to.equal('RSASSA-PSS');
      expect(checkOf(r, 'algorithms').message).to.contain('(PSS)');
    });

    it('passes RSA PKCS#1 v1.5 with SHA-512', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerRsa, certificates: [p.signerRsa, p.qca], hash: 'sha512' });
      expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-PASSED', null);
    });

    it('passes CAdES made by OpenSSL (ECDSA and RSA-PSS), an independent producer', async () => {
      const p = pki();
      const ec = opensslCadesSign(p.dir, 'ossl-ec', DOCUMENT, p.signerEc, [p.qca]);
      expectVerdict(await verify(ec, DOCUMENT), 'TOTAL-PASSED', null);
      const pss = opensslCadesSign(p.dir, 'ossl-pss', DOCUMENT, p.signerRsa, [p.qca], { pss: true });
      const r = expectVerdict(await verify(pss, DOCUMENT), 'TOTAL-PASSED', null);
      expect(r.signatureAlgorithm).to.equal('RSASSA-PSS');
    });

    it('passes a PKCS#7 made by node-forge (RSA, no signing-certificate attribute: plain CMS, warned)', async () => {
      const p = pki();
      const forge = (await import('node-forge')).default;
      const p7 = forge.pkcs7.createSignedData();
      p7.content = forge.util.createBuffer(DOCUMENT.toString('binary'));
      const cert = p.signerForge.forgeCertificate;
      p7.addCertificate(cert);
      p7.addSigner({
        key: p.signerForge.forgeKey,
        certificate: cert,
        digestAlgorithm: forge.pki.oids.sha256 as string,
        authenticatedAttributes: [
          { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
          { type: forge.pki.oids.messageDigest as string },
          { type: forge.pki.oids.signingTime as string, value: p.now as unknown as string },
        ],
      });
      p7.sign({ detached: true });
      const der = Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
      const r = expectVerdict(await verify(der, DOCUMENT), 'TOTAL-PASSED', null);
      expect(r.format).to.equal('CMS');
      expect(checkOf(r, 'signing-certificate').status).to.equal('warning');
      expect(r.signer).to.include({ commonName: 'Коцюбинський Михайло', drfo: '3333333333', organization: 'Тестова обласна рада' });
      expect(r.qualified).to.equal(true);
      expect(r.chain).to.have.length(2);
    });

    it('accepts PEM and base64 text of the same signature', async () => {
      const p = pki();
      const der = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca] });
      const pem = Buffer.from(`-----BEGIN PKCS7-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PKCS7-----\n`);
      const pemResult = await verify(pem, DOCUMENT);
      expectVerdict(pemResult, 'TOTAL-PASSED', null);
      expect(pemResult.encoding).to.equal('PEM');
      const b64Result = await verify(Buffer.from(der.toString('base64')), DOCUMENT);
      expectVerdict(b64Result, 'TOTAL-PASSED', null);
      expect(b64Result.encoding).to.equal('base64');
    });

    it('reports each of several signers', async () => {
      const p = pki();
      const both = signedData({
        content: DOCUMENT,
        certificates: [p.signerEc, p.qca, p.signerRsa],
        signerInfos: [
          signerInfo({ content: DOCUMENT, signer: p.signerEc }),
          signerInfo({ content: Buffer.from('another document'), signer: p.signerRsa, hash: 'sha384' }),
        ],
      });
      const result = await verify(both, DOCUMENT);
      expect(result.signatures).to.have.length(2);
      const verdicts = result.signatures.map((s) => `${s.signer.commonName}:${s.indication}:${s.subIndication}`).sort();
      expect(verdicts).to.deep.equal(['Українка Леся:TOTAL-FAILED:HASH_FAILURE', 'Шевченко Тарас Григорович:TOTAL-PASSED:null']);
      expect(result.indication).to.equal('TOTAL-FAILED');
      expect(result.subIndication).to.equal('HASH_FAILURE');
    });
  });

  describe('cryptographic failures are TOTAL-FAILED', () => {
    it('HASH_FAILURE for tampered content', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca] });
      const tampered = Buffer.from(DOCUMENT);
      tampered[10] = (tampered[10] as number) ^ 1;
      const r = expectVerdict(await verify(sig, tampered), 'TOTAL-FAILED', 'HASH_FAILURE');
      expect(checkOf(r, 'message-digest').messageUk).to.contain('документ змінено');
      expect(r.qualified).to.equal(false);
      expect(r.qualification.level).to.equal('NOT_ADES');
    });

    it('SIG_CRYPTO_FAILURE for a tampered signature value', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca], tamperSignatureValue: true });
      expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'SIG_CRYPTO_FAILURE');
    });

    it('SIG_CRYPTO_FAILURE for tampered signed attributes (signing time changed)', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerRsa, certificates: [p.signerRsa, p.qca], tamperSignedAttributes: true });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'SIG_CRYPTO_FAILURE');
      expect(r.signingTime).to.equal('2001-01-01T00:00:00.000Z');
    });

    it('SIG_CRYPTO_FAILURE even when the chain is unknown', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.untrusted, tamperSignatureValue: true });
      expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'SIG_CRYPTO_FAILURE');
    });

    it('HASH_FAILURE when messageDigest is wrong even without a signing certificate', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.untrusted, certificates: [], messageDigest: Buffer.alloc(32, 7) });
      expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'HASH_FAILURE');
    });
  });

  describe('algorithm allow-list: CRYPTO_CONSTRAINTS_FAILURE', () => {
    it('rejects RSA-1024', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.weakRsa, certificates: [p.weakRsa, p.qca] });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'CRYPTO_CONSTRAINTS_FAILURE');
      expect(checkOf(r, 'algorithms').message).to.contain('RSA-1024');
      expect(checkOf(r, 'signature-value').status).to.equal('passed');
    });

    it('rejects ECDSA on P-521 (only P-256 and P-384 are allowed)', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.p521, certificates: [p.p521, p.qca], hash: 'sha512' });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'CRYPTO_CONSTRAINTS_FAILURE');
      expect(checkOf(r, 'algorithms').message).to.contain('P-521');
    });

    it('rejects SHA-1', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca], hash: 'sha1' });
      expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'CRYPTO_CONSTRAINTS_FAILURE');
    });

    it('rejects a digest algorithm that differs from the signature algorithm (SHA-256 vs sha512WithRSA)', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.signerRsa,
        certificates: [p.signerRsa, p.qca],
        signatureAlgorithm: algorithm('1.2.840.113549.1.1.13', Buffer.from([0x05, 0x00])),
      });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'CRYPTO_CONSTRAINTS_FAILURE');
      expect(checkOf(r, 'algorithms').message).to.contain('sha256').and.contain('sha512');
    });

    it('rejects RSA-PSS parameters whose hash differs from the digest algorithm', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.signerRsa,
        certificates: [p.signerRsa, p.qca],
        hash: 'sha384',
        pss: true,
        signatureAlgorithm: PSS_SHA256_ALGORITHM,
      });
      expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'CRYPTO_CONSTRAINTS_FAILURE');
    });

    it('is INDETERMINATE (CRYPTO_CONSTRAINTS_FAILURE_NO_POE) for an algorithm it cannot verify (Ed25519)', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.ed25519, certificates: [p.ed25519, p.qca] });
      expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    });
  });

  describe('missing pieces are INDETERMINATE', () => {
    it('SIGNED_DATA_NOT_FOUND for a detached signature without content', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca] });
      const result = await verify(sig);
      const r = expectVerdict(result, 'INDETERMINATE', 'SIGNED_DATA_NOT_FOUND');
      expect(result.contentProvided).to.equal(false);
      expect(checkOf(r, 'signature-value').status).to.equal('passed');
    });

    it('NO_SIGNING_CERTIFICATE_FOUND when the certificate is neither embedded nor trusted', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [] });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND');
      expect(r.signer.commonName).to.equal(null);
    });

    it('NO_SIGNING_CERTIFICATE_FOUND when signing-certificate-v2 names another certificate', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca], essCertificate: 'wrong' });
      expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND');
    });

    it('accepts the older signing-certificate (v1, SHA-1 ESSCertID)', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca], essCertificate: 'v1' });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-PASSED', null);
      expect(checkOf(r, 'signing-certificate').message).to.contain('signing-certificate attribute');
    });

    it('NO_CERTIFICATE_CHAIN_FOUND for an untrusted root, and not qualified', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.untrusted, certificates: [p.untrusted, p.otherRoot] });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND');
      expect(r.qualified).to.equal(false);
      expect(r.qualification.providerQualified).to.equal(false);
    });

    it('NO_CERTIFICATE_CHAIN_FOUND when the intermediate is missing', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc });
      expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND');
      // …and passes once the intermediate is supplied with the trust store for this call
      const trust = p.trust.with({ certificates: [p.qca.der] });
      expectVerdict(await verify(sig, DOCUMENT, { trust }), 'TOTAL-PASSED', null);
    });

    it('OUT_OF_BOUNDS_NO_POE for an expired signer without a time-stamp, PASSED at a time inside its validity', async () => {
      const p = pki();
      const signedAt = new Date(p.expired.notAfter.getTime() - 10 * DAY);
      const sig = signCms({ content: DOCUMENT, signer: p.expired, certificates: [p.expired, p.qca], signingTime: signedAt });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
      expect(r.qualified).to.equal(false);
      expect(r.qualification.certificateQualified).to.equal(true);
      expectVerdict(await verify(sig, DOCUMENT, { at: signedAt }), 'TOTAL-PASSED', null);
    });
  });

  describe('certificate status', () => {
    it('TOTAL-FAILED/REVOKED when revoked before the claimed signing time', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.revoked,
        certificates: [p.revoked, p.qca],
        signingTime: new Date(p.revokedAt.getTime() + HOUR),
      });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'REVOKED');
      expect(checkOf(r, 'revocation').message).to.contain('keyCompromise');
    });

    it('REVOKED_NO_POE when revoked after the claimed signing time and there is no time-stamp', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.revokedLater,
        certificates: [p.revokedLater, p.qca],
        signingTime: new Date(p.revokedLaterAt.getTime() - 2 * HOUR),
      });
      expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'REVOKED_NO_POE');
      // validated as of a time before the revocation, it holds
      expectVerdict(await verify(sig, DOCUMENT, { at: new Date(p.revokedLaterAt.getTime() - HOUR) }), 'TOTAL-PASSED', null);
    });

    it('REVOKED from a delta CRL', async () => {
      const p = pki();
      const trust = p.trust.with({ crls: [p.deltaCrl] });
      const sig = signCms({ content: DOCUMENT, signer: p.deltaRevoked, certificates: [p.deltaRevoked, p.qca] });
      expectVerdict(await verify(sig, DOCUMENT, { trust }), 'TOTAL-FAILED', 'REVOKED');
    });

    it('honours the issuingDistributionPoint scope of a CRL', async () => {
      const p = pki();
      const entries = [{ serial: p.revoked.serial, date: p.revokedAt, reason: 1 }];
      const crlFor = (scope: 'onlyUserCerts' | 'onlyCaCerts') =>
        issueCrl({ issuer: p.qca, thisUpdate: p.now, nextUpdate: new Date(p.now.getTime() + DAY), crlNumber: 9, entries, scope });
      const sig = signCms({
        content: DOCUMENT,
        signer: p.revoked,
        certificates: [p.revoked, p.qca],
        signingTime: new Date(p.revokedAt.getTime() + HOUR),
      });
      const users = createTrustStore({ certificates: [p.root.der], crls: [crlFor('onlyUserCerts')] });
      expectVerdict(await verify(sig, DOCUMENT, { trust: users }), 'TOTAL-FAILED', 'REVOKED');
      const cas = createTrustStore({ certificates: [p.root.der], crls: [crlFor('onlyCaCerts')] });
      const r = expectVerdict(await verify(sig, DOCUMENT, { trust: cas }), 'TOTAL-PASSED', null);
      expect(checkOf(r, 'revocation').status).to.equal('skipped');
    });

    it('uses a CRL carried inside the signature', async () => {
      const p = pki();
      const trust = createTrustStore({ certificates: [p.root.der] });
      const sig = signCms({ content: DOCUMENT, signer: p.revoked, certificates: [p.revoked, p.qca], crls: [p.crl] });
      expectVerdict(await verify(sig, DOCUMENT, { trust }), 'TOTAL-FAILED', 'REVOKED');
    });

    it('REVOKED_CA_NO_POE when an intermediate CA is revoked', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.underRevokedCa, certificates: [p.underRevokedCa, p.revokedCa] });
      expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'REVOKED_CA_NO_POE');
    });

    it('TRY_LATER when the only CRL has expired', async () => {
      const p = pki();
      const trust = createTrustStore({ certificates: [p.root.der], crls: [p.staleCrl, p.rootCrl] });
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca] });
      const r = expectVerdict(await verify(sig, DOCUMENT, { trust }), 'INDETERMINATE', 'TRY_LATER');
      expect(checkOf(r, 'revocation').messageUk).to.contain('потрібен новіший');
    });

    it('TRY_LATER when revocation data is required but missing; skipped with a note otherwise', async () => {
      const p = pki();
      const trust = createTrustStore({ certificates: [p.root.der] });
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca] });
      expectVerdict(await verify(sig, DOCUMENT, { trust, revocation: 'require' }), 'INDETERMINATE', 'TRY_LATER');
      const r = expectVerdict(await verify(sig, DOCUMENT, { trust }), 'TOTAL-PASSED', null);
      expect(checkOf(r, 'revocation').status).to.equal('skipped');
      expectVerdict(await verify(sig, DOCUMENT, { revocation: 'require' }), 'TOTAL-PASSED', null);
    });

    it('CHAIN_CONSTRAINTS_FAILURE for a key not usable for signing (keyAgreement only)', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.keyAgreementOnly, certificates: [p.keyAgreementOnly, p.qca] });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE');
      expect(checkOf(r, 'key-usage').status).to.equal('failed');
    });

    it('CHAIN_CONSTRAINTS_FAILURE when a non-CA certificate issued the signer', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.underNotCa, certificates: [p.underNotCa, p.notCa, p.qca] });
      expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE');
    });

    it('not qualified without QCStatements, or from a trust anchor that is not a qualified provider', async () => {
      const p = pki();
      const plain = signCms({ content: DOCUMENT, signer: p.notQualified, certificates: [p.notQualified, p.qca] });
      const r = expectVerdict(await verify(plain, DOCUMENT), 'TOTAL-PASSED', null);
      expect(r.qualified).to.equal(false);
      expect(r.qualification.level).to.equal('AdES');
      expect(checkOf(r, 'qualified').status).to.equal('warning');

      const trust = createTrustStore({ certificates: [{ data: p.root.der, qualifiedProvider: false }], crls: [p.crl] });
      const qc = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca] });
      const r2 = expectVerdict(await verify(qc, DOCUMENT, { trust }), 'TOTAL-PASSED', null);
      expect(r2.qualified).to.equal(false);
      expect(r2.qualification).to.include({ level: 'AdES', qcCompliance: true, providerQualified: false });
    });
  });

  describe('CAdES-T: signature time-stamps (RFC 3161 via openssl ts)', () => {
    it('validates the time-stamp and uses it as proof of existence', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.signerEc,
        certificates: [p.signerEc, p.qca],
        unsignedAttributes: (value) => [timestampAttribute(p.openssl.stamp(value))],
      });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-PASSED', null);
      expect(r.format).to.equal('CAdES-T');
      expect(r.timestamp?.valid).to.equal(true);
      expect(r.timestamp?.policy).to.equal('1.2.804.2.1.1.1.2.3.1');
      expect(r.timestamp?.tsa).to.contain('Тестовий TSP-сервер');
      expect(checkOf(r, 'signature-timestamp').status).to.equal('passed');
      const genTime = new Date(r.timestamp?.genTime as string);
      expect(Math.abs(genTime.getTime() - Date.now())).to.be.below(10 * 60_000);

      // Validated long after the signer certificate expired, the time-stamp keeps it valid…
      const later = new Date(p.signerEc.notAfter.getTime() + 30 * DAY);
      const r2 = expectVerdict(await verify(sig, DOCUMENT, { at: later }), 'TOTAL-PASSED', null);
      expect(r2.bestSignatureTime).to.equal(r.timestamp?.genTime);
      // …while the same signature without it has no proof of existence.
      const bes = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca] });
      expectVerdict(await verify(bes, DOCUMENT, { at: later }), 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
    });

    it('a time-stamp made after the revocation does not save a revoked signer', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.revokedLater,
        certificates: [p.revokedLater, p.qca],
        signingTime: new Date(p.revokedLaterAt.getTime() - 2 * HOUR),
        unsignedAttributes: (value) => [timestampAttribute(p.openssl.stamp(value))],
      });
      expectVerdict(await verify(sig, DOCUMENT), 'INDETERMINATE', 'REVOKED_NO_POE');
    });

    it('a time-stamp made before the revocation keeps the signature valid', async () => {
      const p = pki();
      const revocation = new Date(p.now.getTime() + HOUR);
      const crl = issueCrl({
        issuer: p.qca,
        thisUpdate: p.now,
        nextUpdate: new Date(p.now.getTime() + DAY),
        crlNumber: 5,
        entries: [{ serial: p.notQualified.serial, date: revocation, reason: 1 }],
      });
      const trust = createTrustStore({ certificates: [p.root.der], crls: [crl, p.rootCrl] });
      const at = new Date(p.now.getTime() + 2 * HOUR);
      const stamped = signCms({
        content: DOCUMENT,
        signer: p.notQualified,
        certificates: [p.notQualified, p.qca],
        unsignedAttributes: (value) => [timestampAttribute(p.openssl.stamp(value))],
      });
      const r = expectVerdict(await verify(stamped, DOCUMENT, { trust, at }), 'TOTAL-PASSED', null);
      expect(r.bestSignatureTime).to.equal(r.timestamp?.genTime);
      const bare = signCms({ content: DOCUMENT, signer: p.notQualified, certificates: [p.notQualified, p.qca] });
      expectVerdict(await verify(bare, DOCUMENT, { trust, at }), 'INDETERMINATE', 'REVOKED_NO_POE');
    });

    it('NOT_YET_VALID when the time-stamp proves the signature predates the certificate', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.notYetValid,
        certificates: [p.notYetValid, p.qca],
        unsignedAttributes: (value) => [timestampAttribute(p.openssl.stamp(value))],
      });
      expectVerdict(await verify(sig, DOCUMENT, { at: new Date(p.now.getTime() + 3 * HOUR) }), 'TOTAL-FAILED', 'NOT_YET_VALID');
    });

    it('HASH_FAILURE when the time-stamp covers something else', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.signerEc,
        certificates: [p.signerEc, p.qca],
        unsignedAttributes: () => [timestampAttribute(p.openssl.stamp(Buffer.from('not the signature value')))],
      });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'HASH_FAILURE');
      expect(checkOf(r, 'signature-timestamp').status).to.equal('failed');
      expect(checkOf(r, 'message-digest').status).to.equal('passed');
    });

    it('SIG_CRYPTO_FAILURE when the TSA signature is broken', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.signerEc,
        certificates: [p.signerEc, p.qca],
        unsignedAttributes: (value) => {
          const token = p.openssl.stamp(value);
          // the TSA's ECDSA signature is the last OCTET STRING of the token: flip a byte in it
          token[token.length - 3] = (token[token.length - 3] as number) ^ 1;
          return [timestampAttribute(token)];
        },
      });
      expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'SIG_CRYPTO_FAILURE');
    });

    it('ignores as proof of existence a time-stamp from an untrusted TSA', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.signerEc,
        certificates: [p.signerEc, p.qca],
        unsignedAttributes: (value) => [timestampAttribute(p.opensslUntrusted.stamp(value))],
      });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-PASSED', null);
      expect(r.timestamp?.valid).to.equal(false);
      expect(checkOf(r, 'signature-timestamp').message).to.contain('not trusted');
      expect(r.bestSignatureTime).to.equal(p.now.toISOString());
    });
  });

  describe('structure', () => {
    it('FORMAT_FAILURE when the content-type attribute disagrees with eContentType', async () => {
      const p = pki();
      const sig = signCms({
        content: DOCUMENT,
        signer: p.signerEc,
        certificates: [p.signerEc, p.qca],
        contentTypeAttribute: '1.2.840.113549.1.7.2',
      });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-FAILED', 'FORMAT_FAILURE');
      expect(checkOf(r, 'structure').message).to.contain('content-type');
    });

    it('handles a CMS without signed attributes (signature over the content)', async () => {
      const p = pki();
      const sig = signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca], noSignedAttributes: true });
      const r = expectVerdict(await verify(sig, DOCUMENT), 'TOTAL-PASSED', null);
      expect(r.format).to.equal('CMS');
      const tampered = Buffer.from(DOCUMENT);
      tampered[0] = 0x21;
      expectVerdict(await verify(sig, tampered), 'TOTAL-FAILED', 'SIG_CRYPTO_FAILURE');
    });
  });
});
