import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { TrustStore, createTrustStore } from '../../../src/signatures';
import { oid, printable, seq, setOf } from './der';
import { OpensslTsa } from './openssl';
import { IssueOptions, KeyKind, NameSpec, QcSpec, TestCert, generateKey, issueCertificate, issueCrl } from './test-pki';

/**
 * One throw-away PKI shared by the signature tests, built on first use (about a second):
 *   root (RSA, trust anchor, qualified provider)
 *   ├─ qca "Тестовий КНЕДП" (ECDSA P-256, CA)
 *   │   ├─ qualified signers: ECDSA P-256 and P-384, RSA for PSS, Cyrillic names, DRFO/EDRPOU
 *   │   ├─ not qualified, expired, revoked (before / after signing, in a delta CRL), not yet valid,
 *   │   │  keyAgreement-only, RSA-1024, ECDSA P-521, Ed25519
 *   │   ├─ "not a CA" leaf that issued another leaf
 *   │   └─ TSA (id-kp-timeStamping)
 *   ├─ a revoked intermediate CA with its own signer
 *   └─ an RSA signer made with node-forge
 *   otherRoot (untrusted) ├─ untrusted signer └─ untrusted TSA
 * CRLs: qca full CRL, a stale qca CRL, a qca delta CRL, the root's CRL.
 */
export interface Pki {
  now: Date;
  dir: string;
  root: TestCert;
  qca: TestCert;
  signerEc: TestCert;
  signerP384: TestCert;
  signerRsa: TestCert;
  /** Made by node-forge; keeps forge's own objects, which re-encode names consistently. */
  signerForge: TestCert & { forgeCertificate: forge.pki.Certificate; forgeKey: forge.pki.rsa.PrivateKey };
  notQualified: TestCert;
  expired: TestCert;
  revoked: TestCert;
  revokedLater: TestCert;
  deltaRevoked: TestCert;
  notYetValid: TestCert;
  keyAgreementOnly: TestCert;
  weakRsa: TestCert;
  p521: TestCert;
  ed25519: TestCert;
  notCa: TestCert;
  underNotCa: TestCert;
  revokedCa: TestCert;
  underRevokedCa: TestCert;
  otherRoot: TestCert;
  untrusted: TestCert;
  tsa: TestCert;
  /** A TSA certificate under the untrusted root. */
  tsaUntrusted: TestCert;
  crl: Buffer;
  staleCrl: Buffer;
  deltaCrl: Buffer;
  rootCrl: Buffer;
  /** Trust anchors: root; CRLs: qca full + root. */
  trust: TrustStore;
  openssl: OpensslTsa;
  opensslUntrusted: OpensslTsa;
  /** Revocation dates. */
  revokedAt: Date;
  revokedLaterAt: Date;
}

const ROOT_SUBJECT: NameSpec = { C: 'UA', O: 'Тестове Міністерство', CN: 'Тестовий кореневий ЦЗО', serialNumber: 'UA-00000000-2026' };
const HOUR = 3600_000;
const DAY = 24 * HOUR;

let built: Pki | undefined;

