/**
 * The intake rules that look at the appeal alone: anonymity (003 §106), completeness per art. 5
 * of the Law (003 §105), a collective appeal counted once and answered to its first signer
 * (003 §99, §134), an e-petition below its threshold considered as a collective appeal.
 * Each returns `{ decision, rule, basis, reasonUk, details }`.
 */
import { addDays } from '../clock';
import { BASIS } from './bases';
import { parseAddress } from './addresses';
import { parseName } from './names';
import type { TermUnit } from '../terms/rules';
import type { AppealCard, AppealForm, AppealIntakeDecision, Applicant } from './types';

/** The term rules of src/domain/terms that intake sets (rules.ts: the same as `dilovod term --rule …`). */
export type IntakeTermRule = 'forwarding';

/** A term counted by the hub's rule on the council's calendar (computeTerm): the last day and the rule's source. */
export interface IntakeTerm {
  term: string;
  basis: string;
  amount: number;
  unit: TermUnit;
}

/** What the rules need from outside: the registration date and the working-day calendar. */
export interface IntakeContext {
  /** Kyiv date of registration (YYYY-MM-DD). */
  today: string;
  /** n working days after the date (the date itself not counted): the council's working-day calendar. */
  addWorkingDays(date: string, n: number): string;
  /**
   * The hub's term rule counted from a date (computeTerm with the council's calendar and
   * overrides, moved off a day off per ЦК ст. 254 ч. 5). Without it the default rule's amount is
   * counted as is (calendar days, or working days by `addWorkingDays`).
   */
  termOf?(rule: IntakeTermRule, from: string): IntakeTerm;
}

/** Law art. 5 / 003 §105: the appeal is returned within ten days of receipt. */
export const RETURN_TERM_DAYS = 10;

type Missing = 'name' | 'residence' | 'substance' | 'signature' | 'date' | 'contact';

const MISSING_UK: Record<Missing, string> = {
  name: 'прізвище, ім’я, по батькові',
  residence: 'місце проживання',
  substance: 'суть порушеного питання',
  signature: 'підпис автора',
  date: 'дату',
  contact: 'електронну адресу (чи інший засіб зв’язку) для відповіді',
};

function hasResidence(a: Applicant): boolean {
  const p = parseAddress(a.address ?? '');
  return Boolean(p.street || p.settlement || p.house);
}

function hasSurname(a: Applicant): boolean {
  return Boolean(parseName(a.fullName).surname);
}

function fullNameGiven(a: Applicant): boolean {
  const n = parseName(a.fullName);
  return Boolean(n.surname && n.givenInitial && n.patronymicInitial);
}

const isElectronic = (card: AppealCard) => card.channel === 'electronic';

/**
 * 003 §106 (Law art. 8): a written appeal without a place of residence, or whose author cannot be
 * established, is anonymous and not considered; it is kept and counted. A named author who can be
 * answered but did not sign is not anonymous: the appeal is returned to them under §105.
 */
export function checkAnonymous(card: AppealCard): AppealIntakeDecision | null {
  const reasons: string[] = [];
  if (card.form === 'anonymous') reasons.push('автор не назвався');
  else if (card.submission === 'written' && card.channel !== 'e-petition') {
    if (!card.applicants.some(hasSurname)) reasons.push('неможливо встановити авторство');
    else if (!card.applicants.some(hasResidence)) reasons.push('не зазначено місця проживання');
  }
  if (!reasons.length) return null;
  return {
    decision: 'not-considered-anonymous',
    rule: 'anonymous',
    basis: BASIS.anonymous,
    reasonUk: `Анонімне звернення (${reasons.join('; ')}): розгляду не підлягає, зберігається та враховується у звітності. Рішення приймає посадова особа згідно з розподілом обов’язків`,
    details: { reasons, keptAndCounted: true },
  };
}

/**
 * Law art. 5 / 003 §105: every appeal, oral or written, names the author (surname, given name,
 * patronymic) and place of residence and states the substance (ст. 5 ч. 6); a written one is
 * signed and dated, an electronic one needs no signature but gives an e-mail (or other contact)
 * for the answer (ч. 7). Otherwise it goes back to the author with an explanation within ten
 * days of receipt (ч. 8); a copy stays with the department. An oral appeal is written down by the
 * official (ч. 4): no signature or date is asked of it, but the name and residence are.
 */
export function checkCompleteness(card: AppealCard): AppealIntakeDecision {
  const missing: Missing[] = [];
  if (card.summary.trim().length < 3) missing.push('substance');
  if (card.channel !== 'e-petition') {
    const first = card.applicants[0];
    if (!first || !fullNameGiven(first)) missing.push('name');
    if (!card.applicants.some(hasResidence)) missing.push('residence');
  }
  if (card.submission === 'written' && card.channel !== 'e-petition') {
    if (isElectronic(card)) {
      if (!card.applicants.some((a) => a.email?.trim() || a.phone?.trim())) missing.push('contact');
    } else {
      if (!card.signed) missing.push('signature');
      if (!card.dated) missing.push('date');
    }
  }
  if (!missing.length) {
    return { decision: 'complete', rule: 'completeness', basis: BASIS.completeness, reasonUk: 'Звернення відповідає вимогам ст. 5 Закону' };
  }
  const returnBy = addDays(card.receivedOn, RETURN_TERM_DAYS);
  return {
    decision: 'return-to-author',
    rule: 'completeness',
    basis: BASIS.completeness,
    reasonUk: `Повернути авторові з роз’ясненнями не пізніше ${returnBy}: не зазначено ${missing.map((m) => MISSING_UK[m]).join(', ')} (${missingBasis(card, missing)}; повернення — ст. 5 ч. 8 Закону, 003 §105). Копія залишається у відділі`,
    details: { missing, returnBy, termDays: RETURN_TERM_DAYS, copyKept: true, submission: card.submission },
  };
}

