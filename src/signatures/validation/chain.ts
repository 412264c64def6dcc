import { CertificatePool } from '../trust/certificate-pool';
import { TrustAnchor, TrustStore } from '../trust/trust-store';
import { ParsedCertificate } from '../x509/certificate';
import { verifyIssuerSignature } from './issuer-signature';

export type ChainStatus =
  /** Every link verified up to a trust anchor. */
  | 'trusted'
  /** No issuer leads to a trust anchor. */
  | 'no-chain'
  /** A path to an anchor exists but a CA certificate on it may not issue certificates (RFC 5280 §6.1.4 (k)(n)). */
  | 'constraints';

export interface ChainResult {
  status: ChainStatus;
  /** Signer first, then issuers; up to the trust anchor when trusted, else as far as it went. */
  certificates: ParsedCertificate[];
  anchor?: TrustAnchor;
  /** Certificates above the anchor (its own issuers, for display only). */
  aboveAnchor: ParsedCertificate[];
  problem?: { en: string; uk: string };
}

const MAX_DEPTH = 10;

/**
 * Certification path building and signature verification (RFC 5280 §6.1, simplified: no policy or
 * name constraints). Depth-first over candidate issuers, trust anchors first. Validity periods and
 * revocation are checked by the caller at the best signature time.
 */
export function buildChain(leaf: ParsedCertificate, pool: CertificatePool, trust: TrustStore): ChainResult {
  let best: ParsedCertificate[] = [leaf];
  let brokenLink: { child: ParsedCertificate; issuer: ParsedCertificate } | undefined;

  const walk = (path: ParsedCertificate[]): ParsedCertificate[] | undefined => {
    const top = path[path.length - 1] as ParsedCertificate;
    const trusted = !!trust.anchor(top);
    // A trusted CA (or self-issued) certificate ends the path. A trusted end-entity certificate (a
    // signer or TSA placed in the trust directory) is still chained to its CA when possible, so the
    // CA's revocation information applies to it.
    if (trusted && (top.selfIssued || top.extensions.basicConstraints?.ca)) return path;
    if (path.length > best.length) best = path;
    if (path.length < MAX_DEPTH) {
      const candidates = pool.issuersOf(top).filter((c) => !path.includes(c));
      candidates.sort((a, b) => Number(!!trust.anchor(b)) - Number(!!trust.anchor(a)));
      for (const issuer of candidates) {
        const verdict = verifyIssuerSignature(top, issuer);
        if (verdict !== 'valid') {
          if (verdict === 'invalid') brokenLink = { child: top, issuer };
          continue;
        }
        const found = walk([...path, issuer]);
        if (found) return found;
      }
    }
    return trusted ? path : undefined;
  };

  const path = walk([leaf]);
  if (!path) {
    const top = best[best.length - 1] as ParsedCertificate;
    const problem = brokenLink
      ? {
          en: `the signature of "${brokenLink.issuer.subject.text}" on "${brokenLink.child.subject.text}" does not verify`,
          uk: `підпис «${brokenLink.issuer.subject.text}» на сертифікаті «${brokenLink.child.subject.text}» недійсний`,
        }
      : {
          en: `no trusted issuer found for "${top.issuer.text}"`,
          uk: `не знайдено довіреного видавця «${top.issuer.text}»`,
        };
    return { status: 'no-chain', certificates: best, aboveAnchor: [], problem };
  }
  const anchor = trust.anchor(path[path.length - 1] as ParsedCertificate) as TrustAnchor;
  const result: ChainResult = { status: 'trusted', certificates: path, anchor, aboveAnchor: extendAboveAnchor(anchor.certificate, pool) };
  const violation = caViolation(path, trust);
  if (violation) {
    result.status = 'constraints';
    result.problem = violation;
  }
  return result;
}

/** Issuing certificates below the anchor must be CAs allowed to sign certificates (RFC 5280 §4.2.1.3, §4.2.1.9). */
function caViolation(path: ParsedCertificate[], trust: TrustStore): { en: string; uk: string } | undefined {
  for (let i = 0; i < path.length; i++) {
    const cert = path[i] as ParsedCertificate;
    if (cert.extensions.unknownCritical.length) {
      return {
        en: `"${cert.subject.text}" has unsupported critical extensions ${cert.extensions.unknownCritical.join(', ')}`,
        uk: `сертифікат «${cert.subject.text}» має непідтримувані критичні розширення ${cert.extensions.unknownCritical.join(', ')}`,
      };
    }
    if (i === 0 || trust.anchor(cert)) continue;
    const bc = cert.extensions.basicConstraints;
    const ku = cert.extensions.keyUsage;
    if (!bc?.ca || (ku && !ku.includes('keyCertSign'))) {
      return {
        en: `"${cert.subject.text}" is not a CA certificate but issued another certificate`,
        uk: `сертифікат «${cert.subject.text}» не є сертифікатом ЦСК, але ним видано інший сертифікат`,
      };
    }
    if (bc.pathLen !== undefined && i - 1 > bc.pathLen) {
      return {
        en: `path length constraint of "${cert.subject.text}" exceeded`,
        uk: `перевищено обмеження довжини ланцюжка сертифіката «${cert.subject.text}»`,
      };
    }
  }
  return undefined;
}

function extendAboveAnchor(anchor: ParsedCertificate, pool: CertificatePool): ParsedCertificate[] {
  const out: ParsedCertificate[] = [];
  let top = anchor;
  while (!top.selfIssued && out.length < MAX_DEPTH) {
    const issuer = pool.issuersOf(top).find((c) => c !== top && !out.includes(c) && verifyIssuerSignature(top, c) === 'valid');
    if (!issuer) break;
    out.push(issuer);
    top = issuer;
  }
  return out;
}
