import { OID } from '../oids';
import { ParsedCertificate } from './certificate';

/** What a certificate's QCStatements claim (ETSI EN 319 412-5 §4.2, and the Ukrainian statement). */
export interface QcClaims {
  /** esi4-qcStatement-1: issued as a qualified certificate. */
  qcCompliance: boolean;
  /** esi4-qcStatement-4: the private key is in a qualified signature/seal creation device. */
  qcSscd: boolean;
  /** 1.2.804.2.1.1.1.2.1: qualified (formerly "посилений") certificate under Ukrainian law. */
  uaQualified: boolean;
  /** esi4-qcStatement-6 types: esign, eseal, web. */
  qcTypes: ('esign' | 'eseal' | 'web' | string)[];
  /** The certificate claims to be qualified: QcCompliance or the Ukrainian statement. */
  certificateQualified: boolean;
}

const QC_TYPE_NAMES: Record<string, string> = {
  [OID.qcTypeEsign]: 'esign',
  [OID.qcTypeEseal]: 'eseal',
  [OID.qcTypeWeb]: 'web',
};

const claimed = new WeakMap<ParsedCertificate, QcClaims>();

/** What the certificate claims, read once per parsed certificate (the same signers come back); callers only read it. */
export function qcClaims(cert: ParsedCertificate): QcClaims {
  let claims = claimed.get(cert);
  if (!claims) claimed.set(cert, (claims = readQcClaims(cert)));
  return claims;
}

function readQcClaims(cert: ParsedCertificate): QcClaims {
  const ids = new Set(cert.extensions.qcStatements.map((s) => s.id));
  const qcTypes = cert.extensions.qcStatements.flatMap((s) => s.qcTypes ?? []).map((t) => QC_TYPE_NAMES[t] ?? t);
  const qcCompliance = ids.has(OID.qcCompliance);
  const uaQualified = ids.has(OID.qcUkrainian);
  return {
    qcCompliance,
    qcSscd: ids.has(OID.qcSscd),
    uaQualified,
    qcTypes,
    certificateQualified: qcCompliance || uaQualified,
  };
}
