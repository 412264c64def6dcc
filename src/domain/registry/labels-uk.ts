/**
 * What staff read for a document's kind, status, urgency and journal: one place, for the exports
 * (document-table.ts), the API and the department's web pages (web/), which import this file as is.
 */
import type { DocumentCard, DocumentKind, DocumentStatus } from '../../schemas/generated';

export const DOCUMENT_KIND_UK: Readonly<Record<DocumentKind, string>> = {
  'official-letter': 'службовий лист',
  telegram: 'телеграма',
  'higher-authority-document': 'документ органу вищого рівня',
  'prosecutorial-act': 'акт прокурорського реагування',
  'citizen-appeal': 'звернення громадян',
  'info-request': 'запит на публічну інформацію',
  'hotline-card': 'картка «гарячої лінії»',
  'e-petition': 'електронна петиція',
  'committee-decision': 'рішення виконавчого комітету',
  'mayor-order': 'розпорядження міського голови',
};

export const DOCUMENT_STATUS_UK: Readonly<Record<DocumentStatus, string>> = {
  registered: 'зареєстровано',
  'not-registered': 'не підлягає реєстрації',
  'under-control': 'на контролі',
  executed: 'виконано',
  released: 'знято з контролю',
};

export const URGENCY_UK: Readonly<Record<NonNullable<DocumentCard['urgency']>, string>> = {
  normal: 'звичайний',
  urgent: 'терміново',
  immediate: 'невідкладно',
};

/** The journals of registry-routing.json by the names clerks use. */
export const JOURNAL_UK: Readonly<Record<string, string>> = {
  incoming: 'Вхідна кореспонденція',
  'higher-authority': 'Документи органів вищого рівня',
  prosecutorial: 'Акти прокурорського реагування',
  appeals: 'Звернення громадян',
  petitions: 'Електронні петиції',
  'info-requests': 'Запити на публічну інформацію',
  'committee-decisions': 'Рішення виконавчого комітету',
  'mayor-orders': 'Розпорядження міського голови',
};
