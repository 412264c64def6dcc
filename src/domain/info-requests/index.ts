/**
 * Public-information requests (Закон «Про доступ до публічної інформації» № 2939-VI), pure: the
 * request read from its document, the terms of ст. 20 (5 working days, 48 hours, 20 working days
 * with notice), the answer of ст. 22, the journal. Calendars and dates come in as arguments.
 */
export { INFO_LAW, INFO_REQUEST_RULES, InfoRequestRuleError, infoRequestRule } from './errors';
export type { InfoRequestRuleCode } from './errors';
export {
  URGENT_REASONS_UK, FORMS_UK, formOf, requestedOf, urgencyOf, REQUESTER_TYPES, REQUESTER_TYPES_UK, requesterTypeOf, edrpouOf,
  checkRequirements, MISSING_UK, REQUIREMENTS_BASIS,
} from './request';
export type {
  InfoRequestForm, UrgentReason, UrgentReasonCode, RequestDocument, RequesterType, RequirementMissing, RequesterContacts, RequestRequirements,
} from './request';
export { infoRequestIntake } from './intake';
export { calendarTerms, baseTerm, termInForce, fiveWorkingDays, termCap, planExtension } from './terms';
export type { TermFn, TermInForce, RequestFacts, RecordedExtension, PlannedExtension, InfoRequestRuleId } from './terms';
export { REFUSAL_GROUNDS_UK, RESULTS_UK, answerDeadline, checkAnswer } from './answer';
export type { InfoRequestResult, RefusalGround } from './answer';
export { factsOf, journalEntry, journalSummary, journalSummaryUk, JOURNAL_TABLE } from './journal';
export type { ExtensionEntry, JournalSource, JournalSummary, Requester, StoredAnswer } from './journal';
