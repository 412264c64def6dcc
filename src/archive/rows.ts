/**
 * Reading an archive file row by row, streaming (a million rows need not fit in memory): CSV as a
 * spreadsheet saves it (`;` or `,`, a UTF-8 BOM, one flat row per document, column names in
 * English or as the hub's own documents table names them) and JSON lines (one ArchiveRecord per
 * line). Every row keeps its line in the file and its exact text, so a bad one is reported by
 * file, line and field and written aside as it was.
 */
import { parse as parseCsv } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { HubError } from '../errors';
import { parseJson } from '../pipeline/strict-json';

/** One row as read: the record (an ArchiveRecord if the row is good), or why it could not be read. */
export interface ArchiveRow {
  /** The file's line the row starts on (1-based, the header is line 1 of a CSV). */
  line: number;
  /** The row's text exactly as in the file (without the line end). */
  raw: string;
  record?: unknown;
  /** Why the row could not be read at all (not JSON). */
  unreadable?: { message: string; messageUk: string };
}

export type ArchiveFormat = 'csv' | 'jsonl';

/** How an error names a field: the CSV column, or the JSON pointer of a JSON-lines record. */
export type FieldLabel = (pointer: string) => string;

type Cell = 'text' | 'integer' | 'json';

/** The CSV columns and where each goes in the ArchiveRecord (schemas/archive-record.schema.json). */
const CSV_COLUMNS: ReadonlyArray<{ name: string; pointer: string; cell?: Cell; aliases?: string[] }> = [
  { name: 'source', pointer: '/submission/source', aliases: ['джерело'] },
  { name: 'externalId', pointer: '/submission/externalId', aliases: ['ідентифікатор'] },
  { name: 'kind', pointer: '/submission/kind', aliases: ['вид'] },
  { name: 'subtype', pointer: '/submission/subtype', aliases: ['підвид'] },
  { name: 'correspondent', pointer: '/submission/correspondent/name', aliases: ['кореспондент', 'заявник'] },
  { name: 'edrpou', pointer: '/submission/correspondent/edrpou', aliases: ['єдрпоу'] },
  { name: 'address', pointer: '/submission/correspondent/address', aliases: ['адреса'] },
  { name: 'email', pointer: '/submission/correspondent/email', aliases: ['e-mail', 'електронна пошта'] },
  { name: 'phone', pointer: '/submission/correspondent/phone', aliases: ['телефон'] },
  { name: 'outgoingNumber', pointer: '/submission/outgoing/number', aliases: ['вихідний номер'] },
  { name: 'outgoingDate', pointer: '/submission/outgoing/date', aliases: ['вихідна дата'] },
  { name: 'summary', pointer: '/submission/summary', aliases: ['короткий зміст'] },
  { name: 'receivedAt', pointer: '/submission/receivedAt', aliases: ['надійшло'] },
  { name: 'urgency', pointer: '/submission/urgency' },
  { name: 'caseIndex', pointer: '/submission/caseIndex', aliases: ['справа'] },
  { name: 'pages', pointer: '/submission/pages', cell: 'integer', aliases: ['сторінок'] },
  { name: 'dueDate', pointer: '/submission/dueDate' },
  { name: 'meta', pointer: '/submission/meta', cell: 'json' },
  { name: 'regIndex', pointer: '/registration/index', aliases: ['реєстраційний індекс'] },
  { name: 'regNumber', pointer: '/registration/number', cell: 'integer', aliases: ['реєстраційний номер', 'номер'] },
  { name: 'regDate', pointer: '/registration/date', aliases: ['дата реєстрації'] },
  { name: 'regJournal', pointer: '/registration/journal', aliases: ['журнал'] },
  { name: 'answerResult', pointer: '/answer/result' },
  { name: 'answeredOn', pointer: '/answer/answeredOn' },
  { name: 'answerSummary', pointer: '/answer/summary' },
  { name: 'answerOutgoingIndex', pointer: '/answer/outgoingIndex' },
  { name: 'controlExecutor', pointer: '/control/0/executor' },
  { name: 'controlController', pointer: '/control/0/controller' },
  { name: 'controlTask', pointer: '/control/0/task' },
  { name: 'controlResolutionDate', pointer: '/control/0/resolutionDate' },
  { name: 'controlTerm', pointer: '/control/0/term' },
  { name: 'controlExecutedOn', pointer: '/control/0/executedOn' },
  { name: 'controlReleasedOn', pointer: '/control/0/releasedOn' },
];

const BY_HEADER = new Map<string, (typeof CSV_COLUMNS)[number]>();
for (const c of CSV_COLUMNS) for (const n of [c.name, ...(c.aliases ?? [])]) BY_HEADER.set(n.toLowerCase(), c);

/** A file the import cannot read as a whole (unknown columns, no header): nothing is imported from it. */
export class ArchiveFileError extends Error {
  constructor(readonly messageUk: string, message: string) {
    super(message);
    this.name = 'ArchiveFileError';
  }
}

export function formatOf(file: string): ArchiveFormat {
  const ext = extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : 'jsonl';
}

/** The JSON pointer as a person reads it: `submission.correspondent.name`. */
export const jsonField: FieldLabel = (pointer) => pointer.replace(/^\//, '').replace(/\//g, '.') || '(рядок)';

function put(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = pointer.slice(1).split('/');
  let at: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i] as string;
    const nextIsIndex = /^\d+$/.test(parts[i + 1] as string);
    const container = at as Record<string, unknown>;
    container[key] ??= nextIsIndex ? [] : {};
    at = container[key] as Record<string, unknown>;
  }
  (at as Record<string, unknown>)[parts[parts.length - 1] as string] = value;
}

