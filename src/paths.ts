import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's root, found from this file whether it runs as TypeScript (src/paths.ts, through
 * tsx) or as the JavaScript built on install (dist/src/paths.js): the first folder upwards that
 * holds package.json. Data files that are not code (schemas/, reference-data/, the migrations'
 * SQL, the connectors' config schemas) are read from the root, so the built code needs no copies.
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`package.json not found above ${start}`);
  }
}

export const PROJECT_ROOT = findRoot(__dirname);

/** A path inside the project, e.g. projectPath('schemas') or projectPath('src', 'store', 'migrations'). */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
