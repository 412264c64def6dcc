import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config';
import { PgliteDb } from '../../store';
import { UsageError, type CliCommand } from '../command';

const PG_ADVICE = 'on PostgreSQL use its own tools: pg_dump -Fc (and pg_restore), or the server\'s continuous archiving / на PostgreSQL користуйтеся його засобами: pg_dump -Fc (і pg_restore) або безперервним архівуванням сервера';

/** `dilovod backup FILE` and `dilovod restore FILE`: the embedded database (DATA_DIR) whole, to and from one file. */
function embeddedOnly(name: string): string | undefined {
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error(`dilovod ${name}: DATABASE_URL is set: ${PG_ADVICE}`);
    return undefined;
  }
  return join(config.dataDir, 'pglite');
}

export const command: CliCommand = {
  name: 'backup',
  summary: 'backup FILE: copy the embedded database to one file (stop the hub first)',
  async run(args) {
    if (args.length !== 1) throw new UsageError('dilovod backup FILE');
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

