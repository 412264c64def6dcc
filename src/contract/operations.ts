/**
 * What the route table cannot say about a route: its summary (Ukrainian for the reference page,
 * English beside it), its query parameters, the schema of its request body and of each answer.
 * Keyed by `METHOD path` in OpenAPI form (express `:id` → `{id}`); the method, path and the
 * permission come from the route table itself (src/api/secure-router.ts). Every routed operation
 * must have an entry and every entry a route: test/contract/openapi.test.ts holds both ways.
 */
import type { JsonSchema } from './components';
import { date, exact, int, list, page, ref, str } from './shapes';

export const TAGS = {
  health: { uk: 'Стан сервісу', en: 'Health' },
  documents: { uk: 'Документи', en: 'Documents' },
  control: { uk: 'Контроль виконання', en: 'Control of execution' },
  reports: { uk: 'Звіти', en: 'Reports' },
  quarantine: { uk: 'Карантин', en: 'Quarantine' },
  nomenclature: { uk: 'Номенклатура справ', en: 'Nomenclature of files' },
  audit: { uk: 'Журнал контролю', en: 'Audit' },
  appeals: { uk: 'Звернення громадян', en: 'Citizens’ appeals' },
  'info-requests': { uk: 'Запити на інформацію', en: 'Public-information requests' },
  petitions: { uk: 'Електронні петиції', en: 'E-petitions' },
  signatures: { uk: 'Електронні підписи', en: 'Signatures' },
  outgoing: { uk: 'Вихідні документи (СЕВ ОВВ)', en: 'Outgoing documents (СЕВ ОВВ)' },
  identity: { uk: 'Доступ і персонал', en: 'Identity and staff' },
  edms: { uk: 'Інтеграція з СЕД', en: 'EDMS integration' },
  operations: { uk: 'Адміністрування', en: 'Operations' },
  contract: { uk: 'Контракт API', en: 'API contract' },
} as const;
export type Tag = keyof typeof TAGS;

export interface QueryParam {
  schema: JsonSchema;
  description?: string;
  required?: boolean;
}

export interface Reply {
  description: string;
  /** The JSON body (application/json). */
  json?: JsonSchema;
  /** Other content types, e.g. `text/csv`; `*\/*` for bytes of any type (an attachment as it was sent). */
  other?: Record<string, JsonSchema>;
  headers?: Record<string, string>;
}

export interface Operation {
  tag: Tag;
  /** Ukrainian: the reference page is read by the council's staff. */
  summary: string;
  summaryEn: string;
  description?: string;
  query?: Record<string, QueryParam>;
  /** Query parameters are the properties of this schema file (its stem), e.g. document-query. */
  queryFrom?: string;
  /** Request headers beyond Authorization. */
  headers?: Record<string, string>;
  body?: { json?: JsonSchema; other?: Record<string, JsonSchema>; description?: string };
  responses: Record<number, Reply>;
  /** A list or report that also answers CSV (`format=csv`, `Accept: text/csv`) and XLSX (`format=xlsx`). */
  exports?: boolean;
}

const limit = (max: number, dflt: number): QueryParam => ({ schema: { type: 'integer', minimum: 1, maximum: max, default: dflt } });
const cursor: QueryParam = { schema: str, description: 'nextCursor of the previous page' };
const period = (required: boolean): Record<string, QueryParam> => ({
  from: { schema: date, required, description: 'Перший день періоду (Київ) / first day' },
  to: { schema: date, required, description: 'Останній день періоду (Київ) / last day' },
});
const bytes: JsonSchema = { type: 'string', contentMediaType: 'application/octet-stream' };
const idempotent = {
  'Idempotency-Key': 'Repeating a command with the same key answers the first answer (Idempotent-Replay: true) and does nothing again.',
};
const versioned = { ...idempotent, 'If-Match': 'The card version the command was based on ("7"): 412 with the card as it is when it has moved on.' };
const replayHeader = { 'Idempotent-Replay': '`true` when this is the kept answer to an earlier request with the same Idempotency-Key.' };

const controlList = exact({ today: date, items: { type: 'array', items: ref('control-card') }, nextCursor: { type: ['string', 'null'] } });
const subscription = ref('webhook-subscription');
const todayFigures = exact({
  today: date,
  dueSoonUntil: date,
  overdue: int,
  dueSoon: int,
  registeredToday: { type: 'array', items: exact({ journal: str, count: int }) },
  quarantineOpen: { type: ['integer', 'null'], minimum: 0 },
});
const openDataTopic = exact({ code: str, title: str });

