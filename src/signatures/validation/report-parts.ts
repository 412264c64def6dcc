import { CertificateSummary, TimestampReport } from '../report';
import { TrustStore } from '../trust/trust-store';
import { ParsedCertificate } from '../x509/certificate';
import { iso } from './check';
import { TimestampValidation } from './timestamp';

/** A time-stamp validation as reported (RFC 3161 TSTInfo genTime and policy, TSA, verdict). */
export function timestampReport(result: TimestampValidation, kind: 'signature' | 'content'): TimestampReport {
  const tsa = result.tsa?.subject.text ?? null;
  const when = result.genTime ? iso(result.genTime) : '?';
  const valid = result.status === 'valid';
  const en = valid
    ? `${kind === 'signature' ? 'signature' : 'content'} time-stamp of ${when} by "${tsa}" verifies${kind === 'signature' ? '; used as proof of existence' : ''}`
    : `${kind} time-stamp${result.genTime ? ` of ${when}` : ''} is not valid: ${result.problem?.en}`;
  const uk = valid
    ? `позначка часу ${kind === 'signature' ? 'на підпис' : 'на вміст'} від ${when} («${tsa}») правильна${kind === 'signature' ? '; її прийнято як доказ часу існування підпису' : ''}`
    : `позначка часу ${kind === 'signature' ? 'на підпис' : 'на вміст'} недійсна: ${result.problem?.uk}`;
  return { genTime: result.genTime ? iso(result.genTime) : '', policy: result.policy ?? '', tsa, valid, message: en, messageUk: uk };
}

/** A chain certificate as reported. */
export function certificateSummary(cert: ParsedCertificate, trust: TrustStore): CertificateSummary {
  // Nothing in it depends on the time: written once per certificate and trust store (the same
  // chains come back), each report given its own copy.
  const known = summaries.get(cert);
  if (known && known.trust === trust) return { ...known.summary };
  const summary = summarise(cert, trust);
  summaries.set(cert, { trust, summary });
  return { ...summary };
}

const summaries = new WeakMap<ParsedCertificate, { trust: TrustStore; summary: CertificateSummary }>();

function summarise(cert: ParsedCertificate, trust: TrustStore): CertificateSummary {
  return {
    subject: cert.subject.text,
    issuer: cert.issuer.text,
    serialNumber: cert.serialNumber,
    notBefore: iso(cert.notBefore),
    notAfter: iso(cert.notAfter),
    sha256: cert.fingerprint,
    trusted: !!trust.anchor(cert),
  };
}
