import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

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
    if (child.exitCode !== null || child.signalCode !== null) return; // gone already (by a signal, exitCode stays null)
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

/**
 * An operator's monitor: a separate process that asks /healthz one after another (10 ms apart)
 * until told to stop, then says its longest answer in ms. Not this process's own loop: sending
 * 48 MB from here keeps this loop busy for hundreds of ms (undici copies a Buffer body into a
 * stream), which would be counted against the hub.
 */
const PROBE = `
const ask = async () => (await fetch(process.env.PROBE_URL)).text();
let done = false, longest = 0;
process.stdin.on('end', () => (done = true)).resume();
(async () => {
  // the first requests open the connection and warm this process: not the hub's time
  for (let i = 0; i < 5; i++) await ask();
  process.stdout.write('probing\\n');
  while (!done) {
    const t = performance.now();
    await ask();
    longest = Math.max(longest, performance.now() - t);
    await new Promise((r) => setTimeout(r, 10));
  }
  process.stdout.write(longest.toFixed(1) + '\\n');
})();
`;

export async function longestHealthz(hub: BenchHub, work: () => Promise<unknown>): Promise<number> {
  const probe = spawn(process.execPath, ['-e', PROBE], { env: { ...process.env, PROBE_URL: `${hub.url}/healthz` }, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  const said = (what: RegExp) => new Promise<string>((resolve, reject) => {
    const look = () => { const m = what.exec(out); if (m) resolve(m[1]!); };
    probe.stdout!.on('data', (d: Buffer) => { out += d.toString(); look(); });
    probe.once('exit', (code) => reject(new Error(`the /healthz probe exited ${code}: ${out}`)));
  });
  await said(/(probing)/);
  try {
    await work();
  } finally {
    probe.stdin!.end();
  }
  return Number(await said(/probing\n([\d.]+)\n/));
}

/** POST through node:http, which writes the Buffer to the socket as it is (no copy into a stream). */
export function post(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; code?: string }> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => {
        let code: string | undefined;
        try { code = (JSON.parse(text) as { code?: string }).code; } catch { /* not JSON: the status says it */ }
        resolve({ status: res.statusCode ?? 0, code });
      });
    });
    // The connection dropped: say so in the table (the process is checked below).
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: 0, code: `connection ${err.code ?? err.message}` }));
    req.end(body);
  });
}

/** What one input cost a hub process: its answer and time, peak resident memory before and after, the longest /healthz while in hand and idle. */
export interface InputCost { answer: { status: number; code?: string }; ms: number; before: number; peak: number; longest: number; idle: number }

/** Sends one input (`send`) to a running hub and measures what it cost (longestHealthz, memoryOf). */
export async function costOf(hub: BenchHub, send: () => Promise<{ status: number; code?: string }>): Promise<InputCost> {
  let idle = 0;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await (await fetch(`${hub.url}/healthz`)).text();
    idle = Math.max(idle, performance.now() - t);
  }
  const before = memoryOf(hub.child.pid!).peak;
  let answer: { status: number; code?: string } = { status: 0 };
  let ms = 0;
  const longest = await longestHealthz(hub, async () => {
    const started = performance.now();
    answer = await send();
    ms = performance.now() - started;
  });
  return { answer, ms, before, peak: memoryOf(hub.child.pid!).peak, longest, idle };
}
