import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

/**
 * A directory a council keeps up to date and imports (the staff, the СЕВ ОВВ participants): a
 * `.csv` file — `,` or `;` as its first line shows, a BOM dropped, each header trimmed and renamed
 * by `columns` (lower-cased; English or Ukrainian names a clerk may write) — or else JSON. The
 * caller shapes the rows and checks them against its schema.
 */
export function readDirectoryFile(file: string, columns: Record<string, string>): { rows: Record<string, string>[] } | { json: unknown } {
  const text = readFileSync(file, 'utf8');
  if (extname(file).toLowerCase() !== '.csv') return { json: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  const delimiter = (text.split('\n')[0] ?? '').includes(';') ? ';' : ',';
  const rows = parseCsv(text, {
    columns: (h: string[]) => h.map((c) => columns[c.trim().toLowerCase()] ?? c.trim()), skip_empty_lines: true, trim: true, bom: true, delimiter,
  }) as Record<string, string>[];
  return { rows };
}
