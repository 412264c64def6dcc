import { Indication, SubIndication } from '../report';
import { TimestampStatus } from './timestamp';

/** The facts of one signature's validation, from which the indication follows. */
export interface ValidationFacts {
  formatFailure: boolean;
  /** messageDigest does not match the content. */
  hashFailure: boolean;
  /** The content of a detached signature was not supplied. */
  contentMissing: boolean;
  signingCertificate: 'found' | 'not-found' | 'not-bound';
  signatureValue: 'valid' | 'invalid' | 'not-checked';
  /** Allow-list: 'forbidden' = known but not allowed (or mismatched), 'unsupported' = cannot be verified here. */
  algorithms: 'allowed' | 'forbidden' | 'unsupported';
  signatureTimestamp?: TimestampStatus;
  chain: 'trusted' | 'no-chain' | 'constraints' | 'not-checked';
  /** Certificates outside their validity at the best signature time; `beforeIssuance` with a POE before notBefore. */
  validity: 'valid' | 'out-of-bounds' | 'not-yet-valid' | 'not-checked';
  revocation: 'good' | 'not-checked' | 'revoked' | 'revoked-no-poe' | 'revoked-ca' | 'try-later';
  keyUsage: 'ok' | 'not-allowed' | 'not-checked';
}

export interface Verdict {
  indication: Indication;
  subIndication: SubIndication | null;
}

/**
 * ETSI EN 319 102-1 §5.3 (basic validation) and §5.5/§5.6.2.4 (validation with time), in order of
 * precedence: a cryptographically broken signature is TOTAL-FAILED whatever is known of its chain;
 * then what is missing to decide (INDETERMINATE); then certificate status.
 *
 * Stricter than §5.5 on one point: a signature time-stamp whose imprint or signature is broken makes
 * the signature TOTAL-FAILED (HASH_FAILURE / SIG_CRYPTO_FAILURE) instead of being silently ignored,
 * since a forged attribute on a document is reason enough for quarantine.
 */
export function verdict(f: ValidationFacts): Verdict {
  if (f.formatFailure) return failed('FORMAT_FAILURE');
  if (f.hashFailure) return failed('HASH_FAILURE');
  if (f.signatureValue === 'invalid') return failed('SIG_CRYPTO_FAILURE');
  if (f.algorithms === 'forbidden') return failed('CRYPTO_CONSTRAINTS_FAILURE');
  if (f.signatureTimestamp === 'hash-failure') return failed('HASH_FAILURE');
  if (f.signatureTimestamp === 'sig-crypto-failure') return failed('SIG_CRYPTO_FAILURE');
  if (f.signatureTimestamp === 'format-failure') return failed('FORMAT_FAILURE');
  if (f.revocation === 'revoked') return failed('REVOKED');
  if (f.validity === 'not-yet-valid') return failed('NOT_YET_VALID');

  if (f.signingCertificate !== 'found') return indeterminate('NO_SIGNING_CERTIFICATE_FOUND');
  if (f.contentMissing) return indeterminate('SIGNED_DATA_NOT_FOUND');
  if (f.algorithms === 'unsupported') return indeterminate('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
  if (f.chain === 'no-chain' || f.chain === 'not-checked') return indeterminate('NO_CERTIFICATE_CHAIN_FOUND');
  if (f.chain === 'constraints') return indeterminate('CHAIN_CONSTRAINTS_FAILURE');
  if (f.revocation === 'revoked-no-poe') return indeterminate('REVOKED_NO_POE');
  if (f.revocation === 'revoked-ca') return indeterminate('REVOKED_CA_NO_POE');
  if (f.validity === 'out-of-bounds') return indeterminate('OUT_OF_BOUNDS_NO_POE');
  if (f.revocation === 'try-later') return indeterminate('TRY_LATER');
  if (f.keyUsage === 'not-allowed') return indeterminate('CHAIN_CONSTRAINTS_FAILURE');
  return { indication: 'TOTAL-PASSED', subIndication: null };
}

function failed(subIndication: SubIndication): Verdict {
  return { indication: 'TOTAL-FAILED', subIndication };
}

function indeterminate(subIndication: SubIndication): Verdict {
  return { indication: 'INDETERMINATE', subIndication };
}

const RANK: Record<Indication, number> = { 'TOTAL-PASSED': 0, INDETERMINATE: 1, 'TOTAL-FAILED': 2 };

/** The worst of several verdicts (the container's overall result). */
export function worst(verdicts: Verdict[]): Verdict {
  let out: Verdict = { indication: 'TOTAL-PASSED', subIndication: null };
  for (const v of verdicts) if (RANK[v.indication] > RANK[out.indication]) out = v;
  return out;
}
