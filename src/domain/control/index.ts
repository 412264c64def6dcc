export * from './types';
export { ControlRuleError, controlError, CONTROL_ERRORS } from './errors';
export type { ControlErrorCode } from './errors';
export {
  assign, requestExtension, decideExtension, giveInterimAnswer, execute, release,
  isOverdue, wasLate, moveTermByLaw,
} from './lifecycle';
export type { ControlContext, DerivedDates, AssignInput, InfoRequestCap } from './lifecycle';
export { CONTROL_LIST_TABLE, CONTROL_STATUS_UK, DISCIPLINE_TABLE } from './export-tables';
export type { ControlListRow, DisciplineReportRow } from './export-tables';
