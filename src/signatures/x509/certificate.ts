import { hash } from 'node:crypto';
import { Asn1Error, Tag, Tlv, bitStringBytes, children, expectUniversal, integerHex, isContext, parseTlv, timeValue } from '../asn1/der';
import { Lru } from '../cache/lru';
import { AlgorithmIdentifier, parseAlgorithmIdentifier } from './algorithm-identifier';
import { DistinguishedName, parseName } from './name';
import { CertificateExtensions, parseExtensions } from './extensions';

/** An X.509 v3 certificate (RFC 5280 §4.1) with the exact bytes the checks need. */
export interface ParsedCertificate {
  der: Uint8Array;
  /** The to-be-signed part, as encoded: what the issuer signed. */
  tbsDer: Uint8Array;
  serialNumber: string;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  /** DER SubjectPublicKeyInfo. */
  spki: Uint8Array;
  publicKeyAlgorithm: AlgorithmIdentifier;
  signatureAlgorithm: AlgorithmIdentifier;
  /** BIT STRING contents of the issuer's signature. */
  signatureValue: Uint8Array;
  extensions: CertificateExtensions;
  /** Hex SHA-256 of the DER: the identity used across the verifier. */
  fingerprint: string;
  selfIssued: boolean;
}

export function parseCertificate(der: Uint8Array): ParsedCertificate {
  // Read from our own copy: parts of it (the signature value, extension values) stay views into
  // what is parsed, and a cached certificate must not see the caller's buffer change or keep a
  // whole signature container alive.
  const bytes = Uint8Array.from(der);
  const top = parseTlv(bytes);
  const [tbs, sigAlg, sig] = children(expectUniversal(top, Tag.sequence, 'Certificate'));
  const tbsParts = children(expectUniversal(tbs, Tag.sequence, 'TBSCertificate'));
  let i = 0;
  if (tbsParts[0] && isContext(tbsParts[0], 0)) i++; // [0] EXPLICIT version
  const serial = tbsParts[i++];
  const innerSigAlg = tbsParts[i++];
  const issuer = tbsParts[i++];
  const validity = tbsParts[i++];
  const subject = tbsParts[i++];
  const spki = tbsParts[i++];
  if (!serial || !innerSigAlg || !issuer || !validity || !subject || !spki) {
    throw new Asn1Error('TBSCertificate: missing fields');
  }
  const [notBefore, notAfter] = children(expectUniversal(validity, Tag.sequence, 'Validity'));
  if (!notBefore || !notAfter) throw new Asn1Error('Validity: missing times');
  let extensionsTlv: Tlv | undefined;
  for (const rest of tbsParts.slice(i)) {
    if (isContext(rest, 3)) extensionsTlv = children(rest)[0];
  }
  const [spkiAlg] = children(expectUniversal(spki, Tag.sequence, 'SubjectPublicKeyInfo'));
  const issuerName = parseName(issuer);
  const subjectName = parseName(subject);
  return {
    der: bytes,
    tbsDer: Uint8Array.from((tbs as Tlv).raw),
    serialNumber: integerHex(serial),
    issuer: issuerName,
    subject: subjectName,
    notBefore: timeValue(notBefore),
    notAfter: timeValue(notAfter),
    spki: Uint8Array.from(spki.raw),
    publicKeyAlgorithm: parseAlgorithmIdentifier(spkiAlg, 'SubjectPublicKeyInfo.algorithm'),
    signatureAlgorithm: parseAlgorithmIdentifier(sigAlg, 'Certificate.signatureAlgorithm'),
    signatureValue: bitStringBytes(expectUniversal(sig, Tag.bitString, 'Certificate.signature')),
    extensions: parseExtensions(extensionsTlv),
    fingerprint: sha256Hex(bytes),
    selfIssued: issuerName.key === subjectName.key,
  };
}

const parsed = new Lru<string, ParsedCertificate>(4096);

/**
 * parseCertificate with a process-wide cache: the same CA and signer certificates arrive again and
 * again, and a cached instance also keeps its imported public key warm. Looked up by the length and
 * the last 48 bytes (the issuer's signature value, unique to the certificate) and confirmed by
 * comparing every byte, which costs a third of hashing the DER (issue 16); a certificate crafted
 * to share them only replaces the entry.
 */
export function parseCertificateCached(der: Uint8Array): ParsedCertificate {
  const key = `${der.length}:${Buffer.from(der.buffer, der.byteOffset + Math.max(0, der.length - 48), Math.min(48, der.length)).toString('latin1')}`;
  const hit = parsed.get(key);
  if (hit && Buffer.from(hit.der.buffer, hit.der.byteOffset, hit.der.byteLength).equals(der)) return hit;
  const cert = parseCertificate(der);
  parsed.set(key, cert);
  return cert;
}

/** One-shot crypto.hash (Node ≥ 20.12): 0.9 µs on a certificate's kilobyte where createHash().update().digest() takes 1.5 µs. */
export function sha256Hex(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

/** Is `at` inside [notBefore, notAfter] (RFC 5280 §4.1.2.5, both ends inclusive)? */
export function validAt(cert: ParsedCertificate, at: Date): boolean {
  return cert.notBefore.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.getTime();
}
