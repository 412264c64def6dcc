/**
 * Constants of the СЕВ ОВВ message format "1207" v1.5: Наказ Міністерства освіти і науки,
 * молоді та спорту України від 20.10.2011 № 1207 "Про вимоги до форматів даних електронного
 * документообігу в органах державної влади. Формат електронного повідомлення" (зареєстровано в
 * Мін'юсті 15.11.2011 за № 1306/20044), as the XSD Order1207_1.5_v.2.2.xsd and the ДЦІР test
 * messages ДС1–ДС16 use it (copies in test/fixtures/reference/sev-ovv, provenance in
 * test/fixtures/reference/SOURCES.md). The exchange itself is governed by the
 * Регламент організації взаємодії органів виконавчої влади в електронній формі (Постанова КМУ
 * від 17.01.2018 № 55, new edition by Постанова КМУ від 08.04.2025 № 404).
 */
export const STANDART = '1207';
export const VERSION = '1.5';

/** Header@msg_type (TypeMsgType; ДЦІР MessageType Notification/Document/DocumentAddition/ReplayDocument/ReplayDocumentAddition). */
export const MSG_TYPE = {
  acknowledgement: 0, // Повідомлення (сповіщення)
  document: 1, // Основний документ
  documentAddition: 2, // Доповнення до основного документа
  reply: 3, // Документ-відповідь
  replyAddition: 4, // Доповнення до документа-відповіді
} as const;

/** Document@purpose_type. */
export const PURPOSE_TYPES: Record<string, string> = {
  '0': 'Інформування',
  '1': 'На погодження',
  '2': 'Для узагальнення',
  '3': 'На виконання',
  '4': 'Звітність',
  '5': 'До виконання на погодження',
  '6': 'На погодження за дорученням',
};

/** Acknowledgement@ack_type, as the ДЦІР test messages ДС13–ДС16 use them. */
export const ACK_TYPE = {
  delivered: 1, // Сповіщення про доставку (ДС13)
  accepted: 2, // Сповіщення про прийняття (ДС14)
  registered: 3, // Сповіщення про реєстрацію, with the recipient's RegNumber (ДС15)
  refused: 4, // Сповіщення про відмову в реєстрації (ДС16)
} as const;

/** Executor@responsible: 0 співвиконавець, 1 відповідальний виконавець, 2 до відома. */
export const FOR_INFORMATION_ONLY = '2';
