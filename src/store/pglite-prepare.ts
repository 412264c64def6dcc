/**
 * `node pglite-prepare.js DIR`: creates the embedded database in DIR and applies the migrations,
 * then exits (see ./pglite-init for why apart). The process that runs it holds DIR's lock.
 */
import { migrate } from './migrate';
import { PgliteDb } from './pglite';

async function prepare(dataDir: string): Promise<void> {
  const db = await PgliteDb.open(dataDir, { lockHeldByParent: true });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
}

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: pglite-prepare DATA_DIR');
  process.exit(64);
}
prepare(dataDir).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
