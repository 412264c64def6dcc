import type { Checkpoint } from '../domain/audit';
import { Queryable } from './db';

/** The log as a checkpoint sees it: how many entries, and the newest one. */
export async function auditHead(q: Queryable): Promise<{ size: number; head: { seq: number; hash: string } | null }> {
  const [row] = await q.query<{ size: number; seq: number | null; hash: string | null }>(
    `SELECT (SELECT count(*) FROM audit_log)::bigint AS size, h.seq, h.hash
       FROM (SELECT NULL) AS one LEFT JOIN LATERAL (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) h ON true`,
  );
  return { size: Number(row?.size ?? 0), head: row?.seq != null && row.hash ? { seq: row.seq, hash: row.hash } : null };
}

/** How many entries up to a seq, and that entry's hash: is the log still the one a checkpoint was signed for? */
export async function auditPrefix(q: Queryable, seq: number): Promise<{ size: number; hash: string | null }> {
  const [row] = await q.query<{ size: number; hash: string | null }>(
    'SELECT (SELECT count(*) FROM audit_log WHERE seq <= $1)::bigint AS size, (SELECT hash FROM audit_log WHERE seq = $1) AS hash',
    [seq],
  );
  return { size: Number(row?.size ?? 0), hash: row?.hash ?? null };
}

export async function insertCheckpoint(q: Queryable, c: Checkpoint): Promise<void> {
  await q.query('INSERT INTO audit_checkpoints (size, at, key_id, checkpoint) VALUES ($1, $2, $3, $4)', [c.size, c.at, c.keyId, JSON.stringify(c)]);
}

/** Oldest first, keyset-paginated on the row's seq (the cursor). */
export async function listCheckpoints(q: Queryable, afterSeq: number, limit: number): Promise<Array<{ seq: number; checkpoint: unknown }>> {
  return q.query<{ seq: number; checkpoint: unknown }>('SELECT seq, checkpoint FROM audit_checkpoints WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
}