/** The shared PKI; its temp dir (OpenSSL's key files) is removed when the process exits. */
export function pki(): Pki {
  if (!built) {
    built = build();
    const dir = built.dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return built;
}

function build(): Pki {
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const at = (offset: number): Date => new Date(now.getTime() + offset);
  const dir = mkdtempSync(join(tmpdir(), 'dilovod-sig-'));
  let serial = 0x1000;

  const root = issueCertificate({
    subject: ROOT_SUBJECT,
    key: generateKey('rsa2048'),
    serial: 1,
    notBefore: at(-365 * DAY),
    notAfter: at(10 * 365 * DAY),
    ca: true,
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  const qca = issueCertificate({
    subject: {
      C: 'UA',
      O: 'ТОВ "Тестовий КНЕДП"',
      CN: 'Тестовий КНЕДП',
      serialNumber: 'UA-11111111-0001',
      organizationIdentifier: 'NTRUA-11111111',
    },
    key: generateKey('p256'),
    issuer: root,
    serial: 2,
    notBefore: at(-300 * DAY),
    notAfter: at(5 * 365 * DAY),
    ca: true,
    pathLen: 0,
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  const qualifiedQc: QcSpec = { compliance: true, sscd: true, ua: true, type: 'esign' };
  const leaf = (cn: string, kind: KeyKind, extra: Partial<IssueOptions> = {}): TestCert =>
    issueCertificate({
      subject: { C: 'UA', O: 'Виконавчий комітет Тестової міської ради', CN: cn, serialNumber: 'TINUA-1234567890' },
      key: generateKey(kind),
      issuer: qca,
      serial: ++serial,
      notBefore: at(-30 * DAY),
      notAfter: at(335 * DAY),
      ca: false,
      keyUsage: ['digitalSignature', 'nonRepudiation'],
      qc: qualifiedQc,
      policies: ['1.2.804.2.1.1.1.2.2'],
      drfo: '1234567890',
      edrpou: '04055555',
      ...extra,
    });

  const signerEc = leaf('Шевченко Тарас Григорович', 'p256', {
    subject: {
      C: 'UA',
      O: 'Виконавчий комітет Тестової міської ради',
      T: 'Головний спеціаліст загального відділу',
      CN: 'Шевченко Тарас Григорович',
      SN: 'Шевченко',
      GN: 'Тарас Григорович',
      serialNumber: 'TINUA-1234567890',
      organizationIdentifier: 'NTRUA-04055555',
    },
  });
  // Subject fallbacks only: no subjectDirectoryAttributes, identifiers in NTRUA-/TINUA- form
  const signerP384 = leaf('Франко Іван Якович', 'p384', {
    subject: {
      C: 'UA',
      O: 'Тестова сільська рада',
      CN: 'Франко Іван Якович',
      serialNumber: 'TINUA-2222222222',
      organizationIdentifier: 'NTRUA-33333333',
    },
    drfo: undefined,
    edrpou: undefined,
  });
  const signerRsa = leaf('Українка Леся', 'rsa2048');
  const notQualified = leaf('Некваліфікований Підписувач', 'p256', { qc: undefined });
  const expired = leaf('Прострочений Підписувач', 'p256', { notBefore: at(-400 * DAY), notAfter: at(-35 * DAY) });
  const revoked = leaf('Скасований Підписувач', 'p256');
  const revokedLater = leaf('Пізніше Скасований Підписувач', 'p256');
  const deltaRevoked = leaf('Скасований у дельта-СВС', 'p256');
  const notYetValid = leaf('Майбутній Підписувач', 'p256', { notBefore: at(2 * HOUR), notAfter: at(100 * DAY) });
  const keyAgreementOnly = leaf('Ключ для шифрування', 'p256', { keyUsage: ['keyAgreement'] });
  const weakRsa = leaf('Слабкий RSA', 'rsa1024');
  const p521 = leaf('ECDSA P-521', 'p521');
  const ed25519 = leaf('Ed25519 Підписувач', 'ed25519');
  const notCa = leaf('Не ЦСК', 'p256');
  const underNotCa = issueCertificate({
    subject: { C: 'UA', CN: 'Виданий не-ЦСК' },
    key: generateKey('p256'),
    issuer: notCa,
    serial: ++serial,
    notBefore: at(-DAY),
    notAfter: at(100 * DAY),
    keyUsage: ['nonRepudiation'],
  });
  const revokedCa = issueCertificate({
    subject: { C: 'UA', CN: 'Скасований ЦСК' },
    key: generateKey('p256'),
    issuer: root,
    serial: 3,
    notBefore: at(-300 * DAY),
    notAfter: at(365 * DAY),
    ca: true,
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  const underRevokedCa = issueCertificate({
    subject: { C: 'UA', CN: 'Підписувач скасованого ЦСК' },
    key: generateKey('p256'),
    issuer: revokedCa,
    serial: 0x77,
    notBefore: at(-30 * DAY),
    notAfter: at(300 * DAY),
    keyUsage: ['nonRepudiation'],
    qc: qualifiedQc,
  });
  const otherRoot = issueCertificate({
    subject: { C: 'UA', CN: 'Сторонній кореневий' },
    key: generateKey('p256'),
    serial: 9,
    notBefore: at(-DAY),
    notAfter: at(365 * DAY),
    ca: true,
    keyUsage: ['keyCertSign'],
  });
  const untrusted = issueCertificate({
    subject: { C: 'UA', CN: 'Недовірений Підписувач' },
    key: generateKey('p256'),
    issuer: otherRoot,
    serial: 10,
    notBefore: at(-DAY),
    notAfter: at(365 * DAY),
    keyUsage: ['nonRepudiation'],
    qc: qualifiedQc,
  });
  const tsa = leaf('Тестовий TSP-сервер', 'p256', {
    keyUsage: ['digitalSignature'],
    extKeyUsage: ['1.3.6.1.5.5.7.3.8'],
    qc: undefined,
    notBefore: at(-60 * DAY),
  });
  const tsaUntrusted = issueCertificate({
    subject: { C: 'UA', CN: 'Сторонній TSP-сервер' },
    key: generateKey('p256'),
    issuer: otherRoot,
    serial: 11,
    notBefore: at(-DAY),
    notAfter: at(365 * DAY),
    keyUsage: ['digitalSignature'],
    extKeyUsage: ['1.3.6.1.5.5.7.3.8'],
  });

  const revokedAt = at(-2 * DAY);
  const revokedLaterAt = at(-HOUR);
  const crl = issueCrl({
    issuer: qca,
    thisUpdate: at(-HOUR / 2),
    nextUpdate: at(7 * DAY),
    crlNumber: 2,
    entries: [
      { serial: revoked.serial, date: revokedAt, reason: 1 },
      { serial: revokedLater.serial, date: revokedLaterAt, reason: 4 },
    ],
  });
  const staleCrl = issueCrl({ issuer: qca, thisUpdate: at(-30 * DAY), nextUpdate: at(-23 * DAY), crlNumber: 1 });
  const deltaCrl = issueCrl({
    issuer: qca,
    thisUpdate: at(-HOUR / 4),
    nextUpdate: at(DAY),
    crlNumber: 3,
    deltaBase: 2,
    entries: [{ serial: deltaRevoked.serial, date: at(-DAY), reason: 1 }],
  });
  const rootCrl = issueCrl({
    issuer: root,
    thisUpdate: at(-DAY),
    nextUpdate: at(30 * DAY),
    crlNumber: 7,
    entries: [{ serial: revokedCa.serial, date: at(-10 * DAY), reason: 2 }],
  });

  const signerForge = forgeRsaSigner(root, at(-10 * DAY), at(300 * DAY));

  return {
    now,
    dir,
    root,
    qca,
    signerEc,
    signerP384,
    signerRsa,
    signerForge,
    notQualified,
    expired,
    revoked,
    revokedLater,
    deltaRevoked,
    notYetValid,
    keyAgreementOnly,
    weakRsa,
    p521,
    ed25519,
    notCa,
    underNotCa,
    revokedCa,
    underRevokedCa,
    otherRoot,
    untrusted,
    tsa,
    tsaUntrusted,
    crl,
    staleCrl,
    deltaCrl,
    rootCrl,
    trust: createTrustStore({ certificates: [root.der], crls: [crl, rootCrl] }),
    openssl: new OpensslTsa(dir, tsa, [qca]),
    opensslUntrusted: new OpensslTsa(mkdtempSync(join(dir, 'untrusted-')), tsaUntrusted, [otherRoot]),
    revokedAt,
    revokedLaterAt,
  };
}

/**
 * An RSA-2048 qualified signer certificate made by node-forge, issued directly by the (RSA) root:
 * Cyrillic UTF-8 names, nonRepudiation, QCStatements and Ukrainian subjectDirectoryAttributes as raw DER.
 */
function forgeRsaSigner(root: TestCert, notBefore: Date, notAfter: Date): Pki['signerForge'] {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '4f0001';
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const utf8 = (value: string) => ({ value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });
  cert.setSubject([
    { shortName: 'C', value: 'UA' },
    { shortName: 'O', ...utf8('Тестова обласна рада') },
    { shortName: 'CN', ...utf8('Коцюбинський Михайло') },
    { type: '2.5.4.5', value: 'TINUA-3333333333' },
  ]);
  // the root's subject spelled out: forge would UTF-8-encode an already encoded parsed name again
  cert.setIssuer([
    { shortName: 'C', value: 'UA' },
    { shortName: 'O', ...utf8(ROOT_SUBJECT.O as string) },
    { shortName: 'CN', ...utf8(ROOT_SUBJECT.CN) },
    { type: '2.5.4.5', value: ROOT_SUBJECT.serialNumber as string },
  ]);
  const raw = (der: Buffer): string => der.toString('binary');
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, nonRepudiation: true, digitalSignature: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: root.ski.toString('binary') },
    // qcStatements { QcCompliance, QcSSCD, 1.2.804.2.1.1.1.2.1 }
    { id: '1.3.6.1.5.5.7.1.3', value: raw(seq(seq(oid('0.4.0.1862.1.1')), seq(oid('0.4.0.1862.1.4')), seq(oid('1.2.804.2.1.1.1.2.1')))) },
    // subjectDirectoryAttributes { DRFO 3333333333 }
    { id: '2.5.29.9', value: raw(seq(seq(oid('1.2.804.2.1.1.1.11.1.4.1.1'), setOf(printable('3333333333'))))) },
  ]);
  const rootKey = forge.pki.privateKeyFromPem(root.key.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
  cert.sign(rootKey, forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(keys.privateKey));
  const publicKey = createPublicKey(privateKey);
  return {
    der,
    pem: forge.pki.certificateToPem(cert),
    key: { kind: 'rsa2048', privateKey, publicKey, spki: publicKey.export({ format: 'der', type: 'spki' }) },
    serial: 0x4f0001n,
    name: Buffer.alloc(0),
    ski: Buffer.alloc(0),
    notBefore,
    notAfter,
    forgeCertificate: cert,
    forgeKey: keys.privateKey,
  };
}
