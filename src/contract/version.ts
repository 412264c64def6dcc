import { readFileSync } from 'node:fs';
import { projectPath } from '../paths';

let version: string | undefined;

/** The hub's version as package.json says: the version of the published contract too. */
export function hubVersion(): string {
  version ??= (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
