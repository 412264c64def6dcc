import { Queryable } from './db';

/**
 * Draws the next running number of a journal for a year. Must run inside the registering
 * transaction: the upsert locks the counter row until commit, so concurrent registrations queue
 * (no duplicates) and a rollback gives the number back (no gaps).
 */
export async function nextJournalNumber(q: Queryable, journal: string, year: number): Promise<number> {
  const rows = await q.query<{ last_number: number }>(
    `INSERT INTO journal_counters (journal, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (journal, year) DO UPDATE SET last_number = journal_counters.last_number + 1
     RETURNING last_number`,
    [journal, year],
  );
  return (rows[0] as { last_number: number }).last_number;
}

/**
 * A number given outside the hub (a council's own decision, 003 §195): the counter is raised to it
 * (never lowered), so a number drawn later continues after it, and the row lock serialises it with
 * every other registration in that journal. Returns the index already holding that number, if any.
 */
export async function keepJournalNumber(q: Queryable, journal: string, year: number, number: number): Promise<string | undefined> {
  await q.query(
    `INSERT INTO journal_counters (journal, year, last_number) VALUES ($1, $2, $3)
     ON CONFLICT (journal, year) DO UPDATE SET last_number = GREATEST(journal_counters.last_number, EXCLUDED.last_number)`,
    [journal, year, number],
  );
  const taken = await q.query<{ reg_index: string }>('SELECT reg_index FROM documents WHERE reg_journal = $1 AND reg_year = $2 AND reg_number = $3', [journal, year, number]);
  return taken[0]?.reg_index;
}
