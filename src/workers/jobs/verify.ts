import { verifySignaturesSync, type RevocationPolicy, type SignatureVerificationResult, type TrustStore } from '../../signatures';

/** When and how strictly a verification judges: plain values, so a worker thread can be told them. */
export interface VerifyTerms {
  /** The hub's clock when the input arrived (ms since the epoch). */
  nowMs: number;
  /** Validate as of this instant instead (ms since the epoch). */
  atMs?: number;
  revocation: RevocationPolicy;
}

/** One CMS container against the hub's trust (src/signatures/verify.ts): the same on either thread. */
export function verifyContainer(input: { signature: Uint8Array; content?: Uint8Array }, trust: TrustStore, terms: VerifyTerms): SignatureVerificationResult {
  return verifySignaturesSync(
    { signature: input.signature, ...(input.content ? { content: input.content } : {}) },
    { trust, now: () => new Date(terms.nowMs), revocation: terms.revocation, ...(terms.atMs !== undefined ? { at: new Date(terms.atMs) } : {}) },
  );
}
