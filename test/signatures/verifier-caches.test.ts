import { expect } from 'chai';
import { TrustStore, createTrustStore, verifySignaturesSync } from '../../src/signatures';
import { oidValue, parseTlv, timeValue } from '../../src/signatures/asn1/der';
import { bytesKey, sameBytes } from '../../src/signatures/cache/bytes-key';
import { parseSignedData } from '../../src/signatures/cms/signed-data';
import { Digests, digest, hexEquals } from '../../src/signatures/crypto/digest';
import { carriedSet } from '../../src/signatures/validation/carried-cache';
import { checkRevocation } from '../../src/signatures/validation/certificate-status';
import { parseCertificateCached } from '../../src/signatures/x509/certificate';
import { parseAlgorithmIdentifier } from '../../src/signatures/x509/algorithm-identifier';
import { parseCrl } from '../../src/signatures/x509/crl';
import { signCms } from './support/cms';
import { ctx, nul, oid, seq } from './support/der';
import { pki } from './support/fixture';
import { DOCUMENT, checkOf, expectVerdict } from './support/verify';

const DAY = 24 * 3600_000;

/**
 * Issue 16, second round: what a verification keeps between calls beside the validated-chain cache —
 * the carried certificates and CRLs per trust store and bytes (validation/carried-cache.ts), the
 * signing certificate's identification per pool and signer, OIDs as one string each, the wording of
 * notes. None of it may change a report or answer for another time, another store or other bytes.
 */
