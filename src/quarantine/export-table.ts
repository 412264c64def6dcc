/**
 * The quarantine list staff open in Excel (GET /api/v1/quarantine as CSV or XLSX, issue 15): one
 * row per rejected input, as the JSON has it — the reason and the schema's violations in
 * Ukrainian, where it came from, what was done with it. The raw payload is not in the file: it is
 * read one item at a time (GET …/{id}/payload), by permission, as a citizen's letter may be in it.
 */
import { dateTime, integer, text, type Table } from '../exports';
import type { QuarantineItem, SchemaViolation } from '../schemas';
import { QUARANTINE_CHANNEL_UK, QUARANTINE_STATUS_UK } from './labels-uk';

export { QUARANTINE_CHANNEL_UK, QUARANTINE_STATUS_UK };

/** «/summary: обов’язкове поле» for each violation the schema check left in the details. */
function violationsUk(details: unknown): string {
  const list = (details as { violations?: unknown } | null | undefined)?.violations;
  if (!Array.isArray(list)) return '';
  return (list as Array<Partial<SchemaViolation>>).map((v) => `${v.path || '/'}: ${v.messageUk ?? v.message ?? ''}`).join('; ');
}

export const QUARANTINE_TABLE: Table<QuarantineItem> = {
  title: 'Карантин: вхідні повідомлення, які не прийнято',
  fileName: 'quarantine',
  columns: [
    dateTime('Надійшло (Київ)', (i) => i.receivedAt),
    text('Код причини', (i) => i.code),
    text('Причина', (i) => i.reasonUk),
    text('Порушення', (i) => violationsUk(i.details)),
    text('Канал', (i) => QUARANTINE_CHANNEL_UK[i.channel]),
    text('Джерело', (i) => i.source),
    text('Ідентифікатор відправника', (i) => i.externalId),
    text('Формат', (i) => i.format),
    integer('Спроб', (i) => i.attempts),
    dateTime('Востаннє (Київ)', (i) => i.lastSeenAt),
    text('Стан', (i) => QUARANTINE_STATUS_UK[i.status]),
    text('Хто вирішив', (i) => i.resolvedBy),
    dateTime('Коли вирішено (Київ)', (i) => i.resolvedAt),
    text('Причина відхилення', (i) => i.dismissReason),
    text('Зареєстрований документ', (i) => i.documentId),
    text('SHA-256 вмісту', (i) => i.payloadSha256),
    text('Ідентифікатор запису', (i) => i.id),
  ],
};
