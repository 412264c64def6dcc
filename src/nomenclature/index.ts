import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { HubError } from '../errors';
import { assertValid, type Nomenclature, type NomenclatureCase } from '../schemas';
import { nomenclature as store, type Db } from '../store';

export const SAMPLE_NOMENCLATURE_FILE = join(__dirname, '..', '..', 'reference-data', 'nomenclature', 'sample-general-department.json');

/**
 * Reads a nomenclature of files from JSON ({ cases: [...] } or a bare array) or CSV with the
 * header index,title,subdivision,storageTerm,journal[,note]; validates it against the schema and
 * rejects duplicate case indexes.
 */
export function readNomenclatureFile(file: string): Nomenclature {
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  if (extname(file).toLowerCase() === '.csv') {
    const rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
    data = {
      cases: rows.map((r) => {
        const c: Record<string, string> = {};
        for (const [k, v] of Object.entries(r)) if (v !== '') c[k] = v;
        return c;
      }),
    };
  } else {
    const parsed = JSON.parse(text) as unknown;
    data = Array.isArray(parsed) ? { cases: parsed } : parsed;
  }
  return parseNomenclature(data, file);
}

/** Checks a nomenclature against the schema and for case indexes given twice (`origin` names where it came from). */
export function parseNomenclature(data: unknown, origin: string): Nomenclature {
  const nom = assertValid<Nomenclature>('nomenclature.schema.json', data);
  const seen = new Set<string>();
  for (const c of nom.cases) {
    if (seen.has(c.index)) throw HubError.of('VALIDATION_FAILED', { problem: `case index ${c.index} appears twice in ${origin}`, index: c.index });
    seen.add(c.index);
  }
  return nom;
}

export async function importNomenclatureFile(db: Db, file: string, year: number): Promise<NomenclatureCase[]> {
  const nom = readNomenclatureFile(file);
  if (nom.year !== undefined && nom.year !== year) throw new Error(`${file} is the nomenclature for ${nom.year}, not ${year}`);
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
