import type { CliCommand } from './command';

const USAGE_LABEL = 'використання: ';

/** «використання: dilovod x …», further forms aligned under the first. */
export function usageText(command: CliCommand): string {
  return command.usage.map((line, i) => `${i ? ' '.repeat(USAGE_LABEL.length) : USAGE_LABEL}${line}`).join('\n');
}

/** `dilovod <name> --help`: what the command does, then how to call it. */
export function helpText(command: CliCommand): string {
  return `dilovod ${command.name} — ${command.summary}\n\n${usageText(command)}`;
}

/** `dilovod help`: every command with its one-line summary. */
export function commandListText(commands: Iterable<CliCommand>): string {
  const lines = [...commands].map((c) => `  ${c.name.padEnd(14)} ${c.summary}`);
  return `dilovod <команда> [параметри]\n\n${lines.join('\n')}\n\nДовідка про команду: dilovod <команда> --help`;
}
