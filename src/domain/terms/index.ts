/**
 * Legal terms of control: rules with their sources, counting per ЦК ст. 253-254 on a
 * working-day calendar, derived dates (003 §80, §117, §158, §159), the appeal extension cap.
 * Pure: the calendar and the event date are passed in; nothing reads a clock or a file.
 */
export { DEFAULT_RULES, resolveRules, listRules, RuleConfigError } from './rules';
export type { TermRule, TermUnit, TermKind, RuleOverride, RuleOverrides } from './rules';
export { rawTermEnd, rollToWorkingDay } from './count';
export type { RollPolicy, RolledEnd } from './count';
export { computeTerm, deriveDates, DEFAULT_TERM_OPTIONS } from './compute';
export type { ComputeTermInput, DeriveDatesInput, DerivedTermDates, TermOptions, TermResult } from './compute';
export { checkAppealExtension } from './appeal-extension';
export type { AppealExtensionInput, AppealExtensionVerdict, AppealExtensionRefusal } from './appeal-extension';
export { TermError } from './errors';
export type { TermErrorCode } from './errors';
