/**
 * Creates an embedded database in an empty directory, in a process of its own. PGlite's first
 * start runs initdb in a second WebAssembly instance and copies its result through memory, and
 * the first migrations grow the WebAssembly memory further: about 800 MB resident for a few
 * seconds, once per installation. Inside the hub that peak would stay the hub's (resident memory
 * is not given back); in a child process the hub starts as it does every later time (README,
 * "Memory"). The child is ./pglite-prepare, run while the hub holds the directory's lock.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/** The child: built JavaScript beside this file, or the TypeScript through tsx when run from source. */
export async function initialiseApart(dataDir: string): Promise<void> {
  const fromSource = __filename.endsWith('.ts');
  const script = join(__dirname, `pglite-prepare.${fromSource ? 'ts' : 'js'}`);
  try {
    await promisify(execFile)(process.execPath, [...(fromSource ? ['--require', 'tsx/cjs'] : []), script, dataDir], { timeout: 180_000 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`could not create the embedded database in ${dataDir}: ${e.stderr?.trim() || e.message}`);
  }
  if (!isInitialised(dataDir)) throw new Error(`could not create the embedded database in ${dataDir}`);
}
