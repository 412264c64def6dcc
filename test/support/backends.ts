import { migrate, PgliteDb, PostgresDb, type Db } from '../../src/store';
import { createTestDatabase, type TestDatabase } from './pg';

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<Db>;
}

/**
 * Runs the same suite on embedded PGlite and on the machine's PostgreSQL: the store must
 * behave the same on both (same SQL, same migrations).
 */
export function forEachBackend(title: string, suite: (getDb: () => Db, backend: Backend['name']) => void): void {
  describe(`${title} [pglite]`, function () {
    let db: Db;
    before(async () => {
      db = await PgliteDb.open();
      await migrate(db);
    });
    after(async () => db?.close());
    suite(() => db, 'pglite');
  });
  describe(`${title} [postgres]`, function () {
    let db: Db;
    let testDb: TestDatabase;
    before(async () => {
      testDb = await createTestDatabase('store');
      db = new PostgresDb({ connectionString: testDb.url });
      await migrate(db);
    });
    after(async () => {
      await db?.close();
      await testDb?.drop();
    });
    suite(() => db, 'postgres');
  });
}
