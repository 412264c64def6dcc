/** The Ukrainian names staff read, from the same files the hub's exports use (not written twice). */
export { DOCUMENT_KIND_UK, DOCUMENT_STATUS_UK, URGENCY_UK, JOURNAL_UK } from '../../src/domain/registry/labels-uk';
export { CONTROL_STATUS_UK } from '../../src/domain/control/labels-uk';
export { CHANNEL_UK, SOURCE_UK, TYPE_UK, FORM_UK, RESULT_UK } from '../../src/domain/appeals/labels-uk';
export { INDICATION_TEXT, SUB_INDICATION_TEXT } from '../../src/signatures/indication-text';

/** What the control log's actions mean (src/control, src/audit). */
export const AUDIT_ACTION_UK: Readonly<Record<string, string>> = {
  'control.assigned': 'поставлено на контроль',
  'control.interim': 'проміжна відповідь',
  'control.extension-requested': 'запит на продовження строку',
  'control.extension-decided': 'рішення щодо продовження строку',
  'control.executed': 'виконано',
  'control.released': 'знято з контролю',
  'appeal.intake-decided': 'рішення щодо прийняття звернення',
  'appeal.answered': 'відповідь на звернення',
  'info-request.extended': 'продовжено строк запиту',
  'info-request.answered': 'відповідь на запит',
  'quarantine.replayed': 'повторна обробка з карантину',
  'quarantine.dismissed': 'відхилено з карантину',
  'token.created': 'створено токен',
  'token.revoked': 'відкликано токен',
  'staff.imported': 'оновлено довідник працівників',
  'archive.imported': 'імпорт архіву',
  'direct-line.call-answered-orally': 'дзвінок на пряму лінію',
};

export const PETITION_STATE_UK: Readonly<Record<string, string>> = {
  collecting: 'збір підписів',
  'threshold-reached': 'набрала необхідну кількість підписів',
  'below-threshold': 'не набрала підписів (розглядається як колективне звернення)',
  'under-consideration': 'на розгляді',
  answered: 'надано відповідь',
};

export const INFO_RESULT_UK: Readonly<Record<string, string>> = {
  provided: 'надано', 'partially-provided': 'надано частково', refused: 'відмовлено', forwarded: 'направлено належному розпоряднику',
};

export const OUTCOME_UK = { 'on-time': 'вчасно', late: 'із запізненням', overdue: 'прострочено', open: 'у роботі' } as const;
