/** Failures of the verifier's inputs that are not a verdict on a signature: a stable `code` for callers. */
export type SignatureErrorCode =
  /** verifySignatures was called with something that is not bytes. */
  | 'SIGNATURE_INPUT_INVALID'
  /** A trust-store or CRL file or directory cannot be read. */
  | 'TRUST_SOURCE_UNREADABLE'
  /** A trust-store or CRL file is not a certificate, bundle or CRL. */
  | 'TRUST_SOURCE_INVALID';

export class SignatureError extends Error {
  constructor(
    readonly code: SignatureErrorCode,
    message: string,
    readonly messageUk: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SignatureError';
  }
}
