import type { NomenclatureCase } from '../schemas';
import { Queryable } from './db';

/** Replaces a year's nomenclature; cases already used by documents are kept (updated), never dropped. */
export async function importNomenclature(q: Queryable, year: number, cases: NomenclatureCase[]): Promise<{ upserted: number }> {
  for (const c of cases) {
    await q.query(
      `INSERT INTO nomenclature_cases (year, case_index, title, subdivision, storage_term, journal, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (year, case_index) DO UPDATE SET title = EXCLUDED.title, subdivision = EXCLUDED.subdivision,
         storage_term = EXCLUDED.storage_term, journal = EXCLUDED.journal, note = EXCLUDED.note, imported_at = now()`,
      [year, c.index, c.title, c.subdivision, c.storageTerm, c.journal, c.note ?? null],
    );
  }
  return { upserted: cases.length };
}

export async function listNomenclature(q: Queryable, year: number): Promise<NomenclatureCase[]> {
  const rows = await q.query<{ case_index: string; title: string; subdivision: string; storage_term: string; journal: string; note: string | null }>(
    'SELECT case_index, title, subdivision, storage_term, journal, note FROM nomenclature_cases WHERE year = $1 ORDER BY case_index',
    [year],
  );
  return rows.map((r) => ({
    index: r.case_index,
    title: r.title,
    subdivision: r.subdivision,
    storageTerm: r.storage_term,
    journal: r.journal,
    ...(r.note ? { note: r.note } : {}),
  }));
}

export async function nomenclatureYears(q: Queryable): Promise<number[]> {
  const rows = await q.query<{ year: number }>('SELECT DISTINCT year FROM nomenclature_cases ORDER BY year');
  return rows.map((r) => r.year);
}

export async function findCase(q: Queryable, year: number, caseIndex: string): Promise<{ journal: string } | undefined> {
  const rows = await q.query<{ journal: string }>('SELECT journal FROM nomenclature_cases WHERE year = $1 AND case_index = $2', [year, caseIndex]);
  return rows[0];
}
