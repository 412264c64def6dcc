import { performance } from 'node:perf_hooks';
import os from 'node:os';

/** Runs fn n times (or until it returns) and gives operations per second. */
export async function measure(label: string, n: number, fn: (i: number) => Promise<unknown>, concurrency = 1): Promise<{ label: string; n: number; seconds: number; perSecond: number }> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) await fn(i);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { label, n, seconds, perSecond: n / seconds };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** One table: each figure beside the baseline of the same run, as a ratio. */
export function report(rows: Array<{ label: string; perSecond: number; baseline: number; baselineLabel: string }>): void {
  console.log(`machine: ${machine()}`);
  console.log(['what', 'ops/s', 'baseline', 'baseline ops/s', 'ratio'].join(' | '));
  for (const r of rows) {
    console.log([r.label, r.perSecond.toFixed(0), r.baselineLabel, r.baseline.toFixed(0), (r.perSecond / r.baseline).toFixed(3)].join(' | '));
  }
}
