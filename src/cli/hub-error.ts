import { HubError } from '../errors';

interface Violation { path?: string; message?: string; messageUk?: string }

/**
 * A HubError as a person at the terminal reads it: the Ukrainian message, then each violation or
 * problem in Ukrainian where the module gave one (schema violations carry messageUk; hand-made
 * problems carry problemUk / problemsUk), the English only where there is nothing else.
 */
export function hubErrorLines(err: HubError): string[] {
  const lines = [err.spec.messageUk];
  const d = (err.details ?? {}) as {
    violations?: Violation[]; problems?: string[]; problemsUk?: string[]; problem?: string; problemUk?: string;
  };
  for (const v of d.violations ?? []) lines.push(`  ${v.path ?? '/'}: ${v.messageUk ?? v.message ?? ''}`);
  for (const p of d.problemsUk ?? d.problems ?? []) lines.push(`  ${p}`);
  const problem = d.problemUk ?? d.problem;
  if (problem) lines.push(`  ${problem}`);
  // Details of another shape (ids, values) are data, not prose: shown as they are.
  if (lines.length === 1 && err.details !== undefined) lines.push(JSON.stringify(err.details, null, 2));
  return lines;
}

/**
 * Why an import file could not be taken, as the operator reads it (a HubError's lines, JSON that
 * does not parse, a file that is not there); undefined for anything else, which is the hub's fault.
 */
export function inputFileErrorText(err: unknown, file: string): string | undefined {
  if (err instanceof HubError) return hubErrorLines(err).join('\n');
  if (err instanceof SyntaxError) return `файл ${file} не є коректним JSON (${err.message})`;
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') return `файлу ${file} немає`;
  return undefined;
}
