/**
 * Every error the hub reports, with its stable code, HTTP status, and both languages.
 * Staff read messageUk; integrators read code and message.
 */
export interface ErrorSpec {
  status: number;
  message: string;
  messageUk: string;
  /** A transient error is retried (database down); a permanent one goes to quarantine. */
  transient?: boolean;
}

export const ERROR_CATALOG = {
  VALIDATION_FAILED: {
    status: 400,
    message: 'The message does not match the schema',
    messageUk: 'Повідомлення не відповідає схемі',
  },
  INVALID_JSON: {
    status: 400,
    message: 'The body is not valid JSON',
    messageUk: 'Тіло повідомлення не є коректним JSON',
  },
  UNSUPPORTED_FORMAT: {
    status: 415,
    message: 'This message format is not supported',
    messageUk: 'Формат повідомлення не підтримується',
  },
  ATTACHMENT_HASH_MISMATCH: {
    status: 400,
    message: 'An attachment does not match its SHA-256',
    messageUk: 'Вкладення не відповідає своєму SHA-256',
  },
  INVALID_BASE64: {
    status: 400,
    message: 'A base64 field cannot be decoded',
    messageUk: 'Поле base64 не вдається декодувати',
  },
  NO_NOMENCLATURE: {
    status: 422,
    message: 'There is no nomenclature of files for the registration year',
    messageUk: 'Немає номенклатури справ на рік реєстрації',
  },
  UNKNOWN_CASE: {
    status: 422,
    message: 'The case is not in the nomenclature of files for the year',
    messageUk: 'Справи немає в номенклатурі справ на цей рік',
  },
  UNROUTED_KIND: {
    status: 422,
    message: 'No journal is configured for this kind of document',
    messageUk: 'Для цього виду документа не налаштовано журнал реєстрації',
  },
  NOT_FOUND: { status: 404, message: 'Not found', messageUk: 'Не знайдено' },
  INVALID_CURSOR: { status: 400, message: 'The cursor is not valid', messageUk: 'Некоректний курсор' },
  INVALID_QUERY: { status: 400, message: 'The query parameters are not valid', messageUk: 'Некоректні параметри запиту' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The body is too large', messageUk: 'Тіло запиту завелике' },
  INTERNAL_ERROR: {
    status: 500,
    message: 'The hub failed to process the message',
    messageUk: 'Хаб не зміг обробити повідомлення',
  },
  STORE_UNAVAILABLE: {
    status: 503,
    message: 'The database is not reachable; retry later',
    messageUk: 'База даних недоступна; повторіть пізніше',
    transient: true,
  },
} satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
