import { Indication, QualificationReport } from '../report';
import { ParsedCertificate } from '../x509/certificate';
import { QcClaims, qcClaims } from '../x509/qualified';
import { ChainResult } from './chain';

/**
 * Qualification (ETSI TS 119 615 / EN 319 412-5, simplified to what a CA bundle can tell): the
 * certificate claims to be qualified (QcCompliance or the Ukrainian statement) and its chain ends at a
 * trust anchor loaded as a qualified provider. `qualified` also needs a TOTAL-PASSED signature; the
 * level is QES with QcSSCD (key on a QSCD), else AdES-QC or AdES; INDETERMINATE / NOT_ADES follow
 * the indication.
 */
export function qualification(
  cert: ParsedCertificate | undefined,
  chain: ChainResult | undefined,
  indication: Indication,
): { qualified: boolean; report: QualificationReport; en: string; uk: string } {
  const claims = cert
    ? qcClaims(cert)
    : { qcCompliance: false, qcSscd: false, uaQualified: false, qcTypes: [], certificateQualified: false };
  const providerQualified = chain?.status === 'trusted' && chain.anchor?.qualifiedProvider === true;
  const certificateQualified = claims.certificateQualified && providerQualified;
  // `qualified` is the verdict staff act on: a holding signature on a qualified certificate.
  const qualified = certificateQualified && indication === 'TOTAL-PASSED';
  const level =
    indication === 'TOTAL-FAILED'
      ? 'NOT_ADES'
      : indication === 'INDETERMINATE'
        ? 'INDETERMINATE'
        : qualified
          ? claims.qcSscd
            ? 'QES'
            : 'AdES-QC'
          : 'AdES';
  const report: QualificationReport = {
    level,
    certificateQualified,
    qcCompliance: claims.qcCompliance,
    uaQualified: claims.uaQualified,
    qscd: claims.qcSscd,
    qcTypes: [...claims.qcTypes], // the claims are shared (qcClaims caches them); the report is the caller's
    providerQualified,
  };
  const listed = statementList(claims);
  if (certificateQualified) {
    const prefix = qualified ? '' : 'certificate only (the signature does not hold): ';
    const prefixUk = qualified ? '' : 'лише сертифікат (підпис не підтверджено): ';
    return {
      qualified,
      report,
      en: `${prefix}qualified certificate (${listed}) from a qualified provider${claims.qcSscd ? ', key on a qualified device' : ''}`,
      uk: `${prefixUk}кваліфікований сертифікат (${listed}) кваліфікованого надавача${claims.qcSscd ? ', ключ на кваліфікованому засобі' : ''}`,
    };
  }
  const why = !claims.certificateQualified
    ? { en: `the certificate has no qualified statements (${listed})`, uk: 'сертифікат не містить ознак кваліфікованого' }
    : {
        en: 'the certificate does not chain to a qualified provider in the trust store',
        uk: 'сертифікат не веде до кваліфікованого надавача зі списку довірених',
      };
  return { qualified, report, en: `not qualified: ${why.en}`, uk: `не кваліфікований: ${why.uk}` };
}

/** The statements a certificate claims, as the messages list them: written once per certificate's claims. */
function statementList(claims: QcClaims): string {
  let listed = lists.get(claims);
  if (listed === undefined) {
    const statements = [
      claims.qcCompliance ? 'QcCompliance' : '',
      claims.qcSscd ? 'QcSSCD' : '',
      claims.uaQualified ? 'UA 1.2.804.2.1.1.1.2.1' : '',
    ].filter(Boolean);
    listed = statements.length ? statements.join(', ') : 'none';
    lists.set(claims, listed);
  }
  return listed;
}

const lists = new WeakMap<QcClaims, string>();
