import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { children, readOid, readSingle } from './der';
import { Dstu4145Curve } from './ellipticCurve';
import { bigIntToBytesLE, bitLength, hashToFieldElement } from './encoding';
import {
  DEFAULT_DKE,
  DSTU4145_OIDS,
  Dstu4145PublicKey,
  gost34311,
  NAMED_CURVES,
  parseDstu4145PublicKey,
  verifyDstu4145,
} from './index';
import { multiply } from './scalarMultiplication';
import { TestRandom } from './testRandom';
import { certificatesInBundle, extractCertificate, extractCmsSigner, readReference, REFERENCE_DIR } from './testVectors';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const flipBit = (b: Uint8Array, index: number): Uint8Array => {
  const copy = Uint8Array.from(b);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
};

describe('dstu4145 / GOST 34.311 and encodings', () => {
  it('hashes with the DKE S-box (known answers of the gost89 package tests)', () => {
    expect(hex(gost34311(Buffer.from('12345678901234567890123456789011')))).to.equal(
      '7686f3f4b113aadc97bca9ea054f41821f0676c5c28ffb987e41797a568e1ed4',
    );
    expect(hex(gost34311(Buffer.from('123123')))).to.equal('34d4da2c04e9c1ceb933282069c864617d94ed7cc5c0a9840c0c1a99629df637');
    // A view into a larger buffer must hash only its own bytes.
    const padded = Buffer.from('xx123123yy');
    expect(hex(gost34311(padded.subarray(2, 8)))).to.equal('34d4da2c04e9c1ceb933282069c864617d94ed7cc5c0a9840c0c1a99629df637');
  });

  it('DEFAULT_DKE is the S-box every real certificate carries', () => {
    const key = parseDstu4145PublicKey(extractCertificate(readReference('uapki/certs/diia-test-sign-7775603.cer')).spki);
    expect(key.dke).to.not.equal(undefined);
    expect(hex(key.dke!)).to.equal(hex(DEFAULT_DKE));
  });

  it('maps a hash to a field element little-endian, keeping the low m bits, 0 → 1', () => {
    const f163 = NAMED_CURVES.M163!.field;
    const hash = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
    const le = BigInt('0x' + hex(Uint8Array.from(hash).reverse()));
    expect(hashToFieldElement(f163, hash)).to.equal(BigInt.asUintN(163, le));
    expect(hashToFieldElement(NAMED_CURVES.M257!.field, hash)).to.equal(le);
    expect(hashToFieldElement(f163, new Uint8Array(32))).to.equal(1n);
  });
});

