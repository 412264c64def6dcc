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
  // Hostile or altered input (issue 14): refused with the exact bytes kept, never changed or stored half-way.
  INVALID_ENCODING: {
    status: 400,
    message: 'The input is not valid UTF-8; it is refused as sent, not altered',
    messageUk: 'Вхідні дані не є коректним UTF-8; їх відхилено як є, без змін',
  },
  NUL_CHARACTER: {
    status: 400,
    message: 'A text contains the NUL character (U+0000), which cannot be stored',
    messageUk: 'Текст містить символ NUL (U+0000), який неможливо зберегти',
  },
  LONE_SURROGATE: {
    status: 400,
    message: 'A text contains a lone UTF-16 surrogate (such as \\ud800), which is not a character; it is refused, not replaced',
    messageUk: 'Текст містить непарний сурогат UTF-16 (на зразок \\ud800), що не є символом; його відхилено, а не замінено',
  },
  JSON_TOO_DEEP: {
    status: 400,
    message: 'The JSON is nested too deep (at most 64 levels)',
    messageUk: 'JSON має надто глибоку вкладеність (не більше 64 рівнів)',
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
  REGISTRATION_NUMBER_TAKEN: {
    status: 409,
    message: 'Another document already holds this number in its journal and year',
    messageUk: 'Цей номер у журналі за цей рік уже має інший документ',
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
  // Qualified e-signatures (src/pipeline/steps/signatures.ts, POST /api/v1/signatures/verify).
  SIGNATURE_REQUIRED: {
    status: 422,
    message: 'This kind of document must carry a qualified e-signature (КЕП), and it has none; it is kept, not registered',
    messageUk: 'Документ цього виду має бути підписаний кваліфікованим електронним підписом (КЕП), а підпису немає; його збережено без реєстрації',
  },
  SIGNATURE_POLICY_FAILED: {
    status: 422,
    message: 'A signature is not a valid qualified e-signature as the policy requires; it is kept with the reports, not registered',
    messageUk: 'Підпис не є чинним кваліфікованим електронним підписом, як вимагає політика; документ збережено зі звітами перевірки без реєстрації',
  },
  SIGNATURE_ATTACHMENT_UNKNOWN: {
    status: 400,
    message: 'A signature names an attachment the document does not have',
    messageUk: 'Підпис посилається на вкладення, якого в документі немає',
  },
  SIGNATURE_TRUST_INVALID: {
    status: 400,
    message: 'A trust certificate or CRL given with the request cannot be read',
    messageUk: 'Сертифікат довіри або СВС, надані із запитом, не вдається прочитати',
  },
  NOT_REGISTERED: {
    status: 409,
    message: 'Only a registered document can be put under control',
    messageUk: 'Поставити на контроль можна лише зареєстрований документ',
  },
  NOT_FOUND: { status: 404, message: 'Not found', messageUk: 'Не знайдено' },
  INVALID_IDEMPOTENCY_KEY: {
    status: 400,
    message: 'Idempotency-Key must be 1-200 visible ASCII characters',
    messageUk: 'Idempotency-Key має складатися з 1-200 видимих символів ASCII',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: 'This Idempotency-Key was used for another request',
    messageUk: 'Цей Idempotency-Key уже використано для іншого запиту',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed; repeat it shortly',
    messageUk: 'Запит із цим Idempotency-Key ще виконується; повторіть його трохи згодом',
    // Over AMQP the same message delivered twice at once waits and is then answered from the first.
    transient: true,
  },
  // Issue 18: the same idempotency key (source + externalId, a СЕВ ОВВ msg_id) with other content.
  CONFLICTING_REPEAT: {
    status: 409,
    message: 'A document with this source and externalId is already on file with other content; the card on file (details.documentId) is unchanged and what was sent is kept in quarantine',
    messageUk: 'Документ із таким джерелом і зовнішнім ідентифікатором уже є, але з іншим вмістом; наявну картку (details.documentId) не змінено, надіслане збережено в карантині',
  },
  INVALID_IF_MATCH: {
    status: 400,
    message: 'If-Match must be the card version, e.g. "7"',
    messageUk: 'If-Match має містити версію картки, наприклад "7"',
  },
  VERSION_MISMATCH: {
    status: 412,
    message: 'The card has changed since the version the command was based on; the current card is in details',
    messageUk: 'Картку змінено після версії, на якій ґрунтується команда; поточну картку наведено в details',
  },
  INVALID_CURSOR: { status: 400, message: 'The cursor is not valid', messageUk: 'Некоректний курсор' },
  INVALID_QUERY: { status: 400, message: 'The query parameters are not valid', messageUk: 'Некоректні параметри запиту' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The body is too large', messageUk: 'Тіло запиту завелике' },
  BODY_INCOMPLETE: {
    status: 400,
    message: 'The body ended before the length its Content-Length declared (the connection was closed or cut)',
    messageUk: 'Тіло запиту обірвалося раніше, ніж зазначено в Content-Length (зʼєднання закрито або перервано)',
  },
  // Issue 14: the body of an API request refused as input is kept in quarantine (src/api/rejected-bodies.ts); it is no document to register.
  QUARANTINE_NOT_REPLAYABLE: {
    status: 409,
    message: 'This item is the body of an API request (routingKey names the operation), not an input to register: it is not replayed; the caller sends the request again, corrected, and the item is dismissed',
    messageUk: 'Цей запис — тіло запиту до API (операцію наведено в routingKey), а не вхідний документ для реєстрації: повторно не обробляється; відправник надсилає запит ще раз, виправлений, а запис відхиляють',
  },
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
  // Issue 14: one input's work has a budget (src/workers/pool.ts); past it, the input is refused, the hub stays up.
  INPUT_TOO_COSTLY: {
    status: 422,
    message: 'The input needs more time or memory than one input may take (WORKER_TASK_TIMEOUT_MS, WORKER_MEMORY_MB); it was not processed',
    messageUk: 'Обробка вхідних даних потребує більше часу чи памʼяті, ніж дозволено на одне надходження (WORKER_TASK_TIMEOUT_MS, WORKER_MEMORY_MB); їх не оброблено',
  },
  WORKERS_BUSY: {
    status: 503,
    message: 'Too many large inputs are waiting to be processed; retry later',
    messageUk: 'Забагато великих надходжень очікують на обробку; повторіть пізніше',
    transient: true,
  },
} satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
