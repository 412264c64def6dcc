import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listMigrations, migrate, PgliteDb } from '../../src/store';

/**
 * Issue 12: the first embedded start peaked at 847 MB resident, because PGlite's initdb ran in the
 * hub's own process. A new directory is now created and migrated in a child process, and the
 * embedded PostgreSQL keeps 16 MB of shared buffers (README, "Memory").
 */
describe('store: the embedded database', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => (tmp = mkdtempSync(join(tmpdir(), 'dilovod-embedded-'))));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('a new directory comes up created and migrated by a child process, before the hub migrates anything', async () => {
    const db = await PgliteDb.open(join(tmp, 'new'));
    try {
      const done = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(done.map((r) => r.version)).to.deep.equal(listMigrations().map((m) => m.version));
      expect(await migrate(db)).to.deep.equal([]);
    } finally {
      await db.close();
    }
  });

  it('runs with 16 MB of shared buffers, on a directory and in memory', async () => {
    for (const dataDir of [join(tmp, 'other'), undefined]) {
      const db = await PgliteDb.open(dataDir);
      try {
        expect((await db.query<{ shared_buffers: string }>('SHOW shared_buffers'))[0]!.shared_buffers).to.equal('16MB');
      } finally {
        await db.close();
      }
    }
  });
  it('issue 14: 30 MB of bytes (a large message going to the quarantine) go in and come back exactly, without gigabytes on the way', async () => {
    const db = await PgliteDb.open();
    try {
      await db.exec('CREATE TABLE blobs (id int PRIMARY KEY, payload bytea NOT NULL)');
      const bytes = Buffer.alloc(30 * 2 ** 20);
      for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
      const peakBefore = process.resourceUsage().maxRSS * 1024;
      await db.query('INSERT INTO blobs VALUES (1, $1)', [bytes]);
      const [row] = await db.query<{ payload: Buffer }>('SELECT payload FROM blobs WHERE id = 1');
      expect(Buffer.isBuffer(row!.payload)).to.equal(true);
      expect(row!.payload.equals(bytes)).to.equal(true);
      // The process's peak: PGlite's own serializer made a string per byte, and 30 MB cost gigabytes.
      expect(process.resourceUsage().maxRSS * 1024 - peakBefore).to.be.below(512 * 2 ** 20);
    } finally {
      await db.close();
    }
  });
});
