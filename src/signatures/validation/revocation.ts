import { ParsedCertificate } from '../x509/certificate';
import { ParsedCrl, compareCrlNumbers } from '../x509/crl';
import { sameName } from '../x509/name';
import { verifyIssuerSignature } from './issuer-signature';

export type RevocationStatus =
  /** A full CRL from the issuer, current at the time, does not list the certificate. */
  | { kind: 'good'; crl: ParsedCrl }
  /** Listed with a revocation date at or before the time. */
  | { kind: 'revoked'; revocationDate: Date; reason?: string }
  /** Listed, but revoked only after the time. */
  | { kind: 'revoked-later'; revocationDate: Date; reason?: string; crl: ParsedCrl }
  /** The only full CRLs expired (nextUpdate) before the time: a fresh one is needed. */
  | { kind: 'stale'; nextUpdate: Date }
  /** No usable full CRL from the issuer (none, or delta CRLs only). */
  | { kind: 'unknown'; deltaOnly: boolean };

/**
 * Revocation status of `cert` at `time` from CRLs (RFC 5280 §6.3, simplified): only CRLs issued by
 * the certificate's issuer and signed with the issuer's key count (no indirect CRLs or distribution
 * point scoping). A delta CRL (§5.2.4) can show a revocation on its own; a "good" answer needs a full
 * CRL, and a removeFromCRL entry in a newer delta lifts a certificateHold.
 */
export function revocationStatus(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  crls: readonly ParsedCrl[],
  time: Date,
): RevocationStatus {
  return statusFromCrls(cert, applicableCrls(cert, issuer, crls), time);
}

/**
 * The CRLs that speak for `cert`: issued by its issuer under the issuer's key, in scope, signature
 * valid; oldest first. It does not depend on the time, so a validated chain keeps it (chain-cache.ts).
 */
export function applicableCrls(cert: ParsedCertificate, issuer: ParsedCertificate, crls: readonly ParsedCrl[]): ParsedCrl[] {
  return crls
    .filter((crl) => sameName(crl.issuer, cert.issuer))
    .filter(
      (crl) => !crl.authorityKeyId || !issuer.extensions.subjectKeyId || keyIdsMatch(crl.authorityKeyId, issuer.extensions.subjectKeyId),
    )
    .filter((crl) => crl.unhandledCritical.length === 0 && inScope(crl, cert))
    .filter((crl) => verifyIssuerSignature(crl, issuer) === 'valid')
    .sort((a, b) => compareCrlNumbers(a.crlNumber, b.crlNumber) || a.thisUpdate.getTime() - b.thisUpdate.getTime());
}

/** The status at `time` from the applicable CRLs (applicableCrls, oldest first). */
export function statusFromCrls(cert: ParsedCertificate, usable: readonly ParsedCrl[], time: Date): RevocationStatus {
  // newest listing wins: a later delta may remove a certificateHold
  let listing: { date: Date; reason?: string; crl: ParsedCrl } | undefined;
  for (const crl of usable) {
    const entry = crl.entries.get(cert.serialNumber);
    if (!entry) continue;
    if (entry.reason === 'removeFromCRL') listing = undefined;
    else listing = { date: entry.revocationDate, crl, ...(entry.reason ? { reason: entry.reason } : {}) };
  }
  if (listing) {
    const reason = listing.reason ? { reason: listing.reason } : {};
    if (listing.date.getTime() <= time.getTime()) return { kind: 'revoked', revocationDate: listing.date, ...reason };
    return { kind: 'revoked-later', revocationDate: listing.date, crl: listing.crl, ...reason };
  }
  const full = usable.filter((crl) => crl.deltaBase === undefined && !crl.scope?.someReasonsOnly);
  if (full.length === 0) return { kind: 'unknown', deltaOnly: usable.length > 0 };
  // informative for `time` when issued after it, or still current at it
  const current = full.filter(
    (crl) => crl.thisUpdate.getTime() >= time.getTime() || !crl.nextUpdate || crl.nextUpdate.getTime() >= time.getTime(),
  );
  const newest = (current.length ? current : full)[(current.length ? current : full).length - 1] as ParsedCrl;
  if (!current.length && newest.nextUpdate) return { kind: 'stale', nextUpdate: newest.nextUpdate };
  return { kind: 'good', crl: newest };
}

/** issuingDistributionPoint scoping (RFC 5280 §5.2.5); indirect CRLs are not supported. */
function inScope(crl: ParsedCrl, cert: ParsedCertificate): boolean {
  const scope = crl.scope;
  if (!scope) return true;
  if (scope.indirect || scope.onlyAttributeCerts) return false;
  const isCa = cert.extensions.basicConstraints?.ca === true;
  return !(scope.onlyUserCerts && isCa) && !(scope.onlyCaCerts && !isCa);
}

function keyIdsMatch(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}
