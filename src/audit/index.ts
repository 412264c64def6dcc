import { ChainVerifier, type AuditEntry, type ChainVerdict, type VerifierOptions } from '../domain/audit';
import type { Queryable } from '../store';
import { readAuditBatch } from '../store/audit';

/** The control log as CSV or XLSX for auditors (src/exports). */
export { AUDIT_LOG_TABLE } from './log-table';

export { appendAudit, queryAudit } from '../store/audit';
export type { AuditQuery } from '../store/audit';

const BATCH = 10_000;

/**
 * Reads the log in seq order, in batches, and checks every link and hash, and every checkpoint
 * given (already signature-checked: src/audit/checkpoints verifyWithCheckpoints does both).
 * With `start`, reads only the entries after that seq.
 */
export async function verifyAuditLog(q: Queryable, opts: VerifierOptions & { afterSeq?: number } = {}): Promise<ChainVerdict> {
  const verifier = new ChainVerifier(opts);
  let after = opts.afterSeq ?? 0;
  for (;;) {
    const batch = await readAuditBatch(q, after, BATCH);
    if (!batch.length || !verifier.feed(batch)) break;
    after = (batch[batch.length - 1] as AuditEntry).seq;
    if (batch.length < BATCH) break;
  }
  return verifier.verdict();
}
