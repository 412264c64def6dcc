/**
 * What staff read for a quarantined input's state and channel: one place, for the export
 * (export-table.ts) and the department's web pages (web/), which import this file as is.
 */
import type { QuarantineItem } from '../schemas/generated';

export const QUARANTINE_STATUS_UK: Readonly<Record<QuarantineItem['status'], string>> = {
  open: 'чекає',
  replayed: 'оброблено повторно',
  dismissed: 'відхилено',
};

export const QUARANTINE_CHANNEL_UK: Readonly<Record<QuarantineItem['channel'], string>> = {
  http: 'HTTP API',
  amqp: 'черга повідомлень (AMQP)',
  connector: 'конектор',
  cli: 'командний рядок',
};