describe('dstu4145 / real CMS signatures', () => {
  const fox = readFileSync(`${REFERENCE_DIR}/uapki/test-fox.txt`);
  const cases: { file: string; detachedContent?: Uint8Array }[] = [
    { file: 'uapki/cades-bes-attached.p7s' },
    { file: 'uapki/cades-bes-detached.p7s', detachedContent: readReference('uapki/cades-bes-detached.content.txt') },
    { file: 'uapki/cades-t-attached.p7s' },
    { file: 'uapki/cades-bes-attached-custom-attrs.p7s' },
    { file: 'jkurwa/message.p7' },
    { file: 'jkurwa/message_detached.p7', detachedContent: Buffer.from('123') },
  ];

  for (const { file, detachedContent } of cases) {
    it(`${file}: signature over the signed attributes verifies and messageDigest matches`, () => {
      const v = extractCmsSigner(readReference(file));
      expect(v.digestAlgorithm).to.equal(DSTU4145_OIDS.gost34311);
      expect(v.signatureAlgorithm).to.equal(DSTU4145_OIDS.le);
      const pub = parseDstu4145PublicKey(v.signerSpki);
      expect(verifyDstu4145(pub, gost34311(v.signedAttrsDer!), v.signature)).to.equal(true);
      const content = detachedContent ?? v.content;
      expect(content, 'content').to.not.equal(undefined);
      expect(hex(gost34311(content!))).to.equal(hex(v.messageDigest!));
    });
  }

  it('the UAPKI attached content is the fox sentence', () => {
    expect(Buffer.from(extractCmsSigner(readReference('uapki/cades-bes-attached.p7s')).content!).equals(fox)).to.equal(true);
  });

  it('detached signature with the invalid content fails the message digest (and jkurwa "1234" too)', () => {
    const uapki = extractCmsSigner(readReference('uapki/cades-bes-detached.p7s'));
    expect(hex(gost34311(readReference('uapki/cades-bes-detached.invalid-content.bin')))).to.not.equal(hex(uapki.messageDigest!));
    const jk = extractCmsSigner(readReference('jkurwa/message_detached.p7'));
    expect(hex(gost34311(Buffer.from('1234')))).to.not.equal(hex(jk.messageDigest!));
  });

  describe('tampering', () => {
    const v = extractCmsSigner(readReference('uapki/cades-bes-attached.p7s'));
    const pub = parseDstu4145PublicKey(v.signerSpki);
    const hash = gost34311(v.signedAttrsDer!);
    const n = pub.curve.n;
    const half = v.signature.length / 2;

    it('the untouched vector verifies (control)', () => {
      expect(verifyDstu4145(pub, hash, v.signature)).to.equal(true);
    });

    it('fails for a changed hash or changed signed attributes', () => {
      expect(verifyDstu4145(pub, flipBit(hash, 0), v.signature)).to.equal(false);
      expect(verifyDstu4145(pub, flipBit(hash, 31), v.signature)).to.equal(false);
      expect(verifyDstu4145(pub, gost34311(flipBit(v.signedAttrsDer!, 40)), v.signature)).to.equal(false);
    });

    it('fails for a changed r or s', () => {
      expect(verifyDstu4145(pub, hash, flipBit(v.signature, 0))).to.equal(false);
      expect(verifyDstu4145(pub, hash, flipBit(v.signature, half - 1))).to.equal(false);
      expect(verifyDstu4145(pub, hash, flipBit(v.signature, half))).to.equal(false);
      expect(verifyDstu4145(pub, hash, flipBit(v.signature, 2 * half - 1))).to.equal(false);
      const swapped = Uint8Array.from([...v.signature.subarray(half), ...v.signature.subarray(0, half)]);
      expect(verifyDstu4145(pub, hash, swapped)).to.equal(false);
    });

    it('fails with another key on the same curve', () => {
      const other = parseDstu4145PublicKey(extractCertificate(readReference('jkurwa/SELF_SIGNED1.cer')).spki);
      expect(other.curve).to.equal(pub.curve);
      expect(verifyDstu4145(other, hash, v.signature)).to.equal(false);
    });

    it('fails when read with the wrong byte order', () => {
      expect(verifyDstu4145(pub, hash, v.signature, { littleEndian: false })).to.equal(false);
    });

    it('rejects r or s outside [1, n − 1], and malformed lengths', () => {
      const sig = (r: bigint, s: bigint): Uint8Array => Uint8Array.from([...bigIntToBytesLE(r, half), ...bigIntToBytesLE(s, half)]);
      const r = BigInt('0x' + hex(Uint8Array.from(v.signature.subarray(0, half)).reverse()));
      const s = BigInt('0x' + hex(Uint8Array.from(v.signature.subarray(half)).reverse()));
      expect(verifyDstu4145(pub, hash, sig(r, s))).to.equal(true); // re-encoding is faithful
      expect(verifyDstu4145(pub, hash, sig(0n, s))).to.equal(false);
      expect(verifyDstu4145(pub, hash, sig(r, 0n))).to.equal(false);
      expect(verifyDstu4145(pub, hash, sig(n, s))).to.equal(false);
      expect(verifyDstu4145(pub, hash, sig(n + 1n, s))).to.equal(false);
      expect(verifyDstu4145(pub, hash, sig(r, n))).to.equal(false);
      expect(verifyDstu4145(pub, hash, sig(r, n + s))).to.equal(false); // s + n ≡ s (mod n): must still fail
      expect(verifyDstu4145(pub, hash, v.signature.subarray(0, 63))).to.equal(false);
      expect(verifyDstu4145(pub, hash, new Uint8Array(0))).to.equal(false);
      expect(verifyDstu4145(pub, new Uint8Array(0), v.signature)).to.equal(false);
    });

    it('also accepts r‖s wrapped in a DER OCTET STRING (the certificate form)', () => {
      const wrapped = Uint8Array.from([0x04, v.signature.length, ...v.signature]);
      expect(verifyDstu4145(pub, hash, wrapped)).to.equal(true);
      expect(verifyDstu4145(pub, hash, flipBit(wrapped, 2))).to.equal(false);
    });
  });
});

