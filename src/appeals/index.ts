/**
 * Citizens' appeals, the I/O half (issue 5): the card of a submission, intake over the store, the
 * answer, the report and open data. The rules themselves are the pure src/domain/appeals.
 */
export { APPEAL_KINDS, isAppealKind, appealCardOf, derivedCard } from './card';
export type { IntakeCard } from './card';
export { StoredArchive } from './archive';
export { decideAppeal, keepAppeal, intakeContext, intakeSummary, INTAKE_ACTOR } from './intake';
export type { AppealFinding, AppealIntakeSettings } from './intake';
export { AppealService, REPORTED_KINDS, answerFromExecution, recordAppealAnswer } from './service';
export type { AppealServiceDeps } from './service';
export {
  maySeePersonalData, maskAppealView, holdsApplicantData, documentCardFor, quarantinedHoldsApplicantData,
} from './privacy';
export { appealError } from './errors';
export type { AppealErrorCode } from './errors';
