import { Lru } from '../cache/lru';
import { CertificatePool } from '../trust/certificate-pool';
import { TrustStore } from '../trust/trust-store';
import { ParsedCertificate } from '../x509/certificate';
import { ParsedCrl } from '../x509/crl';
import { ChainResult, buildChain } from './chain';
import { applicableCrls } from './revocation';

/**
 * A signer certificate's path to a trust anchor and, for each link, the CRLs that apply to it
 * (issue 16): what a verification of the same signer needs again and again, none of it depending
 * on the validation time. Callers only read it.
 */
export interface ValidatedChain {
  chain: ChainResult;
  /** linkCrls[i]: the CRLs applicable to chain.certificates[i] as issued by [i + 1], oldest first (revocation.ts). */
  linkCrls: ParsedCrl[][];
}

/** What a verification adds to the trust store: the certificates and CRLs its signature carries. */
export interface CarriedObjects {
  /** Fingerprints of the certificates the signature carries, in their order (they order the candidate issuers). */
  certificates: readonly string[];
  /** Fingerprints of the CRLs the signature carries. */
  crls: readonly string[];
}

/** Chains per signer and carried objects, per trust store; a few thousand signers is a few megabytes. */
export const CHAIN_CACHE_SIZE = 2048;

/**
 * One cache per TrustStore. A store is immutable (`with()` makes a copy) and holds its anchors and
 * CRLs for its whole life, so a CRL refresh, which makes a new store, starts with an empty cache
 * and the old store's entries go with it. The key then names everything else buildChain and the
 * CRL look-ups read: the signer certificate (SHA-256 of its DER) and the certificates and CRLs the
 * signature carries, in their order.
 *
 * Nothing here depends on the validation time: the validity periods and the CRLs' thisUpdate /
 * nextUpdate are judged by every verification at its own time (certificate-status.ts), so an
 * entry is never used to answer for a time it was not checked at, and an expired CRL is seen as
 * expired (TRY_LATER) the moment the time passes its nextUpdate.
 */
const caches = new WeakMap<TrustStore, Lru<string, ValidatedChain>>();

export function validatedChain(
  cert: ParsedCertificate,
  pool: CertificatePool,
  trust: TrustStore,
  crls: readonly ParsedCrl[],
  carried: CarriedObjects,
): ValidatedChain {
  let cache = caches.get(trust);
  if (!cache) caches.set(trust, (cache = new Lru(CHAIN_CACHE_SIZE)));
  const key = `${cert.fingerprint}|${carried.certificates.join(',')}|${carried.crls.join(',')}`;
  return cache.memo(key, () => {
    const chain = buildChain(cert, pool, trust);
    const path = chain.certificates;
    const linkCrls: ParsedCrl[][] = [];
    if (chain.status !== 'no-chain') {
      for (let i = 0; i + 1 < path.length; i++) linkCrls.push(applicableCrls(path[i] as ParsedCertificate, path[i + 1] as ParsedCertificate, crls));
    }
    return { chain, linkCrls };
  });
}
