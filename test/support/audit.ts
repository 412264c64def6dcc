import pg from 'pg';
import { entryHash, type AuditEntry } from '../../src/domain/audit';
import { PostgresDb } from '../../src/store';
import { readAuditBatch } from '../../src/store/audit';

/**
 * The attacks on the control log of issue 14, as whoever owns its tables would make them (the
 * tests in test/audit catch each).
 */

/** As the tables' owner: switch the guard off, change what it wants, recompute every hash after, switch it back on. */
export async function rewriteAsOwner(url: string, seq: number, actor: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = new PostgresDb({ connectionString: url, max: 1 });
  try {
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await client.query('UPDATE audit_log SET actor = $2 WHERE seq = $1', [seq, actor]);
    let prev = (await readAuditBatch(db, 0, 1000)).find((e) => e.seq === seq - 1)?.hash ?? '0'.repeat(64);
    for (const e of (await readAuditBatch(db, 0, 1000)).filter((x) => x.seq >= seq) as AuditEntry[]) {
      const { seq: s, prevHash: _p, hash: _h, ...rec } = e;
      const hash = entryHash(prev, s, rec);
      await client.query('UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE seq = $1', [s, prev, hash]);
      prev = hash;
    }
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  } finally {
    await client.end();
    await db.close();
  }
}

/** Statements as the tables' owner, in order (e.g. switch a trigger off, delete, switch it on). */
export async function asOwner(url: string, ...sql: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of sql) await client.query(s);
  } finally {
    await client.end();
  }
}

/** What a promise was rejected with (undefined if it was not): a refusal to sign, for one. */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return err;
  }
}
