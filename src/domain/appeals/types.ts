/**
 * Appeals: the card, intake's decisions and the record reports read. The shapes are
 * schemas/appeal-*.schema.json; the types follow from them.
 */
import type { AppealCard, AppealIntake, AppealIntakeDecision, AppealRecord, AppealReport, ExecutionBody } from '../../schemas';

export type { AppealCard, AppealIntake, AppealIntakeDecision, AppealRecord, AppealReport };
export type Applicant = AppealCard['applicants'][number];
export type AppealType = AppealCard['type'];
export type AppealForm = AppealCard['form'];
export type AppealChannel = AppealCard['channel'];
export type ForwardingBody = AppealCard['forwardedBy']['body'];
export type Recurrence = AppealIntake['recurrence'];
export type IntakeStatus = AppealIntake['status'];
export type RouteTo = NonNullable<AppealIntake['routeTo']>;
export type AppealResult = NonNullable<AppealRecord['result']>;
export type ReportSource = keyof AppealReport['byForwardingBody'];

/** The appeal's results are the control issue's answer results: one list, checked here. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const resultsAgree: Same<AppealResult, NonNullable<ExecutionBody['answer']['result']>> = true;
void resultsAgree;

export const APPEAL_CHANNELS: readonly AppealChannel[] = [
  'post', 'personal-reception', 'mobile-reception', 'direct-line', 'trust-phone', 'hotline-1545',
  'oblast-contact-centre', 'city-contact-centre', 'electronic', 'e-petition',
];
export const APPEAL_RESULTS: readonly AppealResult[] = ['resolved-positively', 'explained', 'refused', 'forwarded', 'on-control'];
export const REPORT_SOURCES: readonly ReportSource[] = ['local', 'city-executive', 'prosecutor', 'higher-authority', 'city-contact-centre', 'mp', 'other'];
