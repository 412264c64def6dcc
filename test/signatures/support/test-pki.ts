import { KeyObject, constants, createHash, generateKeyPairSync, sign } from 'node:crypto';
import { algorithm, bitString, bool, ctx, ctxPrim, int, nul, octets, oid, printable, seq, setOf, time, utf8 } from './der';

/**
 * A throw-away PKI for tests: keys from Node's crypto, certificates and CRLs encoded here and signed
 * with crypto.sign. Nothing is written to the repository; keys live in memory (and in a temp dir
 * when OpenSSL needs them).
 */
export type KeyKind = 'rsa2048' | 'rsa1024' | 'p256' | 'p384' | 'p521' | 'ed25519';

export interface TestKey {
  kind: KeyKind;
  privateKey: KeyObject;
  publicKey: KeyObject;
  spki: Buffer;
}

export function generateKey(kind: KeyKind): TestKey {
  const pair =
    kind === 'rsa2048' || kind === 'rsa1024'
      ? generateKeyPairSync('rsa', { modulusLength: kind === 'rsa2048' ? 2048 : 1024 })
      : kind === 'ed25519'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', { namedCurve: { p256: 'prime256v1', p384: 'secp384r1', p521: 'secp521r1' }[kind] });
  return { kind, ...pair, spki: pair.publicKey.export({ format: 'der', type: 'spki' }) };
}

export type HashName = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const HASH_OIDS: Record<HashName, string> = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};
const RSA_WITH: Record<HashName, string> = {
  sha1: '1.2.840.113549.1.1.5',
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
};
const ECDSA_WITH: Record<HashName, string> = {
  sha1: '1.2.840.10045.4.1',
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4',
};

export const hashOid = (hash: HashName): string => HASH_OIDS[hash];

/** RSASSA-PSS-params with SHA-256, MGF1-SHA-256, salt 32 (RFC 4055 §3.1). */
export const PSS_SHA256_ALGORITHM = algorithm(
  '1.2.840.113549.1.1.10',
  seq(ctx(0, algorithm(HASH_OIDS.sha256)), ctx(1, algorithm('1.2.840.113549.1.1.8', algorithm(HASH_OIDS.sha256))), ctx(2, int(32))),
);

/** Signs with the key's natural scheme; returns the AlgorithmIdentifier and the signature value. */
export function signData(key: TestKey, data: Uint8Array, hash: HashName = 'sha256', pss = false): { algorithm: Buffer; signature: Buffer } {
  if (key.kind === 'ed25519') return { algorithm: algorithm('1.3.101.112'), signature: sign(null, data, key.privateKey) };
  if (key.kind.startsWith('rsa')) {
    if (pss) {
      const signature = sign('sha256', data, { key: key.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
      return { algorithm: PSS_SHA256_ALGORITHM, signature };
    }
    return { algorithm: algorithm(RSA_WITH[hash], nul()), signature: sign(hash, data, key.privateKey) };
  }
  return { algorithm: algorithm(ECDSA_WITH[hash]), signature: sign(hash, data, key.privateKey) };
}

export interface NameSpec {
  C?: string;
  O?: string;
  OU?: string;
  CN: string;
  SN?: string;
  GN?: string;
  T?: string;
  L?: string;
  serialNumber?: string;
  organizationIdentifier?: string;
}

const NAME_OIDS: Record<keyof NameSpec, string> = {
  C: '2.5.4.6',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
  SN: '2.5.4.4',
  GN: '2.5.4.42',
  T: '2.5.4.12',
  L: '2.5.4.7',
  serialNumber: '2.5.4.5',
  organizationIdentifier: '2.5.4.97',
};

export function encodeName(spec: NameSpec): Buffer {
  const rdns = (Object.keys(spec) as (keyof NameSpec)[]).map((k) => {
    const value = spec[k] as string;
    const encoded = k === 'C' || k === 'serialNumber' ? printable(value) : utf8(value);
    return setOf(seq(oid(NAME_OIDS[k]), encoded));
  });
  return seq(...rdns);
}

export type KeyUsageName =
  'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'dataEncipherment' | 'keyAgreement' | 'keyCertSign' | 'cRLSign';
const KU_BITS: Record<KeyUsageName, number> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
};

function keyUsageValue(usages: KeyUsageName[]): Buffer {
  let bits = 0;
  for (const u of usages) bits |= 0x80 >> KU_BITS[u];
  let unused = 0;
  while (unused < 7 && !(bits & (1 << unused))) unused++;
  return Buffer.from([0x03, 0x02, unused, bits]);
}

export interface QcSpec {
  compliance?: boolean;
  sscd?: boolean;
  ua?: boolean;
  type?: 'esign' | 'eseal';
}

export interface TestCert {
  der: Buffer;
  pem: string;
  key: TestKey;
  serial: bigint;
  name: Buffer;
  ski: Buffer;
  notBefore: Date;
  notAfter: Date;
}

export interface IssueOptions {
  subject: NameSpec;
  key: TestKey;
  /** Absent: self-signed. */
  issuer?: TestCert;
  serial: number | bigint;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  pathLen?: number;
  keyUsage?: KeyUsageName[];
  extKeyUsage?: string[];
  qc?: QcSpec;
  drfo?: string;
  edrpou?: string;
  policies?: string[];
  signatureHash?: HashName;
  /** An unknown critical extension (RFC 5280 §4.2: must be rejected). */
  unknownCritical?: boolean;
}

const ext = (id: string, critical: boolean, value: Buffer): Buffer =>
  critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));

