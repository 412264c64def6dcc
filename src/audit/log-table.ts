/**
 * The control log for auditors' spreadsheets (issue 12), one definition for CSV and XLSX
 * (src/exports): one row per entry, before/after as JSON text, and the time twice — as a Kyiv
 * clerk reads it, and the UTC text the entry's hash covers, kept as text so a row can be re-hashed.
 */
import type { AuditEntry } from '../domain/audit';
import { dateTime, integer, text, type Table } from '../exports';

export const AUDIT_LOG_TABLE: Table<AuditEntry> = {
  title: 'Журнал контролю дій',
  fileName: 'audit-log',
  columns: [
    integer('Номер запису', (e) => e.seq),
    dateTime('Час (Київ)', (e) => e.at),
    text('Час (UTC, як у хеші)', (e) => e.at),
    text('Хто', (e) => e.actor),
    text('Як автентифіковано', (e) => (e.via ? JSON.stringify(e.via) : '')),
    text('Дія', (e) => e.action),
    text('Документ', (e) => e.documentId),
    text('До', (e) => JSON.stringify(e.before)),
    text('Після', (e) => JSON.stringify(e.after)),
    text('Причина', (e) => e.reason),
    text('Хеш попереднього', (e) => e.prevHash),
    text('Хеш', (e) => e.hash),
  ],
};
