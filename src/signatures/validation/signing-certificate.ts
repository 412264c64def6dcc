import { CmsSignerInfo } from '../cms/signer-info';
import { SigningCertificateReference, matchEssCertId, readSigningCertificate } from '../cms/signing-certificate';
import { CertificatePool } from '../trust/certificate-pool';
import { ParsedCertificate } from '../x509/certificate';

export type SigningCertificateIdentification =
  | { status: 'found'; certificate: ParsedCertificate; reference?: SigningCertificateReference }
  | { status: 'not-found' }
  | { status: 'not-bound'; certificate: ParsedCertificate; detail: 'hash-mismatch' | 'issuer-serial-mismatch' | 'unsupported-hash' };

/**
 * EN 319 102-1 §5.2.3 identification of the signing certificate: the SignerInfo sid (RFC 5652 §5.3)
 * points at candidates in the signature and the trust store; the signing-certificate(-v2) attribute
 * (ETSI EN 319 122-1 §5.2.2) must then match the certificate's hash and issuer/serial.
 */
export function identifySigningCertificate(signer: CmsSignerInfo, pool: CertificatePool): SigningCertificateIdentification {
  const candidates =
    signer.sid.kind === 'issuerAndSerialNumber'
      ? pool.byIssuerAndSerial(signer.sid.issuer, signer.sid.serialNumber)
      : pool.bySubjectKeyId(signer.sid.keyId);
  const first = candidates[0];
  if (!first) return { status: 'not-found' };
  const reference = signer.signedAttributes ? readSigningCertificate(signer.signedAttributes.attributes) : undefined;
  const id = reference?.ids[0];
  if (!reference || !id) return { status: 'found', certificate: first };
  let mismatch: 'hash-mismatch' | 'issuer-serial-mismatch' | 'unsupported-hash' = 'hash-mismatch';
  for (const certificate of candidates) {
    const match = matchEssCertId(id, certificate);
    if (match === 'match') return { status: 'found', certificate, reference };
    mismatch = match;
  }
  return { status: 'not-bound', certificate: first, detail: mismatch };
}