describe('signatures: the verifier’s caches of carried objects, signers and OIDs (issue 16)', function () {
  this.timeout(60_000);

  const store = (): TrustStore => createTrustStore({ certificates: [pki().root.der], crls: [pki().crl, pki().rootCrl] });
  const signature = (ess?: 'v2' | 'none' | 'wrong') =>
    signCms({ content: DOCUMENT, signer: pki().signerEc, certificates: [pki().signerEc, pki().qca], ...(ess ? { essCertificate: ess } : {}) });
  const verifyAt = (sig: Uint8Array, trust: TrustStore, at = pki().now) => verifySignaturesSync({ signature: sig, content: DOCUMENT }, { trust, at });

  it('the same carried bytes give the same set per trust store, wherever they lie; another store, another set', () => {
    const sig = signature();
    const trust = store();
    const first = carriedSet(parseSignedData(sig), trust);
    expect(first.carried.certificates).to.have.length(2);
    expect(first.unreadable).to.equal(0);
    expect(first.crls.length).to.equal(trust.crls.length);
    // the same bytes in another buffer, at another offset
    const elsewhere = Buffer.concat([Buffer.alloc(7), sig]).subarray(7);
    expect(carriedSet(parseSignedData(elsewhere), trust)).to.equal(first);
    expect(carriedSet(parseSignedData(sig), store())).to.not.equal(first);
    // another signature by the same signer carries the same certificates: the same set
    expect(carriedSet(parseSignedData(signature()), trust)).to.equal(first);
    // other certificates, another set
    const fewer = signCms({ content: DOCUMENT, signer: pki().signerEc, certificates: [pki().signerEc] });
    const other = carriedSet(parseSignedData(fewer), trust);
    expect(other).to.not.equal(first);
    expect(other.carried.certificates).to.have.length(1);
  });

  it('a certificate changed in the caller’s buffer after a verification is read afresh, as an uncached verification reads it', () => {
    const p = pki();
    const sig = signature();
    const trust = store();
    expectVerdict(verifyAt(sig, trust), 'TOTAL-PASSED', null);
    // the CA certificate's last byte (its issuer's signature) changed in place: the root's signature no longer holds
    const at = sig.indexOf(p.qca.der) + p.qca.der.length - 1;
    expect(at).to.be.greaterThan(0);
    sig[at] = (sig[at] as number) ^ 0x01;
    const changed = verifyAt(sig, trust);
    expect(changed.indication).to.not.equal('TOTAL-PASSED');
    expect(changed).to.deep.equal(verifyAt(Buffer.from(sig), store()));
    sig[at] = (sig[at] as number) ^ 0x01;
    expectVerdict(verifyAt(sig, trust), 'TOTAL-PASSED', null);
  });

  it('a kept set answers for each verification’s own time: validity judged every time', () => {
    const p = pki();
    const sig = signature();
    const trust = store();
    const now = verifyAt(sig, trust);
    expectVerdict(now, 'TOTAL-PASSED', null);
    const late = expectVerdict(verifyAt(sig, trust, new Date(p.signerEc.notAfter.getTime() + DAY)), 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
    expect(checkOf(late, 'validity').status).to.equal('failed');
    expect(verifyAt(sig, trust)).to.deep.equal(now);
    expect(verifyAt(sig, store())).to.deep.equal(now);
  });

  it('the identification of the signing certificate follows the signing-certificate attribute of each signature', () => {
    const trust = store();
    // the same signer, certificates and store (so the same pool): only the attribute differs
    const bound = expectVerdict(verifyAt(signature('v2'), trust), 'TOTAL-PASSED', null);
    expect(bound.format).to.equal('CAdES-BES');
    expectVerdict(verifyAt(signature('wrong'), trust), 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND');
    const plain = expectVerdict(verifyAt(signature('none'), trust), 'TOTAL-PASSED', null);
    expect(plain.format).to.equal('CMS');
    expect(checkOf(plain, 'signing-certificate').status).to.equal('warning');
    expect(expectVerdict(verifyAt(signature('v2'), trust), 'TOTAL-PASSED', null).format).to.equal('CAdES-BES');
    expectVerdict(verifyAt(signature('wrong'), trust), 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND');
  });

  it('an OID is read as one string each time, and OIDs whose cache keys clash each keep their own text', () => {
    const encode = (arcs: number[]): Buffer => {
      const body: number[] = [40 * (arcs[0] as number) + (arcs[1] as number)];
      for (const arc of arcs.slice(2)) {
        const groups: number[] = [];
        let v = arc;
        do {
          groups.unshift(v & 0x7f);
          v = Math.floor(v / 128);
        } while (v > 0);
        body.push(...groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
      }
      return Buffer.from([0x06, body.length, ...body]);
    };
    const text = oidValue(parseTlv(encode([1, 2, 840, 113549, 1, 9, 4])));
    expect(text).to.equal('1.2.840.113549.1.9.4');
    expect(oidValue(parseTlv(Buffer.from(encode([1, 2, 840, 113549, 1, 9, 4]))))).to.equal(text);
    // two OIDs whose small-integer keys clash
    const seen = new Map<number, number>();
    let clash: [number, number] | undefined;
    for (let n = 0; n < 400_000 && !clash; n++) {
      const contents = encode([1, 3, 6, 1, 4, 1, n]).subarray(2);
      const key = bytesKey(contents, 32);
      const before = seen.get(key);
      if (before !== undefined) clash = [before, n];
      else seen.set(key, n);
    }
    expect(clash, 'a clash of keys among 400,000 OIDs').to.not.equal(undefined);
    const [a, b] = clash as [number, number];
    for (const n of [a, b, a, b]) expect(oidValue(parseTlv(encode([1, 3, 6, 1, 4, 1, n])))).to.equal(`1.3.6.1.4.1.${n}`);
  });

  it('UTCTime and GeneralizedTime read without Date.UTC give the instants Date.UTC gives, out-of-range fields included', () => {
    const time = (tag: number, text: string): number => timeValue(parseTlv(Buffer.concat([Buffer.from([tag, text.length]), Buffer.from(text)]))).getTime();
    const two = (n: number): string => String(n).padStart(2, '0');
    let checked = 0;
    for (let year = 1950; year <= 2400; year += year < 2110 ? 1 : 37) {
      for (let month = 0; month <= 13; month++) {
        for (const [day, hour, minute, second] of [
          [1, 0, 0, 0],
          [28, 23, 59, 59],
          [29, 12, 30, 7],
          [31, 24, 60, 60],
          [0, 99, 99, 99],
        ] as const) {
          const rest = `${two(month)}${two(day)}${two(hour)}${two(minute)}${two(second)}Z`;
          const expected = Date.UTC(year, month - 1, day, hour, minute, second);
          expect(time(0x18, `${year}${rest}`), `${year}${rest}`).to.equal(expected);
          if (year < 2050) expect(time(0x17, `${two(year % 100)}${rest}`), `${year % 100}${rest}`).to.equal(expected);
          checked++;
        }
      }
    }
    expect(checked).to.be.greaterThan(10_000);
    // years below 100 are 19xx to Date.UTC: kept as it reads them
    expect(time(0x18, '00500101000000Z')).to.equal(Date.UTC(50, 0, 1));
  });

  it('an AlgorithmIdentifier is read once per encoding, its parameters a copy; a malformed one fails every time', () => {
    // RSASSA-PSS with SHA-256 and MGF1-SHA-256 parameters, as a signature carries them
    const sha256 = seq(oid('2.16.840.1.101.3.4.2.1'));
    const pss = seq(oid('1.2.840.113549.1.1.10'), seq(ctx(0, sha256), ctx(1, seq(oid('1.2.840.113549.1.1.8'), sha256))));
    const first = parseAlgorithmIdentifier(parseTlv(pss), 'SignerInfo.signatureAlgorithm');
    expect(first.oid).to.equal('1.2.840.113549.1.1.10');
    const params = Buffer.from(first.params as Uint8Array);
    expect(params[0]).to.equal(0x30);
    const copy = Buffer.from(pss);
    // the caller's bytes changed in place (MGF1 with SHA-384): neither the kept reading nor its parameters follow
    pss[pss.length - 1] = 0x02;
    expect(Buffer.from(first.params as Uint8Array).equals(params)).to.equal(true);
    expect(parseAlgorithmIdentifier(parseTlv(copy), 'x')).to.equal(first);
    const other = parseAlgorithmIdentifier(parseTlv(pss), 'x');
    expect(other).to.not.equal(first);
    expect(other.params?.[other.params.length - 1]).to.equal(0x02);
    // the NULL parameters of RSA PKCS#1 v1.5 are no parameters
    expect(parseAlgorithmIdentifier(parseTlv(seq(oid('1.2.840.113549.1.1.11'), nul())), 'x')).to.deep.equal({ oid: '1.2.840.113549.1.1.11' });
    for (let i = 0; i < 2; i++) {
      expect(() => parseAlgorithmIdentifier(parseTlv(Buffer.from('3000', 'hex')), 'SignerInfo.digestAlgorithm')).to.throw(
        'SignerInfo.digestAlgorithm: empty AlgorithmIdentifier',
      );
    }
  });

  it('sameBytes and hexEquals compare every byte', () => {
    const bytes = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
    for (const length of [0, 5, 64, 65, 100]) {
      const a = bytes.subarray(0, length);
      expect(sameBytes(a, Buffer.from(a))).to.equal(true);
      if (length) {
        const b = Buffer.from(a);
        b[length - 1] = (b[length - 1] as number) ^ 0x80;
        expect(sameBytes(a, b)).to.equal(false);
      }
    }
    expect(sameBytes(bytes.subarray(0, 3), bytes.subarray(0, 4))).to.equal(false);
    const sha = digest('sha256', DOCUMENT);
    expect(hexEquals(Buffer.from(sha).toString('hex'), sha)).to.equal(true);
    for (let i = 0; i < sha.length; i++) {
      const other = Uint8Array.from(sha);
      other[i] = (other[i] as number) ^ (i % 2 ? 0x01 : 0x10); // the low and the high hex digit
      expect(hexEquals(Buffer.from(sha).toString('hex'), other)).to.equal(false);
    }
    expect(hexEquals(Buffer.from(sha).toString('hex'), sha.subarray(1))).to.equal(false);
    const digests = new Digests(DOCUMENT);
    expect(digests.matches('sha256', sha)).to.equal(true);
    expect(digests.matches('sha256', digest('sha256', Buffer.from('другий документ')))).to.equal(false);
    expect(digests.matches('sha512', digest('sha512', DOCUMENT))).to.equal(true);
    expect(digests.matches('gost34311', digest('gost34311', DOCUMENT))).to.equal(true);
    expect(digests.matches('gost34311', sha)).to.equal(false);
  });

  it('the note on certificates without a CRL names those of this verification, on the same path', () => {
    const p = pki();
    const path = [parseCertificateCached(p.signerEc.der), parseCertificateCached(p.qca.der), parseCertificateCached(p.root.der)];
    const qcaCrl = parseCrl(p.crl);
    const none = checkRevocation(path, [[], []], p.now, undefined, 'ifAvailable');
    expect(none.status).to.equal('not-checked');
    expect(none.en).to.contain(path[0]!.subject.text).and.contain(path[1]!.subject.text);
    // the same path array, the signer now covered by its CA's CRL: only the CA is named
    const caOnly = checkRevocation(path, [[qcaCrl], []], p.now, undefined, 'ifAvailable');
    expect(caOnly.status).to.equal('not-checked');
    expect(caOnly.en).to.equal(`no CRL available for "${path[1]!.subject.text}"; revocation not checked`);
    expect(caOnly.uk).to.equal(`немає списку відкликаних сертифікатів для «${path[1]!.subject.text}»; статус не перевірено`);
    expect(checkRevocation(path, [[], []], p.now, undefined, 'ifAvailable')).to.deep.equal(none);
  });
});
