import { migrate } from '../../store';
import type { CliCommand } from '../command';
import { withDatabase } from '../database';

export const command: CliCommand = {
  name: 'migrate',
  summary: 'apply pending database migrations (DATABASE_URL, else the embedded database)',
  async run() {
    return withDatabase(async (db) => {
      const applied = await migrate(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    });
  },
};
