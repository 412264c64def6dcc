import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { HubError } from '../errors';
import { assertValid, violations, type Nomenclature, type NomenclatureCase } from '../schemas';
import { nomenclature as store, type Db } from '../store';
import { projectPath } from '../paths';

export const SAMPLE_NOMENCLATURE_FILE = projectPath('reference-data', 'nomenclature', 'sample-general-department.json');

/** Column names as an English file or a Ukrainian spreadsheet has them (lower case, trimmed). */
const COLUMNS: Record<string, keyof NomenclatureCase> = {
  index: 'index', 'індекс': 'index', 'індекс справи': 'index',
  title: 'title', 'заголовок': 'title', 'заголовок справи': 'title', 'назва': 'title',
  'заголовок справи (тому, частини)': 'title',
  subdivision: 'subdivision', 'підрозділ': 'subdivision', 'структурний підрозділ': 'subdivision',
  storageterm: 'storageTerm', 'строк зберігання': 'storageTerm', 'строк зберігання справи (тому, частини) і номери статей за переліком': 'storageTerm',
  journal: 'journal', 'журнал': 'journal', 'журнал реєстрації': 'journal',
  note: 'note', 'примітка': 'note', 'примітки': 'note',
};

/** Journals by the names clerks use (registry-routing.json names them in English). */
const JOURNALS: Record<string, string> = {
  'вхідні': 'incoming', 'вхідна кореспонденція': 'incoming', 'звернення громадян': 'appeals', 'звернення': 'appeals',
  'документи органів вищого рівня': 'higher-authority', 'органи вищого рівня': 'higher-authority',
  'прокурорське реагування': 'prosecutorial', 'акти прокурорського реагування': 'prosecutorial',
  'електронні петиції': 'petitions', 'петиції': 'petitions', 'запити на інформацію': 'info-requests', 'запити на публічну інформацію': 'info-requests',
  'рішення виконкому': 'committee-decisions', 'рішення виконавчого комітету': 'committee-decisions', 'розпорядження': 'mayor-orders',
  'розпорядження міського голови': 'mayor-orders',
};

/** A row's problems, each with the CSV line and the column as the file names it, in Ukrainian and English. */
export interface NomenclatureRowError {
  line: number;
  column: string;
  message: string;
  messageUk: string;
}

/**
 * Reads CSV as a spreadsheet saves it: `;` or `,` (told by the header line), a UTF-8 BOM,
 * English or Ukrainian column names, journals by their Ukrainian names. Every row is checked
 * on its own, so the errors name the line and the column (VALIDATION_FAILED with `rows`).
 */
function readNomenclatureCsv(text: string, file: string): Nomenclature {
  const headerLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.includes(';') ? ';' : ',';
  const header: string[] = [];
  const rows = parseCsv(text, {
    columns: (h: string[]) => h.map((c) => {
      header.push(c.trim());
      return COLUMNS[c.trim().toLowerCase()] ?? c.trim();
    }),
    skip_empty_lines: true, trim: true, bom: true, delimiter, info: true,
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  const label = (field: string) => header.find((h) => (COLUMNS[h.toLowerCase()] ?? h) === field) ?? field;
  const errors: NomenclatureRowError[] = [];
  const cases = rows.map(({ record, info }) => {
    const c: Record<string, string> = {};
    for (const [k, v] of Object.entries(record)) if (v !== '') c[k] = k === 'journal' ? JOURNALS[v.toLowerCase()] ?? v : v;
    for (const v of violations('nomenclature-case.schema.json', c)) {
      const field = v.path === '/' ? (/«(.+)»/.exec(v.messageUk)?.[1] ?? '') : v.path.slice(1);
      errors.push({ line: info.lines, column: label(field), message: v.message, messageUk: v.messageUk });
    }
    return c;
  });
  if (errors.length) throw HubError.of('VALIDATION_FAILED', { file, rows: errors });
  return parseNomenclature({ cases }, file);
}

/**
 * Reads a nomenclature of files from JSON ({ cases: [...] } or a bare array) or CSV (see
 * readNomenclatureCsv); validates it against the schema and rejects duplicate case indexes.
 */
export function readNomenclatureFile(file: string): Nomenclature {
  const text = readFileSync(file, 'utf8');
  if (extname(file).toLowerCase() === '.csv') return readNomenclatureCsv(text, file);
  const parsed = JSON.parse(text) as unknown;
  return parseNomenclature(Array.isArray(parsed) ? { cases: parsed } : parsed, file);
}

/** Checks a nomenclature against the schema and for case indexes given twice (`origin` names where it came from). */
export function parseNomenclature(data: unknown, origin: string): Nomenclature {
  const nom = assertValid<Nomenclature>('nomenclature.schema.json', data);
  const seen = new Set<string>();
  for (const c of nom.cases) {
    if (seen.has(c.index)) {
      throw HubError.of('VALIDATION_FAILED', { problem: `case index ${c.index} appears twice in ${origin}`, problemUk: `індекс справи ${c.index} повторюється в ${origin}`, index: c.index });
    }
    seen.add(c.index);
  }
  return nom;
}

export async function importNomenclatureFile(db: Db, file: string, year: number): Promise<NomenclatureCase[]> {
  const nom = readNomenclatureFile(file);
  if (nom.year !== undefined && nom.year !== year) {
    throw HubError.of('VALIDATION_FAILED', { problem: `${file} is the nomenclature for ${nom.year}, not ${year}`, problemUk: `${file} — номенклатура на ${nom.year} рік, а не на ${year}`, year: nom.year });
  }
  await db.tx((q) => store.importNomenclature(q, year, nom.cases));
  return nom.cases;
}

/** For a newcomer's first start: the shipped sample, loaded for the year when that year has none. */
export async function ensureSampleNomenclature(db: Db, year: number): Promise<boolean> {
  const years = await store.nomenclatureYears(db);
  if (years.includes(year)) return false;
  await importNomenclatureFile(db, SAMPLE_NOMENCLATURE_FILE, year);
  return true;
}
