import { dateTimeUk, excelCsv } from '../domain/csv';
import { ChainVerifier, type AuditEntry, type ChainVerdict } from '../domain/audit';
import type { Queryable } from '../store';
import { readAuditBatch } from '../store/audit';

export { appendAudit, queryAudit } from '../store/audit';
export type { AuditQuery } from '../store/audit';

const BATCH = 10_000;

/** Reads the whole log in seq order, in batches, and checks every link and hash. */
export async function verifyAuditLog(q: Queryable): Promise<ChainVerdict> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const batch = await readAuditBatch(q, after, BATCH);
    if (!batch.length || !verifier.feed(batch)) break;
    after = (batch[batch.length - 1] as AuditEntry).seq;
    if (batch.length < BATCH) break;
  }
  return verifier.verdict();
}

const CSV_COLUMNS = [
  'Номер запису', 'Час (Київ)', 'Час (UTC, як у хеші)', 'Хто', 'Як автентифіковано', 'Дія', 'Документ', 'До', 'Після', 'Причина', 'Хеш попереднього', 'Хеш',
] as const;

/** CSV for auditors' spreadsheets (src/domain/csv.ts): one row per entry, before/after as JSON text, the UTC time too so a row can be re-hashed. */
export function auditCsv(entries: AuditEntry[]): string {
  return excelCsv(CSV_COLUMNS, entries.map((e) => [
    e.seq, dateTimeUk(e.at), e.at, e.actor, e.via ? JSON.stringify(e.via) : '', e.action, e.documentId ?? '',
    JSON.stringify(e.before), JSON.stringify(e.after), e.reason ?? '', e.prevHash, e.hash,
  ]));
}
