import { bytesKey, sameBytes } from '../cache/bytes-key';
import { Lru } from '../cache/lru';
import { CmsSignedData } from '../cms/signed-data';
import { CertificatePool } from '../trust/certificate-pool';
import { TrustStore } from '../trust/trust-store';
import { ParsedCertificate, parseCertificateCached } from '../x509/certificate';
import { ParsedCrl, parseCrlCached } from '../x509/crl';
import { CarriedObjects, ValidatedChain, validatedChain } from './chain-cache';

/**
 * What a verification makes of the certificates and CRLs a signature carries, on top of a trust
 * store (issue 16). A signer sends the same certificates with every signature, so the same bytes
 * come back again and again: they are parsed, indexed and keyed for the validated-chain cache once.
 *
 * Nothing here depends on the validation time (the validity periods and CRL times are judged by
 * every verification at its own time, certificate-status.ts). Every part is shared by the
 * verifications that meet the same bytes: callers only read it, the pool included.
 */
export interface CarriedSet {
  /** The carried certificates over the trust store's. */
  pool: CertificatePool;
  /** The trust store's CRLs, then the carried ones. */
  crls: ParsedCrl[];
  /** The carried objects as the validated-chain cache keys them. */
  carried: CarriedObjects;
  /** Carried certificates and CRLs that could not be read (and are ignored). */
  unreadable: number;
  /** The validated chain of each signing certificate met with these objects (validatedChain's answer, kept here). */
  chainOf(cert: ParsedCertificate): ValidatedChain;
}

/** Per trust store, as the chain cache; a few hundred signers' certificate sets. */
export const CARRIED_CACHE_SIZE = 1024;
/** Real sets are a few kilobytes; larger ones (hostile input) are read every time, not kept. */
const MAX_KEPT_BYTES = 64 * 1024;
/** Signing certificates remembered per set: one or two in practice (a set may serve several signers). */
const MAX_CHAINS_PER_SET = 8;

interface Entry {
  bytes: Uint8Array;
  set: CarriedSet;
}

/** One cache per TrustStore (immutable; a CRL refresh makes a new store and so a new cache), as chain-cache.ts. */
const caches = new WeakMap<TrustStore, Lru<number, Entry>>();

/** The carried objects of `signedData` over `trust`: made once per trust store and identical bytes. */
export function carriedSet(signedData: CmsSignedData, trust: TrustStore): CarriedSet {
  const bytes = signedData.carriedBytes;
  if (bytes.length > MAX_KEPT_BYTES) return readCarried(signedData, trust);
  let cache = caches.get(trust);
  if (!cache) caches.set(trust, (cache = new Lru(CARRIED_CACHE_SIZE)));
  const key = bytesKey(bytes); // the length and the last object's own signature
  const known = cache.get(key);
  if (known && sameBytes(known.bytes, bytes)) return known.set;
  // A copy: the entry must not see the caller's buffer change, nor keep a whole container alive.
  const set = readCarried(signedData, trust);
  cache.set(key, { bytes: Uint8Array.from(bytes), set }); // a rare clash of keys only replaces the entry
  return set;
}

function readCarried(signedData: CmsSignedData, trust: TrustStore): CarriedSet {
  const pool = new CertificatePool([], trust.pool);
  const crls: ParsedCrl[] = [...trust.crls];
  let unreadable = 0;
  /** Each object read and kept; what cannot be read is counted and ignored. Their fingerprints, in order. */
  const read = <T extends { fingerprint: string }>(ders: readonly Uint8Array[], parse: (der: Uint8Array) => T, keep: (obj: T) => void): string[] =>
    ders.flatMap((der) => {
      try {
        const obj = parse(der);
        keep(obj);
        return [obj.fingerprint];
      } catch {
        unreadable++;
        return [];
      }
    });
  const certificates = read(signedData.certificates, parseCertificateCached, (cert) => pool.add(cert));
  const carriedCrls = read(signedData.crls, parseCrlCached, (crl) => crls.push(crl));
  const carried = { certificates, crls: carriedCrls };
  const chains = new Map<ParsedCertificate, ValidatedChain>();
  return {
    pool,
    crls,
    carried,
    unreadable,
    chainOf(cert) {
      let chain = chains.get(cert);
      if (!chain) {
        chain = validatedChain(cert, pool, trust, crls, carried);
        if (chains.size < MAX_CHAINS_PER_SET) chains.set(cert, chain);
      }
      return chain;
    },
  };
}