const openAppealRow: JsonSchema = {
  type: 'object',
  required: ['registrationIndex', 'receivedOn', 'channel', 'source', 'type', 'form', 'recurrence', 'topics', 'citizens', 'result', 'answeredOn'],
  properties: {
    registrationIndex: str, receivedOn: date, channel: str, channelTitle: str, source: str, sourceTitle: str, type: str, typeTitle: str,
    form: str, formTitle: str, recurrence: str, recurrenceTitle: str, topics: { type: 'array', items: openDataTopic },
    citizens: int, result: str, resultTitle: str, answeredOn: { type: ['string', 'null'], format: 'date' },
  },
};
const openPetitionRow: JsonSchema = {
  type: 'object',
  required: ['petitionNumber', 'registrationIndex', 'receivedOn', 'votes', 'threshold', 'collectionEndsOn', 'consideredAs', 'topics', 'result', 'answeredOn'],
  properties: {
    petitionNumber: str, registrationIndex: str, receivedOn: date, votes: int, threshold: int, collectionEndsOn: date,
    consideredAs: { type: 'string', enum: ['collective-appeal', 'petition'] }, topics: { type: 'array', items: openDataTopic },
    result: str, resultTitle: str, answeredOn: { type: ['string', 'null'], format: 'date' },
  },
};
const change = exact({
  cursor: str,
  sequence: { type: 'integer', minimum: 1 },
  eventId: { type: 'string', format: 'uuid' },
  type: str,
  documentId: { type: 'string', format: 'uuid' },
  occurredAt: { type: 'string', format: 'date-time' },
  event: { type: 'object', description: 'The event body as on dilovod.events (schemas/event.schema.json), without eventId and sequence, which stand beside it.' },
});
const readiness = exact({
  status: { type: 'string', enum: ['ready', 'not-ready'] },
  checks: {
    type: 'object',
    additionalProperties: { type: 'string', enum: ['ok', 'down', 'not-configured'] },
    properties: { database: str, broker: str },
  },
});

const controlAction = (summary: string, summaryEn: string, body: string): Operation => ({
  tag: 'control', summary, summaryEn, headers: versioned, body: { json: ref(body) },
  responses: { 200: { description: 'Картка після дії / the card after the action', json: ref('control-card'), headers: replayHeader } },
});

