import { expect } from 'chai';
import { SignatureReport, SignatureVerificationResult, TrustStore, VerifyOptions, verifySignatures } from '../../../src/signatures';
import { pki } from './fixture';

export const DOCUMENT = Buffer.from('Розпорядження міського голови № 42 від 23.11.2026\nПро затвердження номенклатури справ\n', 'utf8');

/** Verifies with the test PKI's trust store and clock unless told otherwise. */
export async function verify(
  signature: Uint8Array,
  content?: Uint8Array,
  options: Partial<VerifyOptions> & { trust?: TrustStore } = {},
): Promise<SignatureVerificationResult> {
  const p = pki();
  return verifySignatures(
    { signature, ...(content ? { content } : {}) },
    { trust: options.trust ?? p.trust, now: () => p.now, ...options },
  );
}

export function only(result: SignatureVerificationResult): SignatureReport {
  expect(result.signatures).to.have.length(1);
  return result.signatures[0] as SignatureReport;
}

export function expectVerdict(result: SignatureVerificationResult, indication: string, subIndication: string | null): SignatureReport {
  const report = only(result);
  const failed = report.checks.filter((c) => c.status === 'failed').map((c) => `${c.id}: ${c.message}`);
  expect({ indication: report.indication, subIndication: report.subIndication }, failed.join('\n')).to.deep.equal({
    indication,
    subIndication,
  });
  expect(result.indication).to.equal(indication);
  return report;
}

export function checkOf(report: SignatureReport, id: string) {
  const found = report.checks.find((c) => c.id === id);
  expect(found, `check ${id}`).to.not.equal(undefined);
  return found as NonNullable<typeof found>;
}
