/**
 * What the control log's actions mean, in the words staff read: one place, for the auditor's page
 * (web/, which imports this file as is) and the log's exports. An action the hub writes and this
 * table lacks cannot be chosen in the page's filter: test/audit/log-filters.test.ts walks the
 * hub's operations and holds every action they log to a name here.
 */
export const AUDIT_ACTION_UK: Readonly<Record<string, string>> = {
  'control.assigned': 'поставлено на контроль',
  'control.executors-assigned': 'резолюція на контрольне завдання відправника: призначено виконавців',
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
  'nomenclature.imported': 'завантажено номенклатуру справ',
  'archive.imported': 'імпорт архіву',
  'outgoing.registered': 'зареєстровано й надіслано вихідний документ (СЕВ ОВВ)',
  'sev-ovv.participants-imported': 'оновлено довідник учасників СЕВ ОВВ',
  'sev-ovv.addition-attached': 'додано доповнення СЕВ ОВВ до документа',
  'direct-line.call-answered-orally': 'дзвінок на пряму лінію',
  'subscription.created': 'створено підписку на вебхуки',
  'subscription.paused': 'призупинено підписку на вебхуки',
  'subscription.resumed': 'відновлено підписку на вебхуки',
  'subscription.secret-rotated': 'замінено секрет підписки на вебхуки',
  'subscription.deleted': 'видалено підписку на вебхуки',
};