export const OPERATIONS: Record<string, Operation> = {
  'GET /healthz': {
    tag: 'health', summary: 'Процес відповідає', summaryEn: 'The process answers (liveness)',
    responses: { 200: { description: 'Працює / up', json: exact({ status: { const: 'ok' } }) } },
  },
  'GET /readyz': {
    tag: 'health', summary: 'Готовність: база даних і брокер досяжні', summaryEn: 'Readiness: the database and, if configured, the broker are reachable',
    responses: { 200: { description: 'Готовий / ready', json: readiness }, 503: { description: 'Не готовий / not ready', json: readiness } },
  },

  'POST /api/v1/documents': {
    tag: 'documents', summary: 'Подати вхідний документ на реєстрацію', summaryEn: 'Submit an incoming document for registration',
    description: 'JSON is the canonical document; `?format=` names a connector\'s format (e.g. `hotline.json`), whose bytes are kept in quarantine exactly as sent if rejected. A connector\'s message that is not a document (a СЕВ ОВВ receipt, msg_type 0, or addition, msg_type 2 and 4, with `?format=sev-ovv.xml`) is applied to what is on file as on the AMQP queue: 200 with what it changed, or refused and quarantined with the same codes.',
    query: { format: { schema: str, description: 'Формат конектора / a connector\'s format, e.g. hotline.json' } },
    body: { json: ref('document-submission'), other: { '*/*': bytes }, description: 'The document, or a connector\'s format with ?format=' },
    responses: {
      201: { description: 'Зареєстровано (або не зареєстровано за правилом 003 §157) / created', json: ref('document-card'), headers: { Location: 'The new card: /api/v1/documents/{id}' } },
      200: {
        description: 'Повтор: картку вже прийнято; або власне повідомлення конектора (квитанція СЕВ ОВВ, доповнення) застосовано до наявного / a repeat, the card on file; or a connector\'s own message (a СЕВ ОВВ receipt or addition) applied to what is on file',
        json: { oneOf: [ref('document-card'), ref('own-message-applied')] },
        headers: replayHeader,
      },
    },
  },
  'GET /api/v1/documents': {
    tag: 'documents', summary: 'Пошук документів', summaryEn: 'Search documents', queryFrom: 'document-query', exports: true,
    responses: { 200: { description: 'Сторінка карток / a page of cards', json: ref('document-list') } },
  },
  'GET /api/v1/documents/{id}': {
    tag: 'documents', summary: 'Реєстраційна картка документа', summaryEn: 'A document\'s registration card',
    responses: { 200: { description: 'Картка / the card', json: ref('document-card') } },
  },
  'GET /api/v1/documents/{id}/attachments/{ordinal}': {
    tag: 'documents', summary: 'Вкладення документа (байти, як надіслано)', summaryEn: 'An attachment\'s bytes, as sent',
    responses: { 200: { description: 'Вміст із власним типом / the content with its own media type', other: { '*/*': bytes }, headers: { 'Content-Disposition': 'attachment; filename*=UTF-8\'\'…' } } },
  },

  'POST /api/v1/documents/{id}/resolutions': {
    tag: 'control', summary: 'Резолюція: поставити на контроль', summaryEn: 'A resolution: put the document under control',
    headers: idempotent, body: { json: ref('resolution-request') },
    responses: { 201: { description: 'Контрольна картка / the control card', json: ref('control-card'), headers: replayHeader } },
  },
  'GET /api/v1/documents/{id}/control': {
    tag: 'control', summary: 'Контрольні картки документа', summaryEn: 'A document\'s control cards',
    responses: { 200: { description: 'Картки / the cards', json: list(ref('control-card')) } },
  },
  'POST /api/v1/documents/{id}/control/{cardId}/extension-requests': controlAction('Запит на продовження строку', 'Ask to extend the term', 'extension-request'),
  'POST /api/v1/documents/{id}/control/{cardId}/extension-decision': controlAction('Рішення щодо продовження строку', 'Decide on an extension', 'extension-decision'),
  'POST /api/v1/documents/{id}/control/{cardId}/interim-answers': controlAction('Проміжна відповідь', 'An interim answer', 'interim-answer'),
  'POST /api/v1/documents/{id}/control/{cardId}/execution': controlAction('Виконання', 'Execution', 'execution'),
  'POST /api/v1/documents/{id}/control/{cardId}/release': controlAction('Зняття з контролю', 'Release from control', 'release'),
  'GET /api/v1/control': {
    tag: 'control', summary: 'Перелік контрольних карток (щоденний перелік, тижневий план)', summaryEn: 'The control list (daily list, weekly plan)', exports: true,
    query: {
      status: { schema: { type: 'string', enum: ['under-control', 'executed', 'released'] } },
      executor: { schema: str, description: 'Відповідальний виконавець / the responsible executor' },
      dueBefore: { schema: date, description: 'Строк не пізніше / term on or before' },
      dueFrom: { schema: date, description: 'Строк не раніше (перша сторінка) / term on or after (the first page)' },
      overdue: { schema: { type: 'string', enum: ['true', 'false'] } },
      limit: limit(1000, 100), cursor,
    },
    responses: { 200: { description: 'Картки з ознакою прострочення / cards with `overdue`', json: controlList } },
  },
  'POST /api/v1/control/{cardId}/commands': {
    tag: 'edms', summary: 'Команда СЕД над карткою', summaryEn: 'An EDMS command on a card (the action\'s own permission applies)',
    headers: versioned, body: { json: ref('control-command') },
    responses: { 200: { description: 'Картка після команди / the card after the command', json: ref('control-card'), headers: replayHeader } },
  },
  'GET /api/v1/control/{cardId}': {
    tag: 'control', summary: 'Одна контрольна картка (версія в ETag)', summaryEn: 'One control card, its version as the ETag',
    responses: { 200: { description: 'Картка / the card', json: ref('control-card'), headers: { ETag: 'The card version, "7"' } } },
  },
  'GET /api/v1/reports/discipline': {
    tag: 'reports', summary: 'Виконавська дисципліна за період', summaryEn: 'Executive discipline over a period', exports: true, query: period(true),
    responses: { 200: { description: 'Звіт / the report', json: ref('discipline-report') } },
  },

  'GET /api/v1/dashboard/today': {
    tag: 'control', summary: 'Сьогодні: прострочені, строк за 3 робочі дні, зареєстровані сьогодні, карантин', summaryEn: 'Today: overdue, due within 3 working days, registered today by journal, open quarantine',
    description: 'The figures of the department\'s morning page (003 §117: due soon = term within 3 working days). An executor counts their own cards; journals need a wide role, the quarantine count `quarantine:read` (else null).',
    responses: { 200: { description: 'Показники / the figures', json: todayFigures } },
  },
  'GET /api/v1/reports/discipline/cards': {
    tag: 'reports', summary: 'Картки за показником виконавської дисципліни', summaryEn: 'The cards behind one figure of executive discipline',
    query: {
      executor: { schema: str, description: 'Відповідальний виконавець (або unassigned=true) / the responsible executor (or unassigned=true)' },
      unassigned: { schema: { type: 'string', enum: ['true', 'false'] }, description: 'Картки без виконавця (контроль відправника до резолюції) / the cards with no executor yet (the sender\'s control before a resolution)' },
      ...period(true),
      outcome: { schema: { type: 'string', enum: ['on-time', 'late', 'overdue', 'open'] }, required: true },
      limit: limit(1000, 500),
    },
    responses: { 200: { description: 'Картки / the cards', json: exact({ today: date, items: { type: 'array', items: ref('control-card') } }) } },
  },

  'GET /api/v1/quarantine': {
    tag: 'quarantine', summary: 'Карантин: відхилені вхідні', summaryEn: 'Quarantine: rejected inputs', exports: true,
    description: 'CSV and XLSX hold the page the JSON holds, without the payloads (GET /api/v1/quarantine/{id}/payload, by permission).',
    query: {
      status: { schema: { type: 'string', enum: ['open', 'replayed', 'dismissed', 'all'], default: 'open' } },
      code: { schema: str }, source: { schema: str }, limit: limit(200, 50), cursor,
    },
    responses: { 200: { description: 'Сторінка / a page', json: ref('quarantine-list'), headers: { 'X-Next-Cursor': 'CSV and XLSX: the next page\'s cursor, when there is one' } } },
  },
  'POST /api/v1/quarantine/replay': {
    tag: 'quarantine', summary: 'Повторити всі відкриті з кодом або джерелом', summaryEn: 'Replay every open item with a code and/or source',
    query: { code: { schema: str }, source: { schema: str } },
    responses: { 200: { description: 'Наслідок для кожного / the outcome of each', json: list(ref('quarantine-replay-outcome')) } },
  },
  'POST /api/v1/quarantine/{id}/replay': {
    tag: 'quarantine', summary: 'Повторити один запис карантину', summaryEn: 'Replay one quarantined item',
    responses: { 200: { description: 'Наслідок / the outcome', json: ref('quarantine-replay-outcome') } },
  },
  'POST /api/v1/quarantine/{id}/dismiss': {
    tag: 'quarantine', summary: 'Відхилити запис карантину з причиною', summaryEn: 'Dismiss a quarantined item with the reason', body: { json: ref('quarantine-dismiss') },
    responses: { 200: { description: 'Запис / the item', json: ref('quarantine-item') } },
  },
  'GET /api/v1/quarantine/{id}': {
    tag: 'quarantine', summary: 'Запис карантину', summaryEn: 'A quarantined item',
    responses: { 200: { description: 'Запис / the item', json: ref('quarantine-item') } },
  },
  'GET /api/v1/quarantine/{id}/payload': {
    tag: 'quarantine', summary: 'Байти відхиленого вхідного, як надіслано', summaryEn: 'The rejected input\'s bytes, as sent',
    responses: { 200: { description: 'Вміст / the bytes', other: { '*/*': bytes } } },
  },

  'GET /api/v1/nomenclature': {
    tag: 'nomenclature', summary: 'Номенклатура справ року', summaryEn: 'The nomenclature of files of a year',
    query: { year: { schema: { type: 'integer', minimum: 1991, maximum: 2100 }, description: 'Типово поточний / the current year by default' } },
    responses: { 200: { description: 'Справи / the files', json: exact({ year: int, cases: { type: 'array', items: ref('nomenclature-case') } }) } },
  },
  'PUT /api/v1/nomenclature/{year}': {
    tag: 'nomenclature', summary: 'Завантажити номенклатуру року', summaryEn: 'Load a year\'s nomenclature', body: { json: ref('nomenclature') },
    responses: { 200: { description: 'Скільки справ записано / how many were written', json: exact({ year: int, upserted: int }) } },
  },

  'GET /api/v1/sev-ovv/participants': {
    tag: 'outgoing', summary: 'Учасники СЕВ ОВВ, яким рада може надсилати документи', summaryEn: 'The СЕВ ОВВ participants the council may send to',
    responses: { 200: { description: 'Учасники / the participants', json: list(ref('sev-ovv-participant')) } },
  },
  'POST /api/v1/outgoing': {
    tag: 'outgoing', summary: 'Зареєструвати вихідний документ і надіслати його через СЕВ ОВВ', summaryEn: 'Register an outgoing document and send it through СЕВ ОВВ',
    description: 'Every addressee must be a participant (422 SEV_OVV_UNKNOWN_ADDRESSEE) and every file carry a detached signature that meets the policy for outgoing documents, qualified by default (422 OUTGOING_SIGNATURE_POLICY_FAILED with the reports); nothing is registered otherwise. One 1207 message per addressee (msg_type 3 to the sender of the answered document).',
    body: { json: ref('outgoing-submission') },
    headers: { 'Idempotency-Key': 'Optional: a retry with the same key and body answers the first card (Idempotent-Replay: true), never a second registration.' },
    responses: { 201: { description: 'Картка вихідного документа / the outgoing card', json: ref('outgoing-card') } },
  },
  'GET /api/v1/outgoing/messages': {
    tag: 'outgoing', summary: 'Надіслані повідомлення за станом квитанцій', summaryEn: 'Sent messages by the state of their receipts',
    query: { state: { schema: { type: 'string', enum: ['sent', 'delivered', 'accepted', 'registered', 'refused', 'unconfirmed'] }, description: 'unconfirmed: без жодної квитанції довше за SEV_OVV_RECEIPT_WAIT_WORKING_DAYS робочих днів / no receipt within the wait' } },
    responses: { 200: { description: 'Повідомлення / the messages', json: list(ref('outgoing-message')) } },
  },
  'GET /api/v1/outgoing/{id}': {
    tag: 'outgoing', summary: 'Картка вихідного документа з квитанціями', summaryEn: 'An outgoing document with its receipts',
    responses: { 200: { description: 'Картка / the card', json: ref('outgoing-card') } },
  },

  'GET /api/v1/audit/log': {
    tag: 'audit', summary: 'Журнал контролю з фільтрами', summaryEn: 'The control log, filtered', exports: true,
    query: {
      documentId: { schema: { type: 'string', format: 'uuid' } },
      documentIndex: { schema: { type: 'string', minLength: 1, maxLength: 60 }, description: 'Реєстраційний індекс документа / the document by its registration index, e.g. 01-07/12' },
      actor: { schema: str, description: 'Хто: ідентифікатор особи чи системи / who: the staff id or system' }, action: { schema: str }, ...period(false),
      limit: limit(10_000, 100), cursor: { schema: { type: 'string', pattern: '^\\d+$' }, description: 'nextCursor (CSV: the X-Next-Cursor header)' },
    },
    responses: { 200: { description: 'Записи / the entries', json: page(ref('audit-entry')), headers: { 'X-Next-Cursor': 'CSV and XLSX: the next page\'s cursor, when there is one' } } },
  },
  'GET /api/v1/audit/verify': {
    tag: 'audit', summary: 'Перевірка журналу: ланцюжок хешів і підписані контрольні точки', summaryEn: 'Check the log\'s hash chain and its signed checkpoints',
    responses: { 200: { description: 'Вердикт / the verdict', json: ref('audit-verdict') } },
  },
  'GET /api/v1/audit/checkpoints': {
    tag: 'audit', summary: 'Підписані контрольні точки журналу (для аудитора)', summaryEn: 'The log\'s signed checkpoints, for the auditor to keep',
    query: { limit: limit(10_000, 1000), cursor },
    responses: { 200: { description: 'Контрольні точки і відкритий ключ / the checkpoints and the public key', json: ref('audit-checkpoint-list') } },
  },
  'GET /api/v1/audit/personal-data-reads': {
    tag: 'audit', summary: 'Хто переглядав персональні дані', summaryEn: 'Who was shown personal data',
    query: { principal: { schema: str }, recordId: { schema: str }, ...period(false), limit: limit(10_000, 100), cursor },
    responses: { 200: { description: 'Записи / the reads', json: page(ref('personal-data-read')) } },
  },

  'GET /api/v1/documents/{id}/appeal': {
    tag: 'appeals', summary: 'Звернення: картка і рішення приймання', summaryEn: 'An appeal: its card and intake decisions',
    responses: { 200: { description: 'Звернення / the appeal', json: ref('appeal-view') } },
  },
  'POST /api/v1/documents/{id}/appeal/answer': {
    tag: 'appeals', summary: 'Відповідь на звернення', summaryEn: 'Answer an appeal', body: { json: ref('appeal-answer') },
    responses: { 200: { description: 'Звернення з відповіддю / the appeal answered', json: ref('appeal-view') } },
  },
  'POST /api/v1/direct-line/calls': {
    tag: 'appeals', summary: '«Пряма лінія»: дзвінок, на який надано усне роз’яснення без картки (003 §87-91)', summaryEn: 'A direct-line call answered orally, with no registration card',
    description: 'Counted in the appeals report’s directLine (calls, answeredOrally), not in its total (seed 000 line 25). No personal data: the applicant is not recorded.',
    headers: idempotent, body: { json: ref('direct-line-call') },
    responses: { 201: { description: 'Дзвінок / the call recorded', json: ref('direct-line-call-record'), headers: replayHeader } },
  },
  'GET /api/v1/direct-line/calls': {
    tag: 'appeals', summary: '«Пряма лінія»: дзвінки з усними роз’ясненнями за період', summaryEn: 'Direct-line calls answered orally over a period', query: period(false),
    responses: { 200: { description: 'Дзвінки / the calls', json: ref('direct-line-call-list') } },
  },
  'POST /api/v1/archive/import': {
    tag: 'edms', summary: 'Імпорт архіву попередніх років пакетом (зі збереженням реєстраційних номерів)', summaryEn: 'Import a batch of the archive of earlier years, keeping their registration numbers',
    description: 'Up to 1000 rows (schemas/archive-record.schema.json) as a JSON array or JSON lines (`application/x-ndjson`). Each row keeps its original index, number and date; the journal\'s counter continues after the highest imported number of the year. A row already on file (source + externalId) is answered `duplicate`: sending a batch again imports nothing twice. `?source=` is the source of rows that name none (default `archive`).',
    query: { source: { schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }, description: 'Джерело рядків без source / the source of rows that name none' } },
    body: {
      json: { type: 'array', maxItems: 1000, items: ref('archive-record') },
      other: { 'application/x-ndjson': { type: 'string', description: 'One archive record per line' } },
    },
    responses: {
      200: {
        description: 'Наслідок кожного рядка / each row\'s outcome',
        json: exact({
          imported: int, duplicate: int, rejected: int,
          rows: {
            type: 'array',
            items: {
              oneOf: [
                exact({ line: int, outcome: { type: 'string', enum: ['imported', 'duplicate'] }, documentId: { type: 'string', format: 'uuid' }, registrationIndex: str }),
                exact({ line: int, outcome: { type: 'string', enum: ['rejected'] }, violations: { type: 'array', items: exact({ field: str, message: str, messageUk: str }) } }),
              ],
            },
          },
        }),
      },
    },
  },
  'GET /api/v1/reports/appeals': {
    tag: 'reports', summary: 'Звіт про звернення громадян за період', summaryEn: 'The appeals report over a period', exports: true, query: period(true),
    responses: { 200: { description: 'Звіт / the report', json: ref('appeal-report') } },
  },
  'GET /api/v1/open-data/appeals': {
    tag: 'appeals', summary: 'Відкриті дані: звернення (без персональних даних)', summaryEn: 'Open data: appeals, no personal data', query: { ...period(false), format: { schema: { type: 'string', enum: ['json', 'csv'] } } },
    responses: { 200: { description: 'Набір даних / the data set', json: { type: 'array', items: openAppealRow }, other: { 'text/csv': str } } },
  },
  'GET /api/v1/open-data/petitions': {
    tag: 'petitions', summary: 'Відкриті дані: петиції', summaryEn: 'Open data: petitions', query: { ...period(false), format: { schema: { type: 'string', enum: ['json', 'csv'] } } },
    responses: { 200: { description: 'Набір даних / the data set', json: { type: 'array', items: openPetitionRow }, other: { 'text/csv': str } } },
  },

  'GET /api/v1/info-requests': {
    tag: 'info-requests', summary: 'Журнал запитів на інформацію', summaryEn: 'The public-information requests journal', exports: true, query: period(true),
    responses: { 200: { description: 'Журнал / the journal', json: ref('info-request-journal') } },
  },
  'POST /api/v1/documents/{id}/info-request/extension': {
    tag: 'info-requests', summary: 'Продовжити строк до 20 робочих днів', summaryEn: 'Extend the term to 20 working days', body: { json: ref('info-request-extension') },
    responses: { 200: { description: 'Запис журналу / the journal entry', json: ref('info-request-journal-entry') } },
  },
  'POST /api/v1/documents/{id}/info-request/answer': {
    tag: 'info-requests', summary: 'Відповідь на запит', summaryEn: 'Answer a request', body: { json: ref('info-request-answer') },
    responses: { 200: { description: 'Запис журналу / the journal entry', json: ref('info-request-journal-entry') } },
  },

  'POST /api/v1/petitions': {
    tag: 'petitions', summary: 'Вивантаження платформи петицій', summaryEn: 'A petition platform export', body: { json: ref('petition-export') },
    responses: {
      201: { description: 'Нова петиція / a new petition', json: ref('petition-intake-result') },
      200: { description: 'Оновлено або повтор / updated or a repeat', json: ref('petition-intake-result') },
    },
  },
  'GET /api/v1/petitions': {
    tag: 'petitions', summary: 'Петиції', summaryEn: 'Petitions', exports: true,
    query: { state: { schema: ref('petition-state') }, limit: limit(1000, 200) },
    responses: { 200: { description: 'Петиції / the petitions', json: ref('petition-list') } },
  },
  'GET /api/v1/petitions/{platformId}': {
    tag: 'petitions', summary: 'Петиція з переходами станів', summaryEn: 'A petition with its transitions',
    description: 'The platform id is `<community>/<id>`: one or two path segments (or `%2F`-encoded).',
    responses: { 200: { description: 'Петиція / the petition', json: ref('petition-view') } },
  },

  'POST /api/v1/signatures/verify': {
    tag: 'signatures', summary: 'Перевірити електронний підпис', summaryEn: 'Verify an e-signature', body: { json: ref('signature-verify-request') },
    responses: { 200: { description: 'Звіт перевірки (непідтверджений підпис — теж вердикт) / the report', json: ref('signature-verify-response') } },
  },

  'GET /api/v1/me': {
    tag: 'identity', summary: 'Хто я для хабу', summaryEn: 'Who the hub takes the caller for',
    responses: { 200: { description: 'Викликач / the caller', json: ref('caller') } },
  },
  'POST /api/v1/tokens': {
    tag: 'identity', summary: 'Створити API-токен (показується один раз)', summaryEn: 'Create an API token, shown once', body: { json: ref('token-create') },
    responses: { 201: { description: 'Токен із секретом / the token with its secret', json: ref('api-token') } },
  },
  'GET /api/v1/tokens': {
    tag: 'identity', summary: 'API-токени', summaryEn: 'API tokens',
    responses: { 200: { description: 'Токени без секретів / the tokens, no secrets', json: list(ref('api-token')) } },
  },
  'DELETE /api/v1/tokens/{id}': {
    tag: 'identity', summary: 'Відкликати API-токен', summaryEn: 'Revoke an API token',
    responses: { 200: { description: 'Відкликаний токен / the revoked token', json: ref('api-token') } },
  },
  'GET /api/v1/staff': {
    tag: 'identity', summary: 'Довідник персоналу', summaryEn: 'The staff directory',
    responses: { 200: { description: 'Довідник / the directory', json: ref('staff-directory') } },
  },
  'GET /api/v1/staff/{id}': {
    tag: 'identity', summary: 'Особа з довідника', summaryEn: 'A person of the directory',
    responses: { 200: { description: 'Особа / the person', json: ref('staff-member') } },
  },
  'PUT /api/v1/staff': {
    tag: 'identity', summary: 'Завантажити довідник персоналу', summaryEn: 'Load the staff directory', body: { json: ref('staff-directory') },
    responses: { 200: { description: 'Скільки додано і оновлено / how many added and updated', json: exact({ added: int, updated: int }) } },
  },

  'GET /api/v1/config': {
    tag: 'operations', summary: 'Налаштування хабу (секрети приховано)', summaryEn: 'The hub\'s settings, secrets hidden',
    responses: { 200: { description: 'Налаштування / the settings', json: { type: 'object', description: 'The settings from the environment; secrets are replaced.' } } },
  },
  'GET /metrics': {
    tag: 'operations', summary: 'Метрики Prometheus', summaryEn: 'Prometheus metrics',
    responses: { 200: { description: 'Формат експозиції Prometheus / the exposition format', other: { 'text/plain': str } } },
  },

  'GET /api/v1/changes': {
    tag: 'edms', summary: 'Стрічка змін документів і карток', summaryEn: 'The change feed of documents and control cards',
    query: {
      since: { schema: str, description: 'nextCursor of the previous call' },
      types: { schema: { type: 'string', pattern: '^[a-z.*-]+(,[a-z.*-]+)*$' }, description: 'e.g. document.registered,control.*' },
      limit: limit(1000, 100),
    },
    responses: { 200: { description: 'Зміни / the changes', json: page(change) } },
  },
  'POST /api/v1/subscriptions': {
    tag: 'edms', summary: 'Підписка на вебхуки (секрет показується один раз)', summaryEn: 'Subscribe to webhooks; the secret is shown once', body: { json: ref('subscription-create') },
    responses: { 201: { description: 'Підписка з секретом / the subscription with its secret', json: subscription } },
  },
  'GET /api/v1/subscriptions': {
    tag: 'edms', summary: 'Підписки на вебхуки', summaryEn: 'Webhook subscriptions',
    responses: { 200: { description: 'Підписки / the subscriptions', json: list(subscription) } },
  },
  'GET /api/v1/subscriptions/{id}': {
    tag: 'edms', summary: 'Підписка', summaryEn: 'A subscription', responses: { 200: { description: 'Підписка / the subscription', json: subscription } },
  },
  'POST /api/v1/subscriptions/{id}/pause': {
    tag: 'edms', summary: 'Призупинити підписку', summaryEn: 'Pause a subscription', responses: { 200: { description: 'Підписка / the subscription', json: subscription } },
  },
  'POST /api/v1/subscriptions/{id}/resume': {
    tag: 'edms', summary: 'Відновити підписку', summaryEn: 'Resume a subscription', responses: { 200: { description: 'Підписка / the subscription', json: subscription } },
  },
  'POST /api/v1/subscriptions/{id}/rotate-secret': {
    tag: 'edms', summary: 'Замінити секрет підпису', summaryEn: 'Rotate the signing secret (both sign during the grace period)',
    responses: { 200: { description: 'Підписка з новим секретом / with the new secret', json: subscription } },
  },
  'DELETE /api/v1/subscriptions/{id}': {
    tag: 'edms', summary: 'Видалити підписку', summaryEn: 'Delete a subscription', responses: { 204: { description: 'Видалено / deleted' } },
  },
  'GET /api/v1/subscriptions/{id}/deliveries': {
    tag: 'edms', summary: 'Доставки підписки з усіма спробами', summaryEn: 'A subscription\'s deliveries with every attempt',
    query: { status: { schema: { type: 'string', enum: ['pending', 'delivered', 'failed'] } }, limit: limit(1000, 100) },
    responses: { 200: { description: 'Доставки / the deliveries', json: list(ref('webhook-delivery')) } },
  },
  'POST /api/v1/subscriptions/{id}/deliveries/replay': {
    tag: 'edms', summary: 'Повторити всі відкладені доставки', summaryEn: 'Replay every parked delivery',
    responses: { 200: { description: 'Скільки повернуто в чергу / how many were put back', json: exact({ replayed: int }) } },
  },
  'POST /api/v1/subscriptions/{id}/deliveries/{deliveryId}/replay': {
    tag: 'edms', summary: 'Повторити одну відкладену доставку', summaryEn: 'Replay one parked delivery',
    responses: { 200: { description: 'Повернуто в чергу / put back', json: exact({ replayed: int }) } },
  },

  'GET /api/v1/openapi.json': {
    tag: 'contract', summary: 'Цей документ OpenAPI 3.1', summaryEn: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'OpenAPI 3.1', json: { type: 'object', required: ['openapi', 'info', 'paths'], properties: { openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' } } } } },
  },
  'GET /api/v1/asyncapi.json': {
    tag: 'contract', summary: 'Контракт AMQP (AsyncAPI 3)', summaryEn: 'The AMQP contract (AsyncAPI 3)',
    responses: { 200: { description: 'AsyncAPI 3', json: { type: 'object', required: ['asyncapi', 'info', 'channels'], properties: { asyncapi: { type: 'string', pattern: '^3\\.' }, info: { type: 'object' }, channels: { type: 'object' } } } } },
  },
  'GET /api/v1/docs': {
    tag: 'contract', summary: 'Довідник API (HTML)', summaryEn: 'The API reference page (HTML)',
    responses: { 200: { description: 'Сторінка / the page', other: { 'text/html': str } } },
  },
};
