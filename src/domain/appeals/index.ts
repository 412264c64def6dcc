/**
 * Citizens' appeals, pure part (issue 5): the card, intake decisions with their sources
 * (003 §99-108, §112, §131, §134), applicant matching, the department's report and open data.
 */
export * from './types';
export { DEFAULT_CLASSIFIER, topicTitle, isKnownTopic, categoryTreatment, categoryTitle, categoryBenefitsLaw } from './classifier';
export type { AppealClassifier, PriorityCategory, CategoryTreatment } from './classifier';
export { normaliseText, normaliseAddressText, foldText, foldRaw, editDistance, APOSTROPHE } from './text';
export { parseName, compareNames } from './names';
export type { ParsedName, NameComparison, MatchReason } from './names';
export { parseAddress, compareAddresses, streetKey } from './addresses';
export type { ParsedAddress, AddressComparison } from './addresses';
export {
  fingerprintApplicant, blockingKeys, matchApplicants, normaliseEmail, normalisePhone, SAME_PERSON_SCORE, PROBABLE_PERSON_SCORE,
} from './matching';
export type { ApplicantFingerprint, ApplicantMatch, MatchVerdict } from './matching';
export { summaryStems, compareQuestions, SAME_QUESTION_SCORE } from './questions';
export type { QuestionLike, QuestionSimilarity } from './questions';
export { MemoryArchive, earlierAppealOf, appealKeys } from './archive';
export type { EarlierAppeal, EarlierAppeals } from './archive';
export { BASIS } from './bases';
export { checkAnonymous, checkCompleteness, countCollective, checkEPetition, answerRecipient, RETURN_TERM_DAYS } from './intake-rules';
export type { IntakeContext, IntakeTerm, IntakeTermRule } from './intake-rules';
export { classifyRecurrence } from './recurrence';
export type { RecurrenceOutcome } from './recurrence';
export { checkCompetence, forwardingTerm, FORWARD_TERM_RULE } from './competence';
export type { CompetenceAssessment } from './competence';
export { routeAppeal, mandatoryControl, reviewOrder, ROUTE_TERM_WORKING_DAYS } from './routing';
export type { Routing } from './routing';
export { decideIntake } from './intake';
export type { IntakeInput, IntakeOptions } from './intake';
export { appealRecord } from './records';
export type { AnswerOutcome } from './records';
export { buildAppealReport, reportSource, reportResult, wholePercent, percentOneDecimal } from './report';
export type { ReportOptions } from './report';
export { appealReportRows, APPEAL_REPORT_TABLE } from './report-table';
export type { AppealReportRow } from './report-table';
export { CHANNEL_UK, SOURCE_UK, TYPE_UK, FORM_UK, RECURRENCE_UK, RESULT_UK } from './labels-uk';
export {
  openAppealRows, openPetitionRows, openAppealsCsv, openPetitionsCsv, openAppealsJson, openPetitionsJson,
  OPEN_APPEALS_COLUMNS, OPEN_PETITIONS_COLUMNS, OPEN_APPEALS_TABLE, OPEN_PETITIONS_TABLE,
} from './open-data';
export type { OpenAppealRow, OpenPetitionRow, OpenDataOptions } from './open-data';
