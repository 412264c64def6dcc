import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseLockedError } from '../store';
import { CliCommand, EXIT_USAGE, UsageError } from './command';

/** sysexits EX_TEMPFAIL: the embedded database is in use by another process; try again once it stops. */
const EXIT_DATABASE_LOCKED = 75;

/** Every file in ./commands exports `command`; a new subcommand is a new file, nothing else. */
function loadCommands(): Map<string, CliCommand> {
  const dir = join(__dirname, 'commands');
  const commands = new Map<string, CliCommand>();
  for (const file of readdirSync(dir).sort()) {
    if (!/\.(ts|js)$/.test(file) || file.endsWith('.d.ts') || file.includes('.test.')) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, file)) as { command?: CliCommand };
    if (mod.command) commands.set(mod.command.name, mod.command);
  }
  return commands;
}

export async function main(argv: string[]): Promise<number> {
  const commands = loadCommands();
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    const lines = [...commands.values()].map((c) => `  ${c.name.padEnd(14)} ${c.summary}`);
    console.log(`dilovod <command> [options]\n\n${lines.join('\n')}`);
    return name ? 0 : EXIT_USAGE;
  }
  const command = commands.get(name);
  if (!command) {
    console.error(`unknown command: ${name} (try: dilovod help)`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`dilovod ${name}: ${err.message}`);
      return EXIT_USAGE;
    }
    if (err instanceof DatabaseLockedError) {
      console.error(`dilovod ${name}: ${err.messageUk}\ndilovod ${name}: ${err.message}`);
      return EXIT_DATABASE_LOCKED;
    }
    throw err;
  }
}
