/**
 * Intake of one appeal: every rule in turn, each decision recorded with its source.
 *   anonymous (003 §106) → not considered, kept and counted;
 *   incomplete (art. 5, 003 §105) → returned to the author within 10 days;
 *   otherwise: e-petition below threshold → collective; repeat / duplicate / resubmitted (§99,
 *   §102); collective counted once (§99, §134), one signer counted as individual (art. 5 ч. 2);
 *   competence and forwarding within 5 days (art. 7 ч. 3, §107); who considers it and in what
 *   order (§104, §108, §131, §137; art. 20 ч. 3); mandatory control (§112).
 * Pure: the date, the calendar, the classifier and the earlier appeals are passed in.
 */
import type { EarlierAppeals } from './archive';
import { DEFAULT_CLASSIFIER, type AppealClassifier } from './classifier';
import { checkCompetence, type CompetenceAssessment } from './competence';
import { answerRecipient, checkAnonymous, checkCompleteness, checkEPetition, countCollective, type IntakeContext } from './intake-rules';
import { fingerprintApplicant, type ApplicantFingerprint } from './matching';
import { summaryStems } from './questions';
import { classifyRecurrence } from './recurrence';
import { mandatoryControl, routeAppeal } from './routing';
import type { AppealCard, AppealForm, AppealIntake, AppealIntakeDecision } from './types';

export interface IntakeInput {
  card: AppealCard;
  /** The clerk's finding on competence; absent means within the council's competence. */
  competence?: CompetenceAssessment;
  /** Precomputed fingerprints of card.applicants (the store may keep them); computed when absent. */
  fingerprints?: readonly ApplicantFingerprint[];
}

export interface IntakeOptions {
  classifier?: AppealClassifier;
}

function counted(card: AppealCard): AppealIntake['counted'] {
  return { appeals: 1, citizens: card.applicants.length };
}

function stopped(card: AppealCard, status: 'returned' | 'not-considered', decisions: AppealIntakeDecision[]): AppealIntake {
  return {
    status,
    recurrence: 'primary',
    mark: null,
    linkedTo: null,
    needsReview: false,
    form: status === 'not-considered' ? 'anonymous' : card.form,
    routeTo: null,
    priority: 'normal',
    mandatoryControl: false,
    answerTo: status === 'returned' ? answerRecipient(card) : null,
    counted: counted(card),
    decisions,
  };
}

export function decideIntake(input: IntakeInput, ctx: IntakeContext, earlier: EarlierAppeals, options: IntakeOptions = {}): AppealIntake {
  const { card } = input;
  const classifier = options.classifier ?? DEFAULT_CLASSIFIER;
  const anonymous = checkAnonymous(card);
  if (anonymous) return stopped(card, 'not-considered', [anonymous]);
  const completeness = checkCompleteness(card);
  if (completeness.decision === 'return-to-author') return stopped(card, 'returned', [completeness]);

  const decisions: AppealIntakeDecision[] = [completeness];
  let form: AppealForm = card.form;
  const petition = checkEPetition(card, ctx);
  if (petition) {
    decisions.push(petition);
    if (petition.decision === 'consider-as-collective-appeal') form = 'collective';
  }

  const fps = input.fingerprints ?? card.applicants.map(fingerprintApplicant);
  const recurrence = classifyRecurrence(card, fps, summaryStems(card.summary), earlier);
  decisions.push(recurrence.decision);

  const collective = countCollective(card, form);
  if (collective) {
    decisions.push(collective);
    form = collective.decision === 'count-as-individual' ? 'individual' : 'collective';
  }

  const competence = checkCompetence(card, input.competence, ctx);
  decisions.push(competence);

  const routing = routeAppeal(card, recurrence.recurrence, classifier, ctx);
  decisions.push(routing.decision);

  const control = mandatoryControl(card, form, recurrence.recurrence, classifier);
  if (control) decisions.push(control);

  return {
    status: competence.decision === 'forward' ? 'forwarded' : 'accepted',
    recurrence: recurrence.recurrence,
    mark: recurrence.recurrence === 'repeat' ? 'П' : null,
    linkedTo: recurrence.linkedTo,
    needsReview: recurrence.needsReview,
    form,
    routeTo: routing.routeTo,
    priority: routing.priority,
    mandatoryControl: control !== null,
    answerTo: answerRecipient(card),
    counted: counted(card),
    decisions,
  };
}
