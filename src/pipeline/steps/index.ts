export { signatureStep, toRows as signatureRows } from './signatures';
export type { SignatureFinding, SignatureStepOptions } from './signatures';
export { loadSignatureSettings } from './signature-setup';
export type { SignatureSettings } from './signature-setup';
export { loadSignaturePolicy, ruleFor, decide, DEFAULT_SIGNATURE_POLICY_FILE } from './signature-policy';