export function issueCertificate(o: IssueOptions): TestCert {
  const name = encodeName(o.subject);
  const ski = createHash('sha1').update(o.key.spki).digest();
  const issuerKey = o.issuer?.key ?? o.key;
  const exts: Buffer[] = [ext('2.5.29.14', false, octets(ski))];
  exts.push(ext('2.5.29.35', false, seq(Buffer.concat([Buffer.from([0x80, (o.issuer?.ski ?? ski).length]), o.issuer?.ski ?? ski]))));
  if (o.ca !== undefined)
    exts.push(ext('2.5.29.19', true, o.ca ? seq(bool(true), ...(o.pathLen !== undefined ? [int(o.pathLen)] : [])) : seq()));
  if (o.keyUsage) exts.push(ext('2.5.29.15', true, keyUsageValue(o.keyUsage)));
  if (o.extKeyUsage) exts.push(ext('2.5.29.37', true, seq(...o.extKeyUsage.map(oid))));
  if (o.policies) exts.push(ext('2.5.29.32', false, seq(...o.policies.map((p) => seq(oid(p))))));
  if (o.qc) {
    const statements: Buffer[] = [];
    if (o.qc.compliance) statements.push(seq(oid('0.4.0.1862.1.1')));
    if (o.qc.sscd) statements.push(seq(oid('0.4.0.1862.1.4')));
    if (o.qc.type) statements.push(seq(oid('0.4.0.1862.1.6'), seq(oid(o.qc.type === 'esign' ? '0.4.0.1862.1.6.1' : '0.4.0.1862.1.6.2'))));
    if (o.qc.ua) statements.push(seq(oid('1.2.804.2.1.1.1.2.1')));
    exts.push(ext('1.3.6.1.5.5.7.1.3', false, seq(...statements)));
  }
  if (o.drfo || o.edrpou) {
    const attrs: Buffer[] = [];
    if (o.drfo) attrs.push(seq(oid('1.2.804.2.1.1.1.11.1.4.1.1'), setOf(printable(o.drfo))));
    if (o.edrpou) attrs.push(seq(oid('1.2.804.2.1.1.1.11.1.4.2.1'), setOf(printable(o.edrpou))));
    exts.push(ext('2.5.29.9', false, seq(...attrs)));
  }
  if (o.unknownCritical) exts.push(ext('1.3.6.1.4.1.99999.1', true, nul()));
  const probe = signData(issuerKey, Buffer.alloc(0), o.signatureHash);
  const tbs = seq(
    ctx(0, int(2)),
    int(o.serial),
    probe.algorithm,
    o.issuer?.name ?? name,
    seq(time(o.notBefore), time(o.notAfter)),
    name,
    o.key.spki,
    ctx(3, seq(...exts)),
  );
  const signed = signData(issuerKey, tbs, o.signatureHash);
  const der = seq(tbs, signed.algorithm, bitString(signed.signature));
  return {
    der,
    pem: toPem('CERTIFICATE', der),
    key: o.key,
    serial: BigInt(o.serial),
    name,
    ski,
    notBefore: o.notBefore,
    notAfter: o.notAfter,
  };
}

export interface CrlEntry {
  serial: bigint;
  date: Date;
  /** RFC 5280 §5.3.1 reason code. */
  reason?: number;
}

export interface CrlOptions {
  issuer: TestCert;
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber: number;
  /** Makes it a delta CRL on this base CRL number (RFC 5280 §5.2.4). */
  deltaBase?: number;
  entries?: CrlEntry[];
  /** issuingDistributionPoint scope (RFC 5280 §5.2.5), a critical extension. */
  scope?: 'onlyUserCerts' | 'onlyCaCerts';
}

export function issueCrl(o: CrlOptions): Buffer {
  const probe = signData(o.issuer.key, Buffer.alloc(0));
  const entries = (o.entries ?? []).map((e) =>
    seq(
      int(e.serial),
      time(e.date),
      ...(e.reason !== undefined ? [seq(ext('2.5.29.21', false, Buffer.from([0x0a, 0x01, e.reason])))] : []),
    ),
  );
  const exts = [
    ext('2.5.29.35', false, seq(Buffer.concat([Buffer.from([0x80, o.issuer.ski.length]), o.issuer.ski]))),
    ext('2.5.29.20', false, int(o.crlNumber)),
  ];
  if (o.deltaBase !== undefined) exts.push(ext('2.5.29.27', true, int(o.deltaBase)));
  if (o.scope) exts.push(ext('2.5.29.28', true, seq(ctxPrim(o.scope === 'onlyUserCerts' ? 1 : 2, Buffer.from([0xff])))));
  const tbs = seq(
    int(1),
    probe.algorithm,
    o.issuer.name,
    time(o.thisUpdate),
    time(o.nextUpdate),
    ...(entries.length ? [seq(...entries)] : []),
    ctx(0, seq(...exts)),
  );
  const signed = signData(o.issuer.key, tbs);
  return seq(tbs, signed.algorithm, bitString(signed.signature));
}

export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}
