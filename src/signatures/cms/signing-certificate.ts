import { Tag, Tlv, children, expectUniversal, integerHex, isContext, isUniversal, octetStringValue } from '../asn1/der';
import { bytesKey, sameBytes } from '../cache/bytes-key';
import { Lru } from '../cache/lru';
import { HashName, digest, equalBytes, hashOfOid } from '../crypto/digest';
import { OID } from '../oids';
import { parseAlgorithmIdentifier } from '../x509/algorithm-identifier';
import { ParsedCertificate } from '../x509/certificate';
import { DistinguishedName, parseName, sameName } from '../x509/name';
import { CmsAttribute, attributeValues } from './signer-info';

/** One ESSCertID / ESSCertIDv2 (RFC 2634 §5.4.1, RFC 5035 §4). */
export interface EssCertId {
  hashOid: string;
  hash?: HashName;
  certHash: Uint8Array;
  issuerSerial?: { issuer?: DistinguishedName; serialNumber: string };
}

export interface SigningCertificateReference {
  version: 1 | 2;
  ids: EssCertId[];
}

/**
 * Reads the signing-certificate-v2 (or v1) signed attribute. ETSI EN 319 122-1 §5.2.2 requires exactly
 * one of them in CAdES; the first ESSCertID identifies the signing certificate.
 */
export function readSigningCertificate(attributes: CmsAttribute[]): SigningCertificateReference | undefined {
  // A verification reads it once (validation/signed-attributes.ts) and hands it on.
  return parseSigningCertificate(attributes);
}

function parseSigningCertificate(attributes: CmsAttribute[]): SigningCertificateReference | undefined {
  const v2 = attributeValues(attributes, OID.signingCertificateV2)[0];
  if (v2) return { version: 2, ids: essCertIds(v2, 2) };
  const v1 = attributeValues(attributes, OID.signingCertificate)[0];
  if (v1) return { version: 1, ids: essCertIds(v1, 1) };
  return undefined;
}

/**
 * The attribute names the signer's certificate, so every signature by the same certificate carries
 * the same bytes: parsed once (issue 16), found by a small-integer key and confirmed byte for byte
 * (cache/bytes-key.ts). Callers only read the ids. An attribute larger than any real one (hostile
 * input) is parsed but not kept.
 */
const essParsed = new Lru<number, { bytes: Uint8Array; version: 1 | 2; ids: EssCertId[] }>(2048);

function essCertIds(value: Tlv, version: 1 | 2): EssCertId[] {
  const raw = value.raw;
  if (raw.byteLength > 4096) return parseEssCertIds(value, version);
  const key = bytesKey(raw); // the certificate hash and the issuer serial
  const known = essParsed.get(key);
  if (known && known.version === version && sameBytes(known.bytes, raw)) return known.ids;
  const ids = parseEssCertIds(value, version);
  essParsed.set(key, { bytes: Uint8Array.from(raw), version, ids });
  return ids;
}

function parseEssCertIds(value: Tlv, version: 1 | 2): EssCertId[] {
  const [certs] = children(expectUniversal(value, Tag.sequence, 'SigningCertificate'));
  return children(expectUniversal(certs, Tag.sequence, 'SigningCertificate.certs')).map((idTlv) => {
    const parts = children(expectUniversal(idTlv, Tag.sequence, 'ESSCertID'));
    let i = 0;
    let hashOid: string = OID.sha1;
    if (version === 2) {
      hashOid = OID.sha256; // RFC 5035: hashAlgorithm DEFAULT id-sha256
      if (parts[0] && isUniversal(parts[0], Tag.sequence)) hashOid = parseAlgorithmIdentifier(parts[i++], 'ESSCertIDv2.hashAlgorithm').oid;
    }
    const certHash = octetStringValue(expectUniversal(parts[i++], Tag.octetString, 'ESSCertID.certHash'));
    const id: EssCertId = { hashOid, certHash: Uint8Array.from(certHash) };
    const hash = hashOfOid(hashOid);
    if (hash) id.hash = hash;
    const issuerSerial = parts[i];
    if (issuerSerial) id.issuerSerial = parseIssuerSerial(issuerSerial);
    return id;
  });
}

/** IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }. */
function parseIssuerSerial(tlv: Tlv): { issuer?: DistinguishedName; serialNumber: string } {
  const [names, serial] = children(expectUniversal(tlv, Tag.sequence, 'IssuerSerial'));
  const out: { issuer?: DistinguishedName; serialNumber: string } = {
    serialNumber: integerHex(expectUniversal(serial, Tag.integer, 'IssuerSerial.serialNumber')),
  };
  for (const name of children(expectUniversal(names, Tag.sequence, 'GeneralNames'))) {
    // directoryName [4] EXPLICIT Name (RFC 5280 §4.2.1.6)
    const inner = isContext(name, 4) ? children(name)[0] : undefined;
    if (inner) out.issuer = parseName(inner);
  }
  return out;
}

export type EssMatch = 'match' | 'hash-mismatch' | 'issuer-serial-mismatch' | 'unsupported-hash';

/** Does the certificate match the ESSCertID (hash of the whole DER, and issuer/serial when given)? */
export function matchEssCertId(id: EssCertId, cert: ParsedCertificate): EssMatch {
  if (!id.hash) return 'unsupported-hash';
  if (!equalBytes(certificateDigest(cert, id.hash), id.certHash)) return 'hash-mismatch';
  if (id.issuerSerial) {
    if (id.issuerSerial.serialNumber !== cert.serialNumber) return 'issuer-serial-mismatch';
    if (id.issuerSerial.issuer && !sameName(id.issuerSerial.issuer, cert.issuer)) return 'issuer-serial-mismatch';
  }
  return 'match';
}

const certDigests = new WeakMap<ParsedCertificate, Map<HashName, Uint8Array>>();

/**
 * The certificate's digest for an ESSCertID, once per certificate and algorithm: the same signer's
 * certificate comes back with every signature. SHA-256 is its fingerprint already.
 */
function certificateDigest(cert: ParsedCertificate, hash: HashName): Uint8Array {
  let byHash = certDigests.get(cert);
  if (!byHash) certDigests.set(cert, (byHash = new Map()));
  let value = byHash.get(hash);
  if (!value) {
    value = hash === 'sha256' ? new Uint8Array(Buffer.from(cert.fingerprint, 'hex')) : digest(hash, cert.der);
    byHash.set(hash, value);
  }
  return value;
}
