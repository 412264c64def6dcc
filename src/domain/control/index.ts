export * from './types';
export { ControlRuleError, controlError, CONTROL_ERRORS } from './errors';
export type { ControlErrorCode } from './errors';
export {
  assign, requestExtension, decideExtension, giveInterimAnswer, execute, release,
  isOverdue, wasLate, moveTermByLaw, senderTermOf,
} from './lifecycle';
export type { ControlContext, DerivedDates, AssignInput, InfoRequestCap } from './lifecycle';
export { openSenderControl, fillSenderControl, awaitsExecutors, senderRef, senderTaskUk, senderControlBasis, SENDER_CONTROL_RULE } from './sender-card';
export type { SenderCardInput, SenderCardResolution } from './sender-card';
export { senderControlFromTasks, edrpouOf } from './sender-control';
export type { SenderTask, SenderTaskExecutor } from './sender-control';
export { CONTROL_LIST_TABLE, CONTROL_STATUS_UK, NO_EXECUTOR_UK, executorsUk, DISCIPLINE_TABLE } from './export-tables';
export type { ControlListRow, DisciplineReportRow } from './export-tables';
