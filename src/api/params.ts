import { HubError } from '../errors';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One query-string parameter: absent → undefined; repeated or not matching → INVALID_QUERY. */
export function queryParam(query: Record<string, unknown>, name: string, pattern?: RegExp): string | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || (pattern && !pattern.test(v))) throw HubError.of('INVALID_QUERY', { parameter: name });
  return v;
}

/** CSV when asked for by ?format=csv or Accept: text/csv. */
export function wantsCsv(req: { query: Record<string, unknown>; accepts(types: string[]): string | false }): boolean {
  return req.query.format === 'csv' || req.accepts(['application/json', 'text/csv']) === 'text/csv';
}
