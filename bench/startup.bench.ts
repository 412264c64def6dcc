import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLI, howNpmStartRuns, memoryOf, REPO, startBenchHub, tokenFor, type HowStarted } from './hub-process';
import type { Bench } from './main';
import { machine, measure } from './support';
import { submission } from '../test/support/hub';
import { createTestDatabase } from '../test/support/pg';

/**
 * Issue 12: how long a call of the CLI and a start of the hub take, beside `node -e ''` (the least
 * any Node program costs) in the same run, and how much memory the hub holds at start and under
 * load (peak resident set, VmHWM, of the hub's own process). Medians of RUNS runs.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LOAD = Number(process.env.BENCH_N ?? 1000);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeCommand(args: string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO, env: { ...process.env, ...env }, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return performance.now() - started;
}

interface StartFigures { readyMs: number; peakAtReady: number; peakUnderLoad: number; rssAfterLoad: number; perSecond: number }

/** `dilovod start` on its own DATA_DIR (and DATABASE_URL when given): time to «listening», memory, then LOAD documents over HTTP. */
async function startHub(dataDir: string, env: Record<string, string>, how: HowStarted): Promise<StartFigures> {
  const started = performance.now();
  const hub = await startBenchHub(dataDir, env, how);
  try {
    const readyMs = performance.now() - started;
    const peakAtReady = memoryOf(hub.child.pid!).peak;
    const token = await tokenFor(hub, ['integrator'], ['edms']);
    const load = await measure('HTTP registration', LOAD, async (i) => {
      const res = await fetch(`${hub.url}/api/v1/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(submission({ externalId: `startup-bench-${i}-${randomUUID()}`, receivedAt: new Date().toISOString() })),
      });
      const answer = await res.text();
      if (res.status >= 300) throw new Error(`POST /api/v1/documents answered ${res.status}: ${answer}`);
    }, 8);
    const mem = memoryOf(hub.child.pid!);
    return { readyMs, peakAtReady, peakUnderLoad: mem.peak, rssAfterLoad: mem.now, perSecond: load.perSecond };
  } finally {
    await hub.stop();
  }
}

function row(cells: Array<string | number>): void {
  console.log(cells.map((c) => (typeof c === 'number' ? c.toFixed(c < 10 ? 2 : 0) : c)).join(' | '));
}

export const bench: Bench = {
  name: 'startup',
  async run() {
    console.log(`machine: ${machine()}; medians of ${RUNS} runs`);
    const bare = median(Array.from({ length: RUNS }, () => timeCommand(['-e', ''])));
    const term = ['--rule', 'appeal', '--from', '2026-01-05'];
    const built = median(Array.from({ length: RUNS }, () => timeCommand([CLI, 'term', ...term])));
    const source = median(Array.from({ length: RUNS }, () => timeCommand([CLI, 'term', ...term], { DILOVOD_FROM_SOURCE: '1' })));
    row(['what', 'ms', 'baseline', 'baseline ms', 'ratio']);
    row(['dilovod term (built JavaScript)', built, "node -e ''", bare, built / bare]);
    row(['dilovod term (TypeScript through tsx, development)', source, "node -e ''", bare, source / bare]);

    const configs: Array<{ label: string; env: () => Promise<{ env: Record<string, string>; done(): Promise<void> }> }> = [
      { label: 'embedded (PGlite)', env: async () => ({ env: {}, done: async () => {} }) },
      {
        label: 'PostgreSQL',
        env: async () => {
          const db = await createTestDatabase('startup');
          return { env: { DATABASE_URL: db.url, SAMPLE_NOMENCLATURE: 'true' }, done: () => db.drop() };
        },
      },
    ];
    console.log();
    row(['dilovod start', 'ready ms', "× node -e ''", 'peak MiB at ready', `peak MiB after ${LOAD} registrations`, 'RSS MiB after', 'registrations/s']);
    const hows: HowStarted[] = [howNpmStartRuns(), { label: 'npx dilovod start (node, no flags)', nodeFlags: [], env: {} }];
    for (const how of hows) {
      for (const c of configs) {
        const firsts: StartFigures[] = [];
        const laters: StartFigures[] = [];
        for (let i = 0; i < RUNS; i++) {
          const dataDir = mkdtempSync(join(tmpdir(), 'dilovod-startup-'));
          const { env, done } = await c.env();
          try {
            firsts.push(await startHub(dataDir, env, how));
            laters.push(await startHub(dataDir, env, how));
          } finally {
            await done();
            rmSync(dataDir, { recursive: true, force: true });
          }
        }
        for (const [when, runs] of [['first start', firsts], ['later start', laters]] as const) {
          const m = (f: (s: StartFigures) => number) => median(runs.map(f));
          row([`${how.label}: ${c.label}, ${when}`, m((s) => s.readyMs), m((s) => s.readyMs) / bare, m((s) => s.peakAtReady), m((s) => s.peakUnderLoad), m((s) => s.rssAfterLoad), m((s) => s.perSecond)]);
        }
      }
    }
  },
};
