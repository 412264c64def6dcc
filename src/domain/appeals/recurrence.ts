/**
 * Has this question come from this person before (003 §102: «перед реєстрацією листи
 * перевіряються на повторність»)? The answer is one of (003 §99; classifier part I.2):
 * - repeat (повторне, «П»): the earlier one was considered on the merits and no new facts are stated;
 * - duplicate (дублетне): the same appeal sent to several addressees, forwarded to us again before
 *   our answer — linked, and not counted as a repeat;
 * - resubmitted (неодноразове): the person wrote to us again before the answer;
 * - new facts: answered before, but the author brings new data — considered afresh, linked;
 * - primary.
 * A match that is not certain (a probable person, or initials that fit two people at the address)
 * is a "possible repeat" for the clerk to confirm; nothing is linked on a guess.
 */
import { appealKeys, type EarlierAppeal, type EarlierAppeals } from './archive';
import { BASIS } from './bases';
import { matchApplicants, type ApplicantFingerprint, type ApplicantMatch } from './matching';
import { compareNames } from './names';
import { compareQuestions, type QuestionSimilarity } from './questions';
import type { AppealCard, AppealIntakeDecision, Recurrence } from './types';

export interface RecurrenceOutcome {
  recurrence: Recurrence;
  linkedTo: string | null;
  needsReview: boolean;
  decision: AppealIntakeDecision;
}

interface Candidate {
  appeal: EarlierAppeal;
  question: QuestionSimilarity;
  /** The best match of the new appeal's first matching signer. */
  match: ApplicantMatch;
  /** The earlier applicant that matched. */
  matched: ApplicantFingerprint;
  signersMatched: number;
  sure: boolean;
}

function signersNeeded(card: AppealCard, earlier: EarlierAppeal): number {
  // The same group of persons (003 §99): at least half of the smaller group, at least one.
  if (card.applicants.length <= 1 && earlier.applicants.length <= 1) return 1;
  return Math.max(1, Math.ceil(Math.min(card.applicants.length, earlier.applicants.length) / 2));
}

function evaluate(card: AppealCard, fps: readonly ApplicantFingerprint[], stems: readonly string[], appeal: EarlierAppeal, memo: Map<ApplicantFingerprint, ApplicantMatch>[]): Candidate | null {
  const question = compareQuestions({ topics: card.topics, stems }, appeal);
  if (!question.same) return null;
  let best: { match: ApplicantMatch; matched: ApplicantFingerprint } | null = null;
  let signersMatched = 0;
  fps.forEach((fp, i) => {
    let bestHere: { match: ApplicantMatch; matched: ApplicantFingerprint } | null = null;
    for (const other of appeal.applicants) {
      let m = memo[i]!.get(other);
      if (!m) {
        m = matchApplicants(fp, other);
        memo[i]!.set(other, m);
      }
      if (m.verdict !== 'different' && (!bestHere || m.score > bestHere.match.score)) bestHere = { match: m, matched: other };
    }
    if (bestHere) {
      signersMatched++;
      if (!best || bestHere.match.score > best.match.score) best = bestHere;
    }
  });
  if (!best || signersMatched < signersNeeded(card, appeal)) return null;
  const { match, matched } = best as { match: ApplicantMatch; matched: ApplicantFingerprint };
  return { appeal, question, match, matched, signersMatched, sure: match.verdict === 'same' };
}

/** Initials that fit two different people on file at the address: the clerk must choose. */
function ambiguous(best: Candidate, all: Candidate[]): Candidate | null {
  if (!best.match.byInitials) return null;
  return all.find((c) => c.sure && c.matched !== best.matched && compareNames(c.matched.name, best.matched.name).conflict) ?? null;
}

function rank(c: Candidate): number {
  return (c.sure ? 2 : 0) + c.match.score + c.question.score;
}

const primary = (reasonUk: string): RecurrenceOutcome => ({
  recurrence: 'primary',
  linkedTo: null,
  needsReview: false,
  decision: { decision: 'primary', rule: 'recurrence', basis: BASIS.repeatCheck, reasonUk },
});

/**
 * Classifies a new appeal against the earlier ones. `fps` are the card's applicants'
 * fingerprints, `stems` its summary's stems (computed once by the caller).
 */
