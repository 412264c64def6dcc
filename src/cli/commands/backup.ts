import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config';
import { PgliteDb } from '../../store';
import { UsageError, type CliCommand } from '../command';

/** `dilovod backup FILE` and `dilovod restore FILE`: the embedded database (DATA_DIR) whole, to and from one file. */
function embeddedOnly(name: string): string | undefined {
  const config = loadConfig();
  if (config.databaseUrl) {
    // Ukrainian for the clerk or IT person, then English: what they would search for.
    console.error(`dilovod ${name}: задано DATABASE_URL: на PostgreSQL користуйтеся його засобами: pg_dump -Fc (і pg_restore) або безперервним архівуванням сервера`);
    console.error(`dilovod ${name}: DATABASE_URL is set: on PostgreSQL use its own tools: pg_dump -Fc (and pg_restore), or the server's continuous archiving`);
    return undefined;
  }
  return join(config.dataDir, 'pglite');
}

export const command: CliCommand = {
  name: 'backup',
  summary: 'записати вбудовану базу даних в один файл (спершу зупиніть хаб)',
  usage: ['dilovod backup ФАЙЛ'],
  async run(args) {
    if (args.length !== 1) throw new UsageError();
    const dir = embeddedOnly('backup');
    if (!dir) return 64;
    const db = await PgliteDb.open(dir);
    try {
      const bytes = await db.backup();
      writeFileSync(args[0] as string, bytes, { mode: 0o600 });
      console.log(`Резервну копію вбудованої бази записано у ${args[0]} (${Math.round(bytes.length / 1024)} КіБ).`);
      return 0;
    } finally {
      await db.close();
    }
  },
};

