/**
 * Qualified electronic signature (КЕП) verification: CMS / CAdES-BES and CAdES-T with DSTU 4145,
 * ECDSA and RSA, reported ETSI EN 319 102-1 style (indication, sub-indication, checks).
 *
 * Libraries: DER/BER structure with our own reader (asn1/der.ts, exact bytes kept for hashing);
 * extension contents and TSTInfo with @peculiar/asn1-*; RSA, RSA-PSS and ECDSA with Node's crypto;
 * DSTU 4145 and GOST 34.311 with ./dstu4145.
 */
export { verifySignatures, verifySignaturesSync } from './verify';
export type { VerifyInput, VerifyOptions } from './verify';
export { loadTrustStore } from './trust/load-trust-store';
export type { TrustStoreSources } from './trust/load-trust-store';
export { TrustStore, createTrustStore } from './trust/trust-store';
export type { TrustAnchor, TrustStoreAdditions } from './trust/trust-store';
export { SignatureError } from './errors';
export { INDICATION_TEXT, SUB_INDICATION_TEXT } from './indication-text';
export { renderReportUk } from './render-text';
export type { SignatureErrorCode } from './errors';
export type { RevocationPolicy } from './validation/signer-context';
export type {
  CertificateSummary,
  CheckId,
  CheckStatus,
  Indication,
  QualificationLevel,
  QualificationReport,
  SignatureCheck,
  SignatureFormat,
  SignatureReport,
  SignatureVerificationResult,
  SignerIdentity,
  SubIndication,
  TimestampReport,
} from './report';
