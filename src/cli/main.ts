import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseLockedError } from '../store/errors';
import { CliCommand, EXIT_USAGE, UsageError } from './command';
import { commandListText, helpText, usageText } from './help';

/** sysexits EX_TEMPFAIL: the embedded database is in use by another process; try again once it stops. */
const EXIT_DATABASE_LOCKED = 75;

/**
 * Every file in ./commands exports `command`, named as the file: a new subcommand is a new file,
 * nothing else. Only the command asked for is loaded (`dilovod term` need not load the hub: see
 * README, "Start-up"); help loads them all.
 */
const COMMANDS_DIR = join(__dirname, 'commands');

function commandFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of readdirSync(COMMANDS_DIR).sort()) {
    if (!/\.(ts|js)$/.test(file) || file.endsWith('.d.ts') || file.includes('.test.')) continue;
    files.set(file.replace(/\.(ts|js)$/, ''), join(COMMANDS_DIR, file));
  }
  return files;
}

function loadCommand(file: string): CliCommand | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { command?: CliCommand }).command;
}

function loadCommands(): Map<string, CliCommand> {
  const commands = new Map<string, CliCommand>();
  for (const file of commandFiles().values()) {
    const command = loadCommand(file);
    if (command) commands.set(command.name, command);
  }
  return commands;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // `dilovod help term` is `dilovod term --help`.
  if (name === 'help' && rest[0]) return main([rest[0], '--help']);
  if (!name || name === 'help' || name === '--help') {
    console.log(commandListText(loadCommands().values()));
    return name ? 0 : EXIT_USAGE;
  }
  const file = commandFiles().get(name);
  const command = file ? loadCommand(file) : undefined;
  if (!command) {
    console.error(`dilovod: невідома команда «${name}»; перелік команд: dilovod help`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help')) {
    console.log(helpText(command));
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`dilovod ${name}: ${err.message}\n${usageText(command)}`);
      return EXIT_USAGE;
    }
    if (err instanceof DatabaseLockedError) {
      console.error(`dilovod ${name}: ${err.messageUk}\ndilovod ${name}: ${err.message}`);
      return EXIT_DATABASE_LOCKED;
    }
    throw err;
  }
}