/** Which part of art. 5 asks for what is missing: ч. 6 for every appeal, ч. 7 for a written or electronic one. */
function missingBasis(card: AppealCard, missing: readonly Missing[]): string {
  const parts: string[] = [];
  if (missing.some((m) => m === 'name' || m === 'residence' || m === 'substance')) {
    parts.push(`ст. 5 ч. 6 Закону «Про звернення громадян» — у кожному${card.submission === 'oral' ? ', зокрема усному,' : ''} зверненні`);
  }
  if (missing.some((m) => m === 'signature' || m === 'date' || m === 'contact')) parts.push('ст. 5 ч. 7 — у письмовому (електронному) зверненні');
  return parts.join('; ');
}

/** 003 §134: the answer goes to who signed first or whose address comes first. */
export function answerRecipient(card: AppealCard): number | null {
  if (!card.applicants.length) return null;
  if (card.applicants[0]!.address?.trim()) return 0;
  const i = card.applicants.findIndex((a) => a.address?.trim());
  return i >= 0 ? i : 0;
}

/**
 * 003 §99, §134: a collective appeal is one appeal, however many sign it; the first signer gets the
 * answer. Collective means filed by a group (Law art. 5 ч. 2, 003 §99): a card marked collective
 * with one signer is counted as individual, and the decision says so. An e-petition below its
 * threshold stays collective (ст. 23-1: its supporters are the votes, not the signers on the card).
 */
export function countCollective(card: AppealCard, form: AppealForm): AppealIntakeDecision | null {
  if (form === 'collective' && card.form === 'collective' && card.channel !== 'e-petition' && card.applicants.length === 1) {
    return {
      decision: 'count-as-individual',
      rule: 'collective',
      basis: BASIS.collectiveOneSigner,
      reasonUk: 'Позначене як колективне, але підписане однією особою: колективним є звернення, подане групою осіб (ст. 5 ч. 2 Закону «Про звернення громадян», 003 §99), тому враховується як індивідуальне',
      details: { declaredForm: 'collective', form: 'individual', citizens: 1 },
    };
  }
  if (form !== 'collective' && card.applicants.length < 2) return null;
  const answerTo = answerRecipient(card);
  const who = answerTo === null ? null : card.applicants[answerTo]!;
  return {
    decision: 'count-once',
    rule: 'collective',
    basis: BASIS.collective,
    reasonUk: `Колективне звернення (${card.applicants.length} підписів) враховується як одне; відповідь надсилається ${answerTo === 0 ? 'тому, хто підписався першим' : 'першому, чия адреса зазначена'}`,
    details: { citizens: card.applicants.length, answerTo, answerToName: who?.fullName ?? null },
  };
}

/**
 * An e-petition whose collection ended below the threshold is registered and considered as a
 * collective appeal (seeds 000 line 39, 002 lines 101-102); one that reached it follows the
 * petition procedure (Law art. 23-1: within 10 working days).
 */
export function checkEPetition(card: AppealCard, ctx: IntakeContext): AppealIntakeDecision | null {
  if (card.channel !== 'e-petition' || !card.ePetition) return null;
  const p = card.ePetition;
  const details = { number: p.number, votes: p.votes, threshold: p.threshold, collectionEndsOn: p.collectionEndsOn };
  if (p.votes >= p.threshold) {
    const reviewBy = ctx.addWorkingDays(ctx.today, 10);
    return {
      decision: 'consider-as-petition',
      rule: 'e-petition',
      basis: BASIS.ePetitionThreshold,
      reasonUk: `Петиція набрала ${p.votes} з ${p.threshold} голосів: розглядається як електронна петиція не пізніше ${reviewBy}`,
      details: { ...details, reviewBy },
    };
  }
  if (p.collectionEndsOn > ctx.today) {
    return {
      decision: 'petition-collecting',
      rule: 'e-petition',
      basis: BASIS.ePetitionThreshold,
      reasonUk: `Триває збір підписів до ${p.collectionEndsOn} (${p.votes} з ${p.threshold})`,
      details,
    };
  }
  return {
    decision: 'consider-as-collective-appeal',
    rule: 'e-petition',
    basis: BASIS.ePetitionBelowThreshold,
    reasonUk: `Петиція не набрала необхідної кількості голосів (${p.votes} з ${p.threshold}) до ${p.collectionEndsOn}: розглядається як колективне звернення`,
    details: { ...details, form: 'collective' },
  };
}
