/**
 * The СЕВ ОВВ connector's errors, kept beside it (as connectors/hotline/errors.ts does): each is a
 * HubError with a stable code and both languages, so the pipeline quarantines the message with it
 * and the answer's body carries message and messageUk. What exactly is wrong goes in the details,
 * also in both languages: each violation as { path, message, messageUk }, an unreadable message's
 * reason as { reason, reasonUk }.
 */
import { errorFamily } from '../../src/errors';

const SPECS = {
  SEV_OVV_MALFORMED_XML: {
    status: 400,
    message: 'The СЕВ ОВВ message is not well-formed XML',
    messageUk: 'Повідомлення СЕВ ОВВ не є коректним XML',
  },
  SEV_OVV_UNSUPPORTED_VERSION: {
    status: 415,
    message: 'The СЕВ ОВВ message is not in the supported format (standart 1207, version 1.5)',
    messageUk: 'Повідомлення СЕВ ОВВ не у підтримуваному форматі (standart 1207, version 1.5)',
  },
  SEV_OVV_INVALID_MESSAGE: {
    status: 400,
    message: 'The СЕВ ОВВ message lacks required parts or has invalid values',
    messageUk: 'У повідомленні СЕВ ОВВ бракує обов’язкових частин або є некоректні значення',
  },
  SEV_OVV_NOT_A_DOCUMENT: {
    status: 422,
    message: 'The СЕВ ОВВ message is not a new document (acknowledgement or addition); it is kept, not registered',
    messageUk: 'Повідомлення СЕВ ОВВ не є новим документом (сповіщення або доповнення); його збережено без реєстрації',
  },
  SEV_OVV_SENDER_NOT_ALLOWED: {
    status: 403,
    message: 'The sending organisation is not on the СЕВ ОВВ allow-list',
    messageUk: 'Організації-відправника немає в переліку дозволених відправників СЕВ ОВВ',
  },
  SEV_OVV_WRONG_ADDRESSEE: {
    status: 422,
    message: 'The СЕВ ОВВ message is addressed to another organisation',
    messageUk: 'Повідомлення СЕВ ОВВ адресоване іншій організації',
  },
  SEV_OVV_ATTACHMENT_TOO_LARGE: {
    status: 413,
    message: 'A СЕВ ОВВ attachment exceeds the configured maximum size',
    messageUk: 'Вкладення СЕВ ОВВ перевищує встановлений максимальний розмір',
  },
  SEV_OVV_ADDITION_UNKNOWN_DOCUMENT: {
    status: 422,
    message: 'The СЕВ ОВВ addition (msg_type 2 or 4) extends a document the hub has not registered; it is kept, not applied',
    messageUk: 'Доповнення СЕВ ОВВ (msg_type 2 або 4) стосується документа, якого хаб не реєстрував; його збережено, але не застосовано',
  },
  // Not the sender's fault, and not a crash: the input is kept and replayed once the connector is set up (issue 12).
  SEV_OVV_NOT_CONFIGURED: {
    status: 422,
    message: 'The СЕВ ОВВ connector is not configured (SEV_OVV_* settings); the message is kept in quarantine and can be replayed once it is',
    messageUk: 'Конектор СЕВ ОВВ не налаштовано (параметри SEV_OVV_*); повідомлення збережено в карантині, його можна повторно обробити після налаштування',
  },
} as const;

export type SevOvvErrorCode = keyof typeof SPECS;

export const sevOvvError = errorFamily<SevOvvErrorCode>(SPECS);
