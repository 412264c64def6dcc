/**
 * The verification report: plain JSON (strings, numbers, booleans, null), shaped after
 * ETSI EN 319 102-1 §4 / EU DSS simple report. Dates are ISO 8601 UTC strings.
 */
import type { SignerIdentity } from './x509/signer-identity';

export type { SignerIdentity };

/** EN 319 102-1 §5.1.3 main status indication. */
export type Indication = 'TOTAL-PASSED' | 'TOTAL-FAILED' | 'INDETERMINATE';

/** EN 319 102-1 §5.1.3 Table 5 sub-indications, with EU DSS names. */
export type SubIndication =
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'REVOKED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'SIGNED_DATA_NOT_FOUND'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'REVOKED_NO_POE'
  | 'REVOKED_CA_NO_POE'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'TRY_LATER';

/** The checks reported for every signature, in evaluation order. */
export type CheckId =
  | 'structure'
  | 'signing-certificate'
  | 'message-digest'
  | 'signature-value'
  | 'algorithms'
  | 'signature-timestamp'
  | 'content-timestamp'
  | 'chain'
  | 'validity'
  | 'revocation'
  | 'key-usage'
  | 'qualified';

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped';

export interface SignatureCheck {
  id: CheckId;
  /** false only for status 'failed'. */
  passed: boolean;
  status: CheckStatus;
  message: string;
  messageUk: string;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** Upper-case hex. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** Hex SHA-256 of the certificate DER. */
  sha256: string;
  /** The certificate is in the trust store. */
  trusted: boolean;
}

export interface TimestampReport {
  /** RFC 3161 TSTInfo.genTime. */
  genTime: string;
  policy: string;
  /** Subject of the TSA certificate, when found. */
  tsa: string | null;
  /** Imprint, TSA signature and TSA certificate all check out. */
  valid: boolean;
  message: string;
  messageUk: string;
}

/** DSS-like qualification: QES needs a qualified certificate on a QSCD from a qualified provider. */
export type QualificationLevel = 'QES' | 'AdES-QC' | 'AdES' | 'INDETERMINATE' | 'NOT_ADES';

export interface QualificationReport {
  level: QualificationLevel;
  /** Qualified certificate (by its statements) chaining to a qualified provider, whatever the signature's fate. */
  certificateQualified: boolean;
  /** QcCompliance (0.4.0.1862.1.1) or the Ukrainian statement (1.2.804.2.1.1.1.2.1). */
  qcCompliance: boolean;
  uaQualified: boolean;
  /** QcSSCD (0.4.0.1862.1.4). */
  qscd: boolean;
  qcTypes: string[];
  /** The chain ends at a trust anchor listed as a qualified provider. */
  providerQualified: boolean;
}

export type SignatureFormat = 'CMS' | 'CAdES-BES' | 'CAdES-T';

export interface SignatureReport {
  /** Position of the SignerInfo in the SignedData. */
  index: number;
  indication: Indication;
  subIndication: SubIndication | null;
  format: SignatureFormat;
  /** КЕП: the signature is TOTAL-PASSED and its certificate is qualified and from a qualified provider. */
  qualified: boolean;
  qualification: QualificationReport;
  signer: SignerIdentity;
  /** Claimed signing time (signed attribute), informative only. */
  signingTime: string | null;
  /** The signature time-stamp (CAdES-T), when present. */
  timestamp: TimestampReport | null;
  contentTimestamp: TimestampReport | null;
  /** The earliest proof of existence of the signature, else the validation time (EN 319 102-1 §5.6.2.4). */
  bestSignatureTime: string;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** Signer first, trust anchor (or last certificate found) last. */
  chain: CertificateSummary[];
  checks: SignatureCheck[];
}

export interface SignatureVerificationResult {
  /** The worst indication among the signatures (TOTAL-FAILED for an unreadable container). */
  indication: Indication;
  subIndication: SubIndication | null;
  validationTime: string;
  /** Attached content found in the container, or detached content supplied. */
  contentProvided: boolean;
  detached: boolean;
  /** How the container arrived: DER, PEM, base64 text or a tax-office transport container. */
  encoding: 'DER' | 'PEM' | 'base64' | 'transport' | null;
  /** Container-level checks (structure). */
  checks: SignatureCheck[];
  signatures: SignatureReport[];
}
