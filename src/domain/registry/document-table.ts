/**
 * The documents list staff open in Excel (GET /api/v1/documents as CSV or XLSX, issue 12): one
 * row per registration card, values in Ukrainian, defined once for both (src/exports). The cards
 * come as the JSON has them — a citizen's correspondent already masked for a caller without the
 * personal-data role (src/appeals/privacy.ts).
 */
import { date, dateTime, integer, text, type Table } from '../../exports';
import type { DocumentCard } from '../../schemas';
import { DOCUMENT_KIND_UK, DOCUMENT_STATUS_UK, URGENCY_UK } from './labels-uk';

export { DOCUMENT_KIND_UK, DOCUMENT_STATUS_UK, URGENCY_UK };

export const DOCUMENTS_TABLE: Table<DocumentCard> = {
  title: 'Реєстр документів',
  fileName: 'documents',
  columns: [
    text('Реєстраційний індекс', (d) => d.registration?.index),
    date('Дата реєстрації', (d) => d.registration?.date),
    dateTime('Надійшло (Київ)', (d) => d.receivedAt),
    text('Вид документа', (d) => DOCUMENT_KIND_UK[d.kind]),
    text('Кореспондент', (d) => d.correspondent.name),
    text('Вихідний номер', (d) => d.outgoing?.number),
    date('Вихідна дата', (d) => d.outgoing?.date),
    text('Короткий зміст', (d) => d.summary),
    text('Терміновість', (d) => (d.urgency ? URGENCY_UK[d.urgency] : '')),
    date('Строк, зазначений у документі', (d) => d.dueDate),
    text('Стан', (d) => DOCUMENT_STATUS_UK[d.status]),
    text('Справа', (d) => d.registration?.case),
    integer('Сторінок', (d) => d.pages),
    integer('Додатків', (d) => d.attachments.length),
    text('Позначки', (d) => d.flags?.map((f) => f.messageUk).join('; ')),
    text('Причина, з якої не зареєстровано', (d) => d.notRegisteredReason?.messageUk),
    text('Джерело', (d) => d.source),
    text('Ідентифікатор документа', (d) => d.id),
  ],
};
