import { readFileSync } from 'node:fs';
import { ConfigError } from '../../config';
import type { ErrorCode } from '../../errors';
import { violations, type DocumentKind, type SignaturePolicy, type SignatureSummary } from '../../schemas';
import type { DocumentFlag } from '../../store/documents';
import { projectPath } from '../../paths';

/**
 * Which e-signatures a document needs before registration, as data (reference-data/signature-policy.json,
 * schema schemas/signature-policy.schema.json). The basis for requiring a qualified signature (КЕП):
 * Law 2155-VIII «Про електронну ідентифікацію та електронні довірчі послуги», art. 18 (a qualified
 * e-signature has the legal force of a handwritten one) and art. 22 (qualified certificates); 003 §157
 * (wrongly drawn-up documents go back to the sender, so they are not registered), §172 and §184
 * (higher-authority documents and prosecutorial acts).
 */
export type SignatureRule = SignaturePolicy['rules'][number];

export const DEFAULT_SIGNATURE_POLICY_FILE = projectPath('reference-data', 'signature-policy.json');

/** A document no rule matches: verify what came, flag what does not hold. */
export const FALLBACK_RULE: SignatureRule = { id: 'fallback', signature: 'optional', level: 'qualified', onFailure: 'flag' };

const VARIABLE = 'SIGNATURE_POLICY_FILE';

export function loadSignaturePolicy(file?: string): SignaturePolicy {
  const path = file ?? DEFAULT_SIGNATURE_POLICY_FILE;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(VARIABLE, `cannot read ${path}: ${(err as Error).message}`, `не вдається прочитати ${path}`);
  }
  const violated = violations('signature-policy.schema.json', data);
  const found = violated.map((v) => `${v.path} ${v.message}`);
  const foundUk = violated.map((v) => `${v.path} ${v.messageUk}`);
  const policy = data as SignaturePolicy;
  if (!found.length) {
    const ids = new Set<string>();
    policy.rules.forEach((rule, i) => {
      if (ids.has(rule.id)) {
        found.push(`/rules/${i}/id ${rule.id} appears twice`);
        foundUk.push(`/rules/${i}/id ${rule.id} повторюється`);
      }
      ids.add(rule.id);
      if (rule.kinds?.length === 0 || rule.sources?.length === 0) {
        found.push(`/rules/${i} kinds and sources must not be empty lists`);
        foundUk.push(`/rules/${i} kinds і sources не можуть бути порожніми списками`);
      }
    });
  }
  if (found.length) {
    throw new ConfigError(VARIABLE, `${path} is not valid: ${found.join('; ')}`, `${path} містить помилки: ${foundUk.join('; ')}`);
  }
  return policy;
}

/** The first rule whose kinds and sources both match (an absent list matches anything). */
export function ruleFor(policy: SignaturePolicy, kind: DocumentKind, source: string): SignatureRule {
  return (
    policy.rules.find((r) => (!r.kinds || r.kinds.includes(kind)) && (!r.sources || r.sources.includes(source))) ?? FALLBACK_RULE
  );
}

export type SignatureDecision =
  | { action: 'register'; flags: DocumentFlag[] }
  | { action: 'quarantine'; code: Extract<ErrorCode, 'SIGNATURE_REQUIRED' | 'SIGNATURE_POLICY_FAILED'>; problems: Problem[] };

type Problem = 'SIGNATURE_MISSING' | 'SIGNATURE_INVALID' | 'SIGNATURE_INDETERMINATE' | 'SIGNATURE_NOT_QUALIFIED';

/** What staff see on the card of a document registered with a signature problem. */
export const SIGNATURE_FLAGS: Record<Problem, DocumentFlag> = {
  SIGNATURE_MISSING: {
    code: 'SIGNATURE_MISSING',
    message: 'The document has no e-signature though the policy expects one',
    messageUk: 'Документ не має електронного підпису, хоча політика його вимагає',
  },
  SIGNATURE_INVALID: {
    code: 'SIGNATURE_INVALID',
    message: 'A signature is not valid (TOTAL-FAILED): the content or the signature was changed, or the certificate is revoked',
    messageUk: 'Підпис недійсний (TOTAL-FAILED): вміст або підпис змінено чи сертифікат скасовано',
  },
  SIGNATURE_INDETERMINATE: {
    code: 'SIGNATURE_INDETERMINATE',
    message: 'A signature could not be confirmed (INDETERMINATE): e.g. its certificate is not from a trusted provider or has expired',
    messageUk: 'Підпис не вдалося підтвердити (INDETERMINATE): наприклад, сертифікат не від довіреного надавача або строк його дії сплив',
  },
  SIGNATURE_NOT_QUALIFIED: {
    code: 'SIGNATURE_NOT_QUALIFIED',
    message: 'A signature is valid but is not a qualified e-signature (КЕП)',
    messageUk: 'Підпис чинний, але не є кваліфікованим електронним підписом (КЕП)',
  },
};

/**
 * Applies a rule to the verified signatures (one summary per signer; an unreadable container is one
 * TOTAL-FAILED summary). Every signature present must reach the rule's level; with `required`, at
 * least one must be present.
 */
export function decide(rule: SignatureRule, signatures: Pick<SignatureSummary, 'indication' | 'qualified'>[]): SignatureDecision {
  const problems = new Set<Problem>();
  if (!signatures.length && rule.signature === 'required') problems.add('SIGNATURE_MISSING');
  for (const s of signatures) {
    if (s.indication === 'TOTAL-FAILED') problems.add('SIGNATURE_INVALID');
    else if (s.indication === 'INDETERMINATE') problems.add('SIGNATURE_INDETERMINATE');
    else if (rule.level === 'qualified' && !s.qualified) problems.add('SIGNATURE_NOT_QUALIFIED');
  }
  const list = [...problems];
  if (list.length && rule.onFailure === 'quarantine') {
    return { action: 'quarantine', code: signatures.length ? 'SIGNATURE_POLICY_FAILED' : 'SIGNATURE_REQUIRED', problems: list };
  }
  return { action: 'register', flags: list.map((p) => SIGNATURE_FLAGS[p]) };
}
