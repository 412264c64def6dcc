export * from './types';
export { ControlRuleError, controlError, CONTROL_ERRORS } from './errors';
export type { ControlErrorCode } from './errors';
export {
  assign, requestExtension, decideExtension, giveInterimAnswer, execute, release,
  isOverdue, wasLate, moveTermByLaw,
} from './lifecycle';
export type { ControlContext, DerivedDates, AssignInput, InfoRequestCap } from './lifecycle';