export function classifyRecurrence(card: AppealCard, fps: readonly ApplicantFingerprint[], stems: readonly string[], earlier: EarlierAppeals): RecurrenceOutcome {
  if (!fps.length) return primary('Заявника не зазначено: перевірка на повторність неможлива');
  const memo = fps.map(() => new Map<ApplicantFingerprint, ApplicantMatch>());
  const found: Candidate[] = [];
  for (const appeal of earlier.findByKeys(appealKeys(fps))) {
    if (appeal.id === card.id || appeal.receivedOn > card.receivedOn) continue;
    const c = evaluate(card, fps, stems, appeal, memo);
    if (c) found.push(c);
  }
  if (!found.length) return primary('Попередніх звернень цього заявника з цього питання не знайдено');
  found.sort((a, b) => rank(b) - rank(a) || (a.appeal.receivedOn < b.appeal.receivedOn ? 1 : -1));
  const sentOn = card.writtenOn ?? card.receivedOn;
  const consideredBefore = (e: EarlierAppeal) => e.answeredOnMerits && (e.answeredOn === null || e.answeredOn <= sentOn);
  // 003 §99, §102: repeat is "the same question, already considered on the merits". An earlier
  // appeal on it that is still open (a resubmission awaiting its answer) does not undo that: the
  // appeal is checked against every earlier one, and the one considered on the merits decides.
  const top = found[0]!;
  const considered = consideredBefore(top.appeal) ? null : found.find((c) => c.sure && consideredBefore(c.appeal) && !ambiguous(c, found)) ?? null;
  const best = considered ?? top;
  const stillOpen = considered ? top.appeal : null;
  const details = {
    linkedTo: best.appeal.id,
    earlierIndex: best.appeal.registrationIndex ?? null,
    earlierReceivedOn: best.appeal.receivedOn,
    applicantScore: best.match.score,
    applicantReasons: best.match.reasons,
    questionScore: best.question.score,
    sharedTopics: best.question.sharedTopics,
    sharedStems: best.question.sharedStems,
    signersMatched: best.signersMatched,
  };
  const other = ambiguous(best, found);
  if (!best.sure || other) {
    return {
      recurrence: 'primary',
      linkedTo: null,
      needsReview: true,
      decision: {
        decision: 'possible-repeat',
        rule: 'recurrence',
        basis: BASIS.repeatCheck,
        reasonUk: other
          ? 'Можливо повторне: ініціали заявника відповідають кільком особам за цією адресою — потрібне рішення спеціаліста'
          : 'Можливо повторне: збіг заявника неповний — потрібне рішення спеціаліста',
        details: { ...details, alsoFits: other?.appeal.id ?? null },
      },
    };
  }
  const e = best.appeal;
  const answeredBefore = consideredBefore(e);
  const forwarded = card.forwardedBy.body !== 'none';
  const open = stillOpen ? { stillOpen: stillOpen.id, stillOpenIndex: stillOpen.registrationIndex ?? null } : {};
  const linked = (recurrence: Recurrence, decision: AppealIntakeDecision['decision'], basis: string, reasonUk: string): RecurrenceOutcome => ({
    recurrence,
    linkedTo: e.id,
    needsReview: false,
    decision: { decision, rule: 'recurrence', basis, reasonUk, details: { ...details, ...open } },
  });
  const ref = e.registrationIndex ?? e.id;
  const openNote = stillOpen
    ? `; звернення ${stillOpen.registrationIndex ?? stillOpen.id} з того самого питання ще не розглянуто, але це не змінює того, що питання вже розглянуто по суті у зверненні ${ref} (003 §99, §102: перевірка на повторність — за всіма попередніми зверненнями)`
    : '';
  if (answeredBefore && card.newFacts) {
    return linked('primary', 'new-facts', BASIS.newFacts, `Звернення з питання, розглянутого раніше по суті (${ref}), але містить нові дані чи факти: не є повторним (003 §99), розглядається по суті, долучається до справи${openNote}`);
  }
  if (answeredBefore) {
    return linked('repeat', 'repeat', BASIS.repeat, `Повторне («П», 003 §102): питання розглянуто по суті у зверненні ${ref}, нових фактів немає (003 §99); до картки додається справа заявника (003 §103)${openNote}`);
  }
  if (forwarded) {
    return linked('duplicate', 'duplicate', BASIS.duplicate, `Дублетне: те саме звернення надійшло від іншого адресата, раніше отримано ${ref}; до повторних не належить`);
  }
  return linked('resubmitted', 'resubmitted', BASIS.resubmitted, `Неодноразове: заявник звернувся знову до надання відповіді на звернення ${ref}`);
}
