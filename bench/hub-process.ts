import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The benches' hub: `node [flags] bin/dilovod.js start` as its own OS process, as an operator runs it. */
export const REPO = join(__dirname, '..');
export const CLI = join(REPO, 'bin', 'dilovod.js');

/** How the hub's process is started: `npx dilovod start` as is, or as `npm start` runs it (package.json). */
export interface HowStarted { label: string; nodeFlags: string[]; env: Record<string, string> }

export function howNpmStartRuns(): HowStarted {
  const script: string = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts.start;
  const words = script.split(/\s+/);
  const env = Object.fromEntries(words.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => w.split('=') as [string, string]));
  const nodeFlags = words.slice(words.indexOf('node') + 1, words.indexOf('bin/dilovod.js'));
  return { label: `npm start (${script.replace(/ bin\/dilovod\.js start$/, '')})`, nodeFlags, env };
}

export interface BenchHub {
  child: ChildProcess;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts a hub on DATA_DIR (and the env given) and resolves once it listens. */
export async function startBenchHub(dataDir: string, env: Record<string, string>, how: HowStarted): Promise<BenchHub> {
  // BENCH_HUB_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the hub (NODE_OPTIONS may not carry --cpu-prof).
  const extra = process.env.BENCH_HUB_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...how.nodeFlags, ...extra, CLI, 'start'], {
    cwd: REPO,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...how.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/"url":"(http:\/\/[^"]+)"/);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`hub exited ${code}:\n${out}`)));
    child.once('exit', (code, signal) => { if (process.env.BENCH_DEBUG) console.error('hub exit', code, signal); });
  });
  return { child, url, dataDir, stop };
}

/** Peak and current resident set of a process, in MiB (Linux /proc). */
export function memoryOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+) kB`))?.[1] ?? NaN);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

/** The administrator issues a token with these roles (the first start writes the administrator's to DATA_DIR/admin-token). */
export async function tokenFor(hub: BenchHub, roles: string[], sources?: string[]): Promise<string> {
  const admin = readFileSync(join(hub.dataDir, 'admin-token'), 'utf8').trim();
  const res = await fetch(`${hub.url}/api/v1/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `bench ${roles.join(',')}`, roles, ...(sources ? { sources } : {}) }),
  });
  if (res.status !== 201) throw new Error(`POST /api/v1/tokens answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
