/** One `dilovod <name> …` subcommand. Each lives in its own file under ./commands. */
export interface CliCommand {
  name: string;
  /** One line in Ukrainian, shown by `dilovod help` and above the command's own `--help`. */
  summary: string;
  /**
   * How to call it, one `dilovod …` line per form: shown by `dilovod <name> --help` and after a
   * usage error. Flags stay English (they are identifiers); placeholders are Ukrainian (ФАЙЛ, РРРР).
   */
  usage: string[];
  /** Returns the process exit code. 64 = bad usage (sysexits EX_USAGE). */
  run(args: string[]): Promise<number>;
}

export const EXIT_USAGE = 64;

/** Minimal flag parser: `--name value`, `--flag`, repeated flags collected; the rest positional. */
export function parseArgs(args: string[], booleanFlags: string[] = []): {
  flags: Map<string, string[]>;
  positional: string[];
} {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (booleanFlags.includes(name)) value = 'true';
    else {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`параметру --${name} потрібне значення`);
      value = next;
      i++;
    }
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { flags, positional };
}

/** Bad usage (exit 64): main prints `dilovod <name>: <message>` in Ukrainian, then the command's usage. */
export class UsageError extends Error {
  constructor(message = 'неправильний виклик') {
    super(message);
    this.name = 'UsageError';
  }
}

/** Who acts when an operator runs a command on the server (trusted as the database's owner is): the control log names `cli`. */
export const CLI_ACTOR = { actor: 'cli', via: { method: 'cli', principalKind: 'system' as const } };
