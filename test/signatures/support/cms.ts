import { createHash } from 'node:crypto';
import { algorithm, ctx, flipByte, int, octets, oid, seq, setOf, time } from './der';
import { HashName, TestCert, hashOid, signData } from './test-pki';

/** CMS / CAdES builder for tests (RFC 5652 §5, ETSI EN 319 122-1 §5.2), with knobs to break things. */
export interface SignOptions {
  content: Uint8Array;
  signer: TestCert;
  /** Certificates to embed (default: the signer's). */
  certificates?: TestCert[];
  detached?: boolean;
  hash?: HashName;
  pss?: boolean;
  /** null: no signing-time attribute. */
  signingTime?: Date | null;
  /** signing-certificate-v2 (default), v1, none, or one naming a different certificate. */
  essCertificate?: 'v2' | 'v1' | 'none' | 'wrong';
  /** Overrides the SignerInfo digestAlgorithm (the hash actually used stays `hash`). */
  digestAlgorithmOid?: string;
  /** Replaces the SignerInfo signatureAlgorithm (DER AlgorithmIdentifier). */
  signatureAlgorithm?: Buffer;
  messageDigest?: Buffer;
  /** Signature over these attributes, but others are sent (tampered signed attributes). */
  tamperSignedAttributes?: boolean;
  tamperSignatureValue?: boolean;
  /** Unsigned attributes built from the signature value (e.g. an RFC 3161 token). */
  unsignedAttributes?: (signatureValue: Buffer) => Buffer[];
  crls?: Buffer[];
  /** No signed attributes at all (plain CMS, signature over the content). */
  noSignedAttributes?: boolean;
  /** The content-type signed attribute (default id-data, matching eContentType). */
  contentTypeAttribute?: string;
}

export const attribute = (type: string, ...values: Uint8Array[]): Buffer => seq(oid(type), setOf(...values));

export const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimestamp: '1.2.840.113549.1.9.16.2.14',
};

export function signCms(o: SignOptions): Buffer {
  return signedData({
    content: o.content,
    detached: o.detached,
    certificates: o.certificates ?? [o.signer],
    crls: o.crls,
    signerInfos: [signerInfo(o)],
  });
}

/** SignedData (RFC 5652 §5.1) around ready-made SignerInfos. */
export function signedData(o: {
  content: Uint8Array;
  detached?: boolean;
  certificates: TestCert[];
  crls?: Buffer[];
  signerInfos: Buffer[];
}): Buffer {
  const digestAlgorithms = o.signerInfos.map((si) => children(si)[2] as Buffer);
  const encap = o.detached === false ? seq(oid(OIDS.data), ctx(0, octets(o.content))) : seq(oid(OIDS.data));
  const sd = seq(
    int(1),
    setOf(...[...new Set(digestAlgorithms.map((d) => d.toString('hex')))].map((h) => Buffer.from(h, 'hex'))),
    encap,
    ...(o.certificates.length
      ? [
          implicitSet(
            0,
            o.certificates.map((c) => c.der),
          ),
        ]
      : []),
    ...(o.crls?.length ? [implicitSet(1, o.crls)] : []),
    setOf(...o.signerInfos),
  );
  return seq(oid(OIDS.signedData), ctx(0, sd));
}

/** [n] IMPLICIT SET OF (DER order). */
function implicitSet(n: number, items: Buffer[]): Buffer {
  const set = setOf(...items);
  return Buffer.concat([Buffer.from([0xa0 | n]), set.subarray(1)]);
}

