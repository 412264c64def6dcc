import { CmsSignerInfo, SignerIdentifier } from '../cms/signer-info';
import { EssCertId, SigningCertificateReference, matchEssCertId } from '../cms/signing-certificate';
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
export function identifySigningCertificate(
  signer: CmsSignerInfo,
  pool: CertificatePool,
  /** The signer's signing-certificate(-v2) attribute, as readSignedAttributes read it. */
  reference: SigningCertificateReference | undefined,
): SigningCertificateIdentification {
  const ids = reference?.ids;
  // The answer depends on the pool, the sid and the ESSCertIDs only, none of it on time. A returning
  // signer brings the same pool (carried-cache.ts), sid and ids objects (both read once per encoding):
  // answered once (issue 16).
  let bySid = identified.get(pool);
  if (!bySid) identified.set(pool, (bySid = new Map()));
  const known = bySid.get(signer.sid);
  let outcome: Outcome;
  if (known && known.ids === ids) outcome = known.outcome;
  else {
    outcome = identify(signer, ids?.[0], pool);
    if (known || bySid.size < MAX_SIGNERS_PER_POOL) bySid.set(signer.sid, { ids, outcome });
  }
  switch (outcome.status) {
    case 'not-found':
      return outcome;
    case 'not-bound':
      return outcome;
    case 'found':
      return outcome.bound && reference
        ? { status: 'found', certificate: outcome.certificate, reference }
        : { status: 'found', certificate: outcome.certificate };
  }
}

type Outcome =
  | { status: 'found'; certificate: ParsedCertificate; bound: boolean }
  | { status: 'not-found' }
  | { status: 'not-bound'; certificate: ParsedCertificate; detail: 'hash-mismatch' | 'issuer-serial-mismatch' | 'unsupported-hash' };

const identified = new WeakMap<CertificatePool, Map<SignerIdentifier, { ids: EssCertId[] | undefined; outcome: Outcome }>>();
/** A pool shared by verifications serves the signers of one certificate set: one or two. */
const MAX_SIGNERS_PER_POOL = 16;

function identify(signer: CmsSignerInfo, id: EssCertId | undefined, pool: CertificatePool): Outcome {
  const candidates =
    signer.sid.kind === 'issuerAndSerialNumber'
      ? pool.byIssuerAndSerial(signer.sid.issuer, signer.sid.serialNumber)
      : pool.bySubjectKeyId(signer.sid.keyId);
  const first = candidates[0];
  if (!first) return { status: 'not-found' };
  if (!id) return { status: 'found', certificate: first, bound: false };
  let mismatch: 'hash-mismatch' | 'issuer-serial-mismatch' | 'unsupported-hash' = 'hash-mismatch';
  for (const certificate of candidates) {
    const match = matchEssCertId(id, certificate);
    if (match === 'match') return { status: 'found', certificate, bound: true };
    mismatch = match;
  }
  return { status: 'not-bound', certificate: first, detail: mismatch };
}
