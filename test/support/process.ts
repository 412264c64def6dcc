import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait';

export const REPO = join(__dirname, '..', '..');

export interface HubProcess {
  child: ChildProcess;
  url: string;
  /** Its own DATA_DIR (the first start writes the administrator token there). */
  dataDir: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node bin/dilovod.js start` as a separate OS process, as an operator would. `whileStarting`
 * runs beside the wait for it to listen, with what it has said so far (e.g. to restore a database
 * once the hub says it waits for it, not after a guessed delay).
 */
export async function spawnHub(env: Record<string, string>, whileStarting?: (output: () => string) => Promise<void>): Promise<HubProcess> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'dilovod-hub-'));
  const child = spawn(process.execPath, [join(REPO, 'bin', 'dilovod.js'), 'start'], {
    cwd: REPO,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const [url] = await Promise.all([
    waitFor(() => {
      if (child.exitCode !== null) throw new Error(`hub exited early:\n${out}`);
      return out.match(/"url":"(http:\/\/[^"]+)"/)?.[1];
    }, 'hub process to listen', 30_000),
    whileStarting?.(() => out),
  ]);
  return {
    child,
    url,
    dataDir,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