function cellValue(text: string, cell: Cell | undefined): unknown {
  if (cell === 'integer') return /^\d+$/.test(text) ? Number(text) : text;
  if (cell === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text; // the schema then says it is not an object
    }
  }
  return text;
}

/** Streams the rows of a CSV file; the label maps a pointer back to the file's own column name. */
export async function* readCsvRows(file: string, onHeader: (label: FieldLabel, header: string) => void): AsyncGenerator<ArchiveRow> {
  const firstLine = await readFirstLine(file);
  if (!firstLine.trim()) throw new ArchiveFileError(`у файлі ${file} немає рядка заголовка`, `${file} has no header line`);
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const headers = parseHeader(firstLine, delimiter);
  const unknown = headers.filter((h) => !BY_HEADER.has(h.trim().toLowerCase()));
  if (unknown.length) {
    throw new ArchiveFileError(
      `у файлі ${file} невідомі стовпці: ${unknown.map((u) => `«${u}»`).join(', ')}; відомі: ${CSV_COLUMNS.map((c) => c.name).join(', ')}`,
      `${file} has unknown columns: ${unknown.join(', ')}`,
    );
  }
  const columns = headers.map((h) => BY_HEADER.get(h.trim().toLowerCase())!);
  const byPointer = new Map(columns.map((c, i) => [c.pointer, headers[i]!.trim()]));
  onHeader((pointer) => {
    // The column of the field itself, else of a field inside it (a missing correspondent: its name), else of what holds it.
    const inside = columns.findIndex((c) => c.pointer.startsWith(`${pointer}/`));
    if (!byPointer.has(pointer) && inside >= 0) return headers[inside]!.trim();
    for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) {
      const found = byPointer.get(p) ?? CSV_COLUMNS.find((c) => c.pointer === p)?.name;
      if (found) return found;
    }
    return jsonField(pointer);
  }, firstLine);
  const parser = createReadStream(file).pipe(parseCsv({
    delimiter, bom: true, from_line: 2, raw: true, info: true, skip_empty_lines: true, relax_column_count: true,
  }));
  for await (const chunk of parser as AsyncIterable<{ record: string[]; raw: string; info: { lines: number } }>) {
    const raw = chunk.raw.replace(/\r?\n$/, '');
    const line = chunk.info.lines - (raw.match(/\n/g)?.length ?? 0);
    const record: Record<string, unknown> = {};
    chunk.record.forEach((value, i) => {
      const col = columns[i];
      const text = value.trim();
      if (col && text !== '') put(record, col.pointer, cellValue(text, col.cell));
    });
    if (chunk.record.length > columns.length) {
      yield { line, raw, unreadable: { message: `the row has ${chunk.record.length} cells, the header ${columns.length}`, messageUk: `у рядку ${chunk.record.length} клітинок, а в заголовку ${columns.length} стовпців` } };
      continue;
    }
    // The answer columns of an information request's row are its answer under Law 2939-VI.
    if ((record.submission as { kind?: string } | undefined)?.kind === 'info-request' && record.answer) {
      record.infoRequestAnswer = record.answer;
      delete record.answer;
    }
    yield { line, raw, record };
  }
}

function parseHeader(line: string, delimiter: string): string[] {
  return line.replace(/^\uFEFF/, '').split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
}

async function readFirstLine(file: string): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await fh.close();
  }
}

/** One line of JSON lines (an ArchiveRecord) as the row numbered `line`; undefined for an empty line. */
export function jsonLineRow(text: string, line: number): ArchiveRow | undefined {
  const raw = text.replace(/\r$/, '');
  if (!raw.trim()) return undefined;
  try {
    // The same strict decoding as every door (src/pipeline/strict-json.ts): NUL, a lone surrogate
    // or nesting too deep is this row's rejection, not a 500 from PostgreSQL (issue 14).
    return { line, raw, record: parseJson(Buffer.from(raw, 'utf8')) };
  } catch (err) {
    const hostile = err instanceof HubError && err.code !== 'INVALID_JSON' ? err : undefined;
    const parser = err instanceof HubError ? (err.details as { parser?: string } | undefined)?.parser : (err as Error).message;
    return {
      line, raw,
      unreadable: hostile
        ? { message: `refused (${hostile.code}): ${hostile.spec.message}`, messageUk: `рядок не прийнято (${hostile.code}): ${hostile.spec.messageUk}` }
        : { message: `not valid JSON: ${parser ?? ''}`, messageUk: 'рядок не є коректним JSON' },
    };
  }
}

/** Streams the rows of a JSON-lines file. */
export async function* readJsonLines(file: string): AsyncGenerator<ArchiveRow> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    const row = jsonLineRow(n === 1 ? text.replace(/^\uFEFF/, '') : text, n);
    if (row) yield row;
  }
}

/** How many rows the file has (its non-empty lines, less a CSV's header): the progress line's total. */
export async function countRows(file: string, format: ArchiveFormat): Promise<number> {
  let lines = 0;
  let lastByte = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length) lastByte = chunk[chunk.length - 1] as number;
  }
  if (lastByte !== 10) lines++;
  return Math.max(0, format === 'csv' ? lines - 1 : lines);
}
