/**
 * The archive (issue 13): documents, appeals, information requests and control cards of earlier
 * years imported with their own registration, from files (`dilovod import`) or in batches over
 * HTTP (POST /api/v1/archive/import). See importer.ts for what is kept and how.
 */
import type { Config } from '../config';
import { loadRouting } from '../config/routing';
import { configuredCalendar } from '../control/terms';
import type { Db } from '../store';
import type { ArchiveDeps } from './importer';

export { ARCHIVE_BATCH, importBatch } from './importer';
export type { ArchiveDeps, BatchOptions, RowOutcome, RowViolation } from './importer';
export { importFile, rejectLines, rejectsPaths } from './file';
export type { FileOptions, FileProgress, FileSummary } from './file';
export { ArchiveFileError, jsonLineRow, jsonField } from './rows';
export type { ArchiveRow } from './rows';
export { ProgressLine, progressText, summaryText } from './progress';

/** The import as the settings make it: the council's routing and the appeals' calendar (as the hub's pipeline). */
export function archiveDeps(config: Config, db: Db, now: () => Date = () => new Date()): ArchiveDeps {
  return { db, routing: loadRouting(config.registryRoutingFile), appeals: { calendar: configuredCalendar(config) }, now };
}
