import { HubError } from '../errors';
import { XLSX_MEDIA_TYPE } from '../exports';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A calendar date YYYY-MM-DD that exists (years 0001-9999): `2026-02-30` and `2026-13-45` do not,
 * though they look like dates (issue 14: they reached PostgreSQL and came back as 500).
 */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  // Day 0 of the next month is the last of this one (Date.UTC maps years 1-99 to 1901-1999: same leap years).
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** What a parameter must look like: a regex, or a check such as DATE. */
export interface Pattern {
  test(value: string): boolean;
}

/** The one date check of every date parameter (from, to, dueBefore …, a cursor's term): a real calendar date. */
export const DATE: Pattern & { problem: string } = { test: isCalendarDate, problem: 'not a calendar date YYYY-MM-DD' };

/** One query-string parameter: absent → undefined; repeated or not matching → INVALID_QUERY. */
export function queryParam(query: Record<string, unknown>, name: string, pattern?: Pattern & { problem?: string }): string | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || (pattern && !pattern.test(v))) {
    throw HubError.of('INVALID_QUERY', pattern?.problem && typeof v === 'string' ? { parameter: name, problem: pattern.problem } : { parameter: name });
  }
  return v;
}

/** A date parameter (absent → undefined), checked as a calendar date. */
export function dateParam(query: Record<string, unknown>, name: string): string | undefined {
  return queryParam(query, name, DATE);
}

/**
 * A numeric cursor (a sequence number): digits only and a safe integer PostgreSQL's bigint holds,
 * else INVALID_CURSOR (`cursor=1e20`, `cursor=99999999999999999999` were a 500).
 */
export function seqCursor(query: Record<string, unknown>, name = 'cursor'): number | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'string' && /^\d{1,16}$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw HubError.of('INVALID_CURSOR', { parameter: name });
  return n;
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
