import { stringify } from 'csv-stringify/sync';
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

const CSV_COLUMNS = ['seq', 'at', 'actor', 'via', 'action', 'documentId', 'before', 'after', 'reason', 'prevHash', 'hash'] as const;

/** CSV for auditors' spreadsheets: one row per entry, before/after as JSON text. */
export function auditCsv(entries: AuditEntry[], header: boolean): string {
  const rows = entries.map((e) =>
    CSV_COLUMNS.map((c) => (c === 'before' || c === 'after' ? JSON.stringify(e[c]) : c === 'via' ? (e.via ? JSON.stringify(e.via) : '') : (e[c] ?? ''))),
  );
  return stringify(rows, { header, columns: header ? [...CSV_COLUMNS] : undefined, bom: header });
}