/** One SignerInfo (RFC 5652 §5.3) with CAdES-BES signed attributes (EN 319 122-1 §5.2). */
export function signerInfo(o: SignOptions): Buffer {
  const hash = o.hash ?? 'sha256';
  const digestOid = o.digestAlgorithmOid ?? hashOid(hash);
  const sid = seq(issuerName(o.signer), int(o.signer.serial));
  let signedAttrsField: Buffer | undefined;
  let signature: Buffer;
  let sigAlg: Buffer;
  if (o.noSignedAttributes) {
    ({ signature, algorithm: sigAlg } = signData(o.signer.key, o.content, hash, o.pss));
  } else {
    const attrs = signedAttributes(o, hash, o.signingTime === undefined ? new Date() : o.signingTime);
    ({ signature, algorithm: sigAlg } = signData(o.signer.key, setOf(...attrs), hash, o.pss));
    const sent = o.tamperSignedAttributes ? signedAttributes(o, hash, new Date(Date.UTC(2001, 0, 1))) : attrs;
    signedAttrsField = implicitSet(0, sent);
  }
  if (o.tamperSignatureValue) signature = flipByte(signature, signature.length - 5);
  const unsigned = o.unsignedAttributes?.(signature) ?? [];
  return seq(
    int(1),
    sid,
    algorithm(digestOid),
    ...(signedAttrsField ? [signedAttrsField] : []),
    o.signatureAlgorithm ?? sigAlg,
    octets(signature),
    ...(unsigned.length ? [implicitSet(1, unsigned)] : []),
  );
}

function signedAttributes(o: SignOptions, hash: HashName, signingTime: Date | null): Buffer[] {
  const attrs = [
    attribute(OIDS.contentType, oid(o.contentTypeAttribute ?? OIDS.data)),
    attribute(OIDS.messageDigest, octets(o.messageDigest ?? createHash(hash).update(o.content).digest())),
  ];
  if (signingTime) attrs.push(attribute(OIDS.signingTime, time(signingTime)));
  const ess = o.essCertificate ?? 'v2';
  if (ess === 'v2' || ess === 'wrong') {
    const certHash = createHash('sha256')
      .update(ess === 'wrong' ? Buffer.from('another certificate') : o.signer.der)
      .digest();
    // ESSCertIDv2 with the default hash (SHA-256) omitted, plus IssuerSerial (RFC 5035 §4)
    const issuerSerial = seq(seq(ctx(4, issuerName(o.signer))), int(o.signer.serial));
    attrs.push(attribute(OIDS.signingCertificateV2, seq(seq(seq(octets(certHash), issuerSerial)))));
  } else if (ess === 'v1') {
    const certHash = createHash('sha1').update(o.signer.der).digest();
    attrs.push(attribute(OIDS.signingCertificate, seq(seq(seq(octets(certHash))))));
  }
  return attrs;
}

/** The issuer Name of a certificate, read back from its DER (tbs field 4). */
export function issuerName(cert: TestCert): Buffer {
  return tbsField(cert.der, 3);
}

function tbsField(der: Buffer, index: number): Buffer {
  const tbs = children(children(der)[0] as Buffer);
  return tbs[index] as Buffer;
}

/** Child elements of a DER SEQUENCE (definite lengths only; enough for our own encodings). */
export function children(der: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const { start, end } = bounds(der, 0);
  for (let pos = start; pos < end;) {
    const b = bounds(der, pos);
    out.push(der.subarray(pos, b.end));
    pos = b.end;
  }
  return out;
  function bounds(buf: Buffer, at: number): { start: number; end: number } {
    let len = buf[at + 1] as number;
    let hdr = 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + (buf[at + 2 + i] as number);
      hdr += n;
    }
    return { start: at + hdr, end: at + hdr + len };
  }
}

/** A signature-time-stamp unsigned attribute holding `token` (RFC 3161 Appendix A). */
export const timestampAttribute = (token: Buffer): Buffer => attribute(OIDS.signatureTimestamp, token);

/** Certs-only ("degenerate") SignedData, like CACertificates.p7b. */
export function certificateBundle(certs: TestCert[]): Buffer {
  const sd = seq(
    int(1),
    setOf(),
    seq(oid(OIDS.data)),
    implicitSet(
      0,
      certs.map((c) => c.der),
    ),
    setOf(),
  );
  return seq(oid(OIDS.signedData), ctx(0, sd));
}
