/** The Ukrainian names staff read, from the same files the hub's exports use (not written twice). */
export { DOCUMENT_KIND_UK, DOCUMENT_STATUS_UK, URGENCY_UK, JOURNAL_UK } from '../../src/domain/registry/labels-uk';
export { CONTROL_STATUS_UK, NO_EXECUTOR_UK, executorsUk } from '../../src/domain/control/labels-uk';
export { CHANNEL_UK, SOURCE_UK, TYPE_UK, FORM_UK, RESULT_UK } from '../../src/domain/appeals/labels-uk';
export { INDICATION_TEXT, SUB_INDICATION_TEXT } from '../../src/signatures/indication-text';
export { PETITION_STATE_UK } from '../../src/domain/petitions/labels-uk';
export { QUARANTINE_STATUS_UK } from '../../src/quarantine/labels-uk';
export { AUDIT_ACTION_UK } from '../../src/domain/audit/labels-uk';

export const INFO_RESULT_UK: Readonly<Record<string, string>> = {
  provided: 'надано', 'partially-provided': 'надано частково', refused: 'відмовлено', forwarded: 'направлено належному розпоряднику',
};

export const OUTCOME_UK = { 'on-time': 'вчасно', late: 'із запізненням', overdue: 'прострочено', open: 'у роботі' } as const;
