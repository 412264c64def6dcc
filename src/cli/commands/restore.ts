import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config';
import { PgliteDb } from '../../store';
import { UsageError, type CliCommand } from '../command';

export const command: CliCommand = {
  name: 'restore',
  summary: 'відновити вбудовану базу даних з резервної копії (у DATA_DIR бази ще не має бути)',
  usage: ['dilovod restore ФАЙЛ'],
  async run(args) {
    if (args.length !== 1) throw new UsageError();
    const config = loadConfig();
    if (config.databaseUrl) {
      console.error('dilovod restore: задано DATABASE_URL: на PostgreSQL користуйтеся pg_restore');
      console.error('dilovod restore: DATABASE_URL is set: on PostgreSQL use pg_restore');
      return 64;
    }
    const dir = join(config.dataDir, 'pglite');
    try {
      await PgliteDb.restore(dir, readFileSync(args[0] as string));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        console.error(`dilovod restore: файлу ${args[0]} немає`);
        console.error(`dilovod restore: no file ${args[0]}`);
        return 65;
      }
      if (/not empty/.test((err as Error).message)) {
        console.error(`dilovod restore: ${dir} не порожній: спершу перенесіть поточну базу`);
        console.error(`dilovod restore: ${dir} is not empty: move the current database aside first`);
        return 73; // EX_CANTCREAT
      }
      throw err;
    }
    console.log(`Вбудовану базу відновлено з ${args[0]} у ${dir}.`);
    return 0;
  },
};
