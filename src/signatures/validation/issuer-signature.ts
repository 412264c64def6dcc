import { resolveSignatureAlgorithm } from '../crypto/algorithms';
import { importPublicKey } from '../crypto/public-key';
import { verifySignatureValue } from '../crypto/verify-signature';
import { AlgorithmIdentifier } from '../x509/algorithm-identifier';
import { ParsedCertificate } from '../x509/certificate';

/** Something an issuer signs: a certificate's TBSCertificate or a CRL's TBSCertList (RFC 5280 §4.1.1.3, §5.1.1.3). */
export interface SignedObject {
  tbsDer: Uint8Array;
  signatureAlgorithm: AlgorithmIdentifier;
  signatureValue: Uint8Array;
  fingerprint: string;
}

export type IssuerSignatureResult = 'valid' | 'invalid' | 'unsupported';

const MAX_CACHE = 20_000;
const cache = new Map<string, IssuerSignatureResult>();

/**
 * Verifies an issuer's signature on a certificate or CRL. Any algorithm the verifier implements is
 * accepted here, SHA-1 included: the allow-list of the signature policy applies to the signer's own
 * signature, while CA certificates signed long ago with SHA-1 still chain (EU DSS does the same
 * with its default policy dates). Results are cached: they depend only on the two encodings.
 */
export function verifyIssuerSignature(object: SignedObject, issuer: ParsedCertificate): IssuerSignatureResult {
  const key = `${object.fingerprint}:${issuer.fingerprint}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = compute(object, issuer);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, result);
  return result;
}

function compute(object: SignedObject, issuer: ParsedCertificate): IssuerSignatureResult {
  const resolved = resolveSignatureAlgorithm(object.signatureAlgorithm);
  if (!resolved.ok) return 'unsupported';
  let key;
  try {
    key = importPublicKey(issuer.spki);
  } catch {
    return 'unsupported';
  }
  const outcome = verifySignatureValue(key, resolved.algorithm, object.tbsDer, object.signatureValue);
  if (outcome.valid) return 'valid';
  return outcome.reason === 'invalid' ? 'invalid' : 'unsupported';
}
