import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { migrate, PgliteDb, PostgresDb, type Db } from '../../src/store';
import { createTestDatabase } from '../support/pg';

/**
 * Migration 027 (issue 18): files and payloads are compressed with lz4 where the server has it,
 * else kept uncompressed (the embedded database has no lz4); the 1207 messages the hub sends are
 * kept uncompressed so the delivery can read one in pieces. Either way a value reads back as the
 * bytes written.
 */
const COLUMNS: Array<[string, string]> = [['attachments', 'content'], ['outgoing_attachments', 'content'], ['quarantine', 'payload'], ['payload_parts', 'bytes']];

async function storageOf(db: Db, table: string, column: string): Promise<{ storage: string; compression: string }> {
  const [row] = await db.query<{ storage: string; compression: string }>(
    'SELECT attstorage AS storage, attcompression AS compression FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2', [table, column]);
  return row!;
}

async function readsBack(db: Db): Promise<void> {
  const bytes = Buffer.concat([Buffer.alloc(500_000, 'compressible text '), randomBytes(700_000)]);
  await db.query("INSERT INTO payload_parts (sha256, part, bytes) VALUES ('test-027', 0, $1)", [bytes]);
  const [row] = await db.query<{ back: Buffer }>("SELECT bytes AS back FROM payload_parts WHERE sha256 = 'test-027'");
  expect(row!.back.equals(bytes)).to.equal(true);
  await db.exec("DELETE FROM payload_parts WHERE sha256 = 'test-027'");
}

describe('large bytes: lz4 or uncompressed, never pglz; messages uncompressed (migration 027, issue 18)', function () {
  this.timeout(120_000);

  it('PostgreSQL: files and payloads lz4, messages uncompressed', async () => {
    const testDb = await createTestDatabase('bytes027');
    const db = new PostgresDb({ connectionString: testDb.url, max: 1 });
    try {
      await migrate(db);
      for (const [t, c] of COLUMNS) expect(await storageOf(db, t, c), `${t}.${c}`).to.deep.equal({ storage: 'x', compression: 'l' });
      expect(await storageOf(db, 'sev_ovv_outgoing_messages', 'body')).to.deep.equal({ storage: 'e', compression: '' });
      await readsBack(db);
    } finally {
      await db.close();
      await testDb.drop();
    }
  });

  it('the embedded database (no lz4): files, payloads and messages uncompressed', async () => {
    const db = await PgliteDb.open();
    try {
      await migrate(db);
      for (const [t, c] of [...COLUMNS, ['sev_ovv_outgoing_messages', 'body'] as [string, string]]) {
        expect(await storageOf(db, t, c), `${t}.${c}`).to.deep.equal({ storage: 'e', compression: '' });
      }
      await readsBack(db);
    } finally {
      await db.close();
    }
  });
});
