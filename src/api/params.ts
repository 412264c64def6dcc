import { HubError } from '../errors';
import { XLSX_MEDIA_TYPE } from '../exports';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One query-string parameter: absent → undefined; repeated or not matching → INVALID_QUERY. */
export function queryParam(query: Record<string, unknown>, name: string, pattern?: RegExp): string | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || (pattern && !pattern.test(v))) throw HubError.of('INVALID_QUERY', { parameter: name });
  return v;
}

export type ExportFormat = 'json' | 'csv' | 'xlsx';

/**
 * What a list or report is answered in: ?format=json|csv|xlsx wins (another value is
 * INVALID_QUERY), else Accept (text/csv, the XLSX media type), else JSON — also for a browser,
 * whose Accept takes anything.
 */
export function exportFormat(req: { query: Record<string, unknown>; accepts(types: string[]): string | false }): ExportFormat {
  const asked = queryParam(req.query, 'format', /^(json|csv|xlsx)$/);
  if (asked) return asked as ExportFormat;
  const accepted = req.accepts(['application/json', 'text/csv', XLSX_MEDIA_TYPE]);
  return accepted === 'text/csv' ? 'csv' : accepted === XLSX_MEDIA_TYPE ? 'xlsx' : 'json';
}
