import { INDICATION_TEXT, SUB_INDICATION_TEXT } from './indication-text';
import { CheckStatus, SignatureReport, SignatureVerificationResult } from './report';

const MARK: Record<CheckStatus, string> = { passed: '[так]', failed: '[НІ] ', warning: '[увага]', skipped: '[—]  ' };

/** The report as plain Ukrainian text for staff (the CLI without --json). */
export function renderReportUk(result: SignatureVerificationResult): string {
  const lines: string[] = [];
  lines.push(`Результат: ${verdictUk(result.indication, result.subIndication)}`);
  lines.push(`Час перевірки: ${when(result.validationTime)}`);
  for (const c of result.checks) if (c.status !== 'passed') lines.push(`${MARK[c.status]} ${c.messageUk}`);
  if (result.signatures.length === 0) lines.push('Підписів не знайдено.');
  for (const s of result.signatures) lines.push('', ...signature(s));
  return `${lines.join('\n')}\n`;
}

function signature(s: SignatureReport): string[] {
  const out = [`Підпис №${s.index + 1} (${s.format}): ${verdictUk(s.indication, s.subIndication)}`];
  const field = (label: string, value: string | null | undefined) => {
    if (value) out.push(`  ${label}: ${value}`);
  };
  field('Підписувач', s.signer.commonName);
  if (s.signer.fullName !== s.signer.commonName) field('ПІБ', s.signer.fullName);
  field('Посада', s.signer.title);
  field('Організація', s.signer.organization);
  field('Код ЄДРПОУ', s.signer.edrpou);
  field('РНОКПП (ДРФО)', s.signer.drfo);
  out.push(`  Кваліфікований підпис (КЕП): ${s.qualified ? 'так' : 'ні'} (рівень ${s.qualification.level})`);
  field('Час підпису (за даними підписувача)', s.signingTime && when(s.signingTime));
  if (s.timestamp) out.push(`  Позначка часу: ${when(s.timestamp.genTime)} — ${s.timestamp.valid ? 'дійсна' : 'недійсна'}`);
  field('Підпис існував не пізніше', when(s.bestSignatureTime));
  field('Алгоритми', [s.signatureAlgorithm, s.digestAlgorithm].filter(Boolean).join(', '));
  if (s.chain.length) {
    out.push('  Ланцюжок сертифікатів:');
    s.chain.forEach((c, i) => {
      out.push(`    ${i + 1}. ${c.subject}${c.trusted ? ' (довірений)' : ''}`);
      out.push(`       серійний номер ${c.serialNumber}, чинний з ${when(c.notBefore)} по ${when(c.notAfter)}`);
    });
  }
  out.push('  Перевірки:');
  for (const c of s.checks) out.push(`    ${MARK[c.status]} ${c.messageUk}`);
  return out;
}

function verdictUk(indication: SignatureVerificationResult['indication'], sub: SignatureVerificationResult['subIndication']): string {
  const head = `${INDICATION_TEXT[indication].uk.toUpperCase()} (${indication}${sub ? `/${sub}` : ''})`;
  return sub ? `${head}: ${SUB_INDICATION_TEXT[sub].uk}` : head;
}

function when(iso: string): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : '';
}
