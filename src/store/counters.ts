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