describe('dstu4145 / real certificate signatures (issuer key over TBSCertificate)', () => {
  const pairs: [subject: string, issuer: string, issuerCurve: string][] = [
    ['uapki/certs/diia-test-sign-7775603.cer', 'uapki/certs/diia-CA-05E19E2CD92EA2990100000001000000E1000000.cer', 'M257'],
    ['uapki/certs/diia-test-kep-7775604.cer', 'uapki/certs/diia-CA-05E19E2CD92EA2990100000001000000E1000000.cer', 'M257'],
    ['uapki/certs/diia-ocsp-3ED5083160DBC59B0200000001000000202B0F00.cer', 'uapki/certs/diia-CA-05E19E2CD92EA2990100000001000000E1000000.cer', 'M257'],
    ['uapki/certs/diia-CA-05E19E2CD92EA2990100000001000000E1000000.cer', 'uapki/certs/CAO-05E19E2CD92EA2990100000001000000C1000000.cer', 'M431'],
    ['uapki/certs/diia-2023-tsp-05E19E2CD92EA29902000000010000004A010000.cer', 'uapki/certs/CAO-05E19E2CD92EA2990100000001000000C1000000.cer', 'M431'],
    ['uapki/certs/CAO-05E19E2CD92EA2990100000001000000C1000000.cer', 'uapki/certs/CAO-05E19E2CD92EA2990100000001000000C1000000.cer', 'M431'],
    ['jkurwa/CA-Justice.cer', 'jkurwa/CZOROOT.cer', 'M431'],
    ['jkurwa/CZOROOT.cer', 'jkurwa/CZOROOT.cer', 'M431'],
    ['jkurwa/SELF_SIGNED1.cer', 'jkurwa/SELF_SIGNED1.cer', 'M257'],
    ['jkurwa/SELF_SIGNED_ENC_40A0.cer', 'jkurwa/SELF_SIGNED_ENC_40A0.cer', 'M257'],
    ['jkurwa/SELF_SIGNED_ENC_6929.cer', 'jkurwa/SELF_SIGNED_ENC_6929.cer', 'M257'],
    ['jkurwa/SELF_SIGNED_ENC_E54B.cer', 'jkurwa/SELF_SIGNED_ENC_E54B.cer', 'M431'],
  ];
  for (const [subject, issuer, curveName] of pairs) {
    it(`${subject.split('/').pop()} ← ${issuer.split('/').pop()} (${curveName})`, () => {
      const cert = extractCertificate(readReference(subject));
      const pub = parseDstu4145PublicKey(extractCertificate(readReference(issuer)).spki);
      expect(cert.signatureAlgorithm).to.equal(DSTU4145_OIDS.le);
      expect(pub.curve.name).to.equal(curveName);
      const hash = gost34311(cert.tbsDer);
      expect(verifyDstu4145(pub, hash, cert.signatureValue)).to.equal(true);
      expect(verifyDstu4145(pub, gost34311(flipBit(cert.tbsDer, 20)), cert.signatureValue)).to.equal(false);
    });
  }

  it('a certificate does not verify under a different issuer key', () => {
    const cert = extractCertificate(readReference('uapki/certs/diia-CA-05E19E2CD92EA2990100000001000000E1000000.cer'));
    const wrong = parseDstu4145PublicKey(extractCertificate(readReference('jkurwa/CZOROOT.cer')).spki);
    expect(wrong.curve.name).to.equal('M431');
    expect(verifyDstu4145(wrong, gost34311(cert.tbsDer), cert.signatureValue)).to.equal(false);
  });
});

describe('dstu4145 / SEV OVV sample signatures (detached CMS in Expansion/SignInfo/SignData)', () => {
  const dir = REFERENCE_DIR.replace(/signatures\/?$/, 'sev-ovv/samples');
  const samples = ['DS01-do-vykonannia.xml', 'DS05-dlia-informuvannia.xml', 'DS06-dlia-uzahalnennia.xml', 'DS07-zvitnist-do-vykonannia.xml', 'DS12-zvitnist-dlia-uzahalnennia.xml'];
  const signData = (xml: string): string => /<SignData>([\s\S]*?)<\/SignData>/.exec(xml)![1]!.replace(/\s+/g, '');

  for (const file of samples) {
    it(`${file}: signed attributes verify`, () => {
      const v = extractCmsSigner(new Uint8Array(Buffer.from(signData(readFileSync(`${dir}/${file}`, 'utf8')), 'base64')));
      expect(v.content).to.equal(undefined); // detached
      expect(verifyDstu4145(parseDstu4145PublicKey(v.signerSpki), gost34311(v.signedAttrsDer!), v.signature)).to.equal(true);
    });
  }

  it('DS01: messageDigest is the GOST 34.311 of the decoded DocTransfer the SignInfo points at', () => {
    const xml = readFileSync(`${dir}/DS01-do-vykonannia.xml`, 'utf8');
    const id = /<SignInfo docTransfer_idnumber="(\d+)"/.exec(xml)![1]!;
    const doc = new RegExp(`<DocTransfer[^>]*idnumber="${id}"[^>]*>([^<]*)</DocTransfer>`).exec(xml)![1]!;
    const v = extractCmsSigner(new Uint8Array(Buffer.from(signData(xml), 'base64')));
    expect(hex(gost34311(Buffer.from(doc, 'base64')))).to.equal(hex(v.messageDigest!));
  });
});

