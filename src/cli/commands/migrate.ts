import { loadConfig } from '../../config';
import { migrate, openDb } from '../../store';
import type { CliCommand } from '../command';

export const command: CliCommand = {
  name: 'migrate',
  summary: 'apply pending database migrations (DATABASE_URL, else the embedded database)',
  async run() {
    const config = loadConfig();
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrate(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    } finally {
      await db.close();
    }
  },
};