describe('dstu4145 / public key parsing', () => {
  it('named curve by OID (jkurwa self-signed) and explicit parameters (Diia) both resolve to the named instance', () => {
    const named = parseDstu4145PublicKey(extractCertificate(readReference('jkurwa/SELF_SIGNED1.cer')).spki);
    const explicit = parseDstu4145PublicKey(extractCertificate(readReference('uapki/certs/diia-test-sign-7775603.cer')).spki);
    expect(named.curve).to.equal(NAMED_CURVES.M257);
    expect(explicit.curve).to.equal(NAMED_CURVES.M257);
    expect(named.littleEndian).to.equal(true);
  });

  it('decompressed keys are subgroup points (n·Q = O)', () => {
    for (const file of ['uapki/certs/diia-test-sign-7775603.cer', 'jkurwa/SELF_SIGNED_ENC_E54B.cer']) {
      const key = parseDstu4145PublicKey(extractCertificate(readReference(file)).spki);
      expect(multiply(key.curve, key.curve.n, key.point), file).to.equal(null);
    }
  });

  it('reads the big-endian variant (1.2.804.2.1.1.1.1.3.1.1.1.1) from the CA bundle, named and explicit', () => {
    const beKeys = certificatesInBundle(readReference('trust/CACertificates-2023-04.p7b'))
      .map((der) => extractCertificate(der).spki)
      .filter((spki) => readOid(children(children(readSingle(spki))[0]!)[0]!) === DSTU4145_OIDS.be);
    expect(beKeys).to.have.length(2);
    const forms = new Set<number>();
    for (const spki of beKeys) {
      const key = parseDstu4145PublicKey(spki);
      forms.add(children(children(readSingle(spki))[0]!)[1]!.der.length);
      expect(key.littleEndian).to.equal(false);
      expect(key.curve).to.equal(NAMED_CURVES.M257);
      expect(multiply(key.curve, key.curve.n, key.point)).to.equal(null);
    }
    expect(forms.size).to.equal(2); // one named-curve, one explicit parameter block
  });

  it('rejects non-DSTU keys, truncated input and points off the curve', () => {
    const ecdsa = extractCertificate(readReference('jkurwa/CA-Justice-ECDSA-261217.cer')).spki;
    expect(() => parseDstu4145PublicKey(ecdsa)).to.throw(/unsupported algorithm/);
    const good = extractCertificate(readReference('jkurwa/SELF_SIGNED1.cer')).spki;
    expect(() => parseDstu4145PublicKey(good.subarray(0, good.length - 1))).to.throw();
    // Replace the key with x-coordinates until one has no curve point (about every other one).
    let rejected = 0;
    for (let i = 0; i < 8; i++) {
      const tampered = Uint8Array.from(good);
      tampered[tampered.length - 5] = i;
      try {
        parseDstu4145PublicKey(tampered);
      } catch (e) {
        expect((e as Error).message).to.match(/not a valid curve point/);
        rejected++;
      }
    }
    expect(rejected).to.be.greaterThan(0);
  });
});

describe('dstu4145 / sign-then-verify with a test signer on every named curve', () => {
  // Signing per the standard, test-only: Q = −d·P; R = e·P; r = trunc(h·R.x); s = e + d·r mod n.
  function testSign(curve: Dstu4145Curve, d: bigint, e: bigint, hash: Uint8Array): Uint8Array {
    const R = multiply(curve, e, curve.base)!;
    const r = BigInt.asUintN(bitLength(curve.n) - 1, curve.field.mul(R.x, hashToFieldElement(curve.field, hash)));
    const s = (e + d * r) % curve.n;
    const half = Math.ceil(bitLength(curve.n) / 8);
    return Uint8Array.from([...bigIntToBytesLE(r, half), ...bigIntToBytesLE(s, half)]);
  }

  const rnd = new TestRandom(2002);
  for (const curve of Object.values(NAMED_CURVES)) {
    it(`${curve.name}: LE and BE signatures verify; a tampered one does not`, () => {
      const d = rnd.below(curve.n);
      const q = multiply(curve, curve.n - d, curve.base)!;
      const pub: Dstu4145PublicKey = { curve, point: q };
      const hash = rnd.bytes(32);
      const sig = testSign(curve, d, rnd.below(curve.n), hash);
      expect(verifyDstu4145(pub, hash, sig)).to.equal(true);
      expect(verifyDstu4145(pub, hash, Uint8Array.from(sig).reverse(), { littleEndian: false })).to.equal(true);
      expect(verifyDstu4145(pub, flipBit(hash, 5), sig)).to.equal(false);
    });
  }
});
