/**
 * Shared budget for the property-based fuzzing suite (issue 14, "Quality bar": at least 100,000
 * cases over the HTTP API, the СЕВ ОВВ decoder and the CMS reader, none taking more than 1 s or
 * 256 MB). Every property runs with a fixed seed, so a failure reproduces; fast-check prints the
 * seed and the shrunk counterexample.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Per input: wall time, and growth of the resident set while it was processed. */
export const MAX_CASE_MS = 1000;
export const MAX_RSS_GROWTH = 256 * 1024 * 1024;

/** A full collection, to tell retained memory from garbage not yet collected (--expose-gc set at run time). */
const collect: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Counts cases and keeps the slowest one and the resident-set peak, per property. */
export class Budget {
  cases = 0;
  slowestMs = 0;
  slowest = '';
  biggestGrowth = 0;
  private readonly startRss: number;
  private readonly startHeap: number;
  peakRss: number;
  private readonly started = performance.now();

  constructor(readonly name: string) {
    collect();
    this.startRss = process.memoryUsage.rss();
    this.peakRss = this.startRss;
    this.startHeap = process.memoryUsage().heapUsed;
  }

  /** Runs one case; fails it when it took 1 s or more or grew the process by 256 MB. */
  run<T>(label: () => string, fn: () => T): T {
    const t0 = this.before();
    const out = fn();
    this.after(t0, label);
    return out;
  }

  async runAsync<T>(label: () => string, fn: () => Promise<T>): Promise<T> {
    const t0 = this.before();
    const out = await fn();
    this.after(t0, label);
    return out;
  }

  /**
   * Reading the resident set costs ~30 µs (/proc), more than many cases: it is read before every
   * 16th case and after it, and after any case slower than 20 ms (allocating 256 MB takes longer),
   * against the last reading.
   */
  private rssBefore = 0;
  private before(): number {
    if (this.cases % 16 === 0) this.rssBefore = process.memoryUsage.rss();
    return performance.now();
  }

  private after(t0: number, label: () => string): void {
    const ms = performance.now() - t0;
    this.cases++;
    if (ms > this.slowestMs) {
      this.slowestMs = ms;
      this.slowest = label().slice(0, 200);
    }
    expect(ms, `${this.name}: one input took ${ms.toFixed(0)} ms: ${label().slice(0, 300)}`).to.be.below(MAX_CASE_MS);
    if ((this.cases - 1) % 16 !== 0 && ms < 20) return;
    const rss = process.memoryUsage.rss();
    if (rss > this.peakRss) this.peakRss = rss;
    const growth = rss - this.rssBefore;
    if (growth > this.biggestGrowth) this.biggestGrowth = growth;
    expect(growth, `${this.name}: one input grew the process by ${mb(growth)} MB: ${label().slice(0, 300)}`).to.be.below(MAX_RSS_GROWTH);
  }

  /** After the property: what stays allocated once garbage is collected (a leak would show here). */
  retainedHeap(): number {
    collect();
    return process.memoryUsage().heapUsed - this.startHeap;
  }

  /** One line for the test log: how many cases, how long, the slowest, the memory. */
  report(): string {
    const total = (performance.now() - this.started) / 1000;
    return `${this.name}: ${this.cases} cases in ${total.toFixed(1)} s; slowest ${this.slowestMs.toFixed(1)} ms (${this.slowest.slice(0, 160)}); largest RSS growth over a case ${mb(this.biggestGrowth)} MB; peak RSS ${mb(this.peakRss)} MB (${mb(this.startRss)} at start); heap retained ${mb(this.retainedHeap())} MB`;
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

/** Logs a property's numbers (mocha's reporter shows console output) and checks it ran all its cases. */
export function done(budget: Budget, expected: number): void {
  // eslint-disable-next-line no-console
  console.log(`      ${budget.report()}`);
  expect(budget.cases, `${budget.name}: cases run`).to.be.at.least(expected);
  expect(budget.retainedHeap(), `${budget.name}: heap retained after the property`).to.be.below(MAX_RSS_GROWTH);
}

/** fast-check parameters: fixed seed and run count; no shrinking budget beyond the default. */
export function params<T>(seed: number, numRuns: number, examples: T[] = []): fc.Parameters<T> {
  return { seed, numRuns, examples, endOnFailure: false };
}

// ---- byte mutations, shared by the CMS and XML properties ----

export type ByteMutation =
  | { op: 'flip'; at: number; mask: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'cut'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number };

/** Mutations of an input of about `length` bytes; positions are taken modulo the current length. */
export function byteMutation(): fc.Arbitrary<ByteMutation> {
  const at = fc.nat();
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('flip' as const), at, mask: fc.integer({ min: 1, max: 255 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), at, value: fc.constantFrom(0x00, 0x80, 0x81, 0x82, 0x84, 0xff, 0x30, 0x31, 0xa0, 0x04, 0x06, 0x1f, 0x7f) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('cut' as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at, count: fc.integer({ min: 1, max: 64 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, count: fc.integer({ min: 1, max: 64 }) }) },
  );
}

export function applyByteMutation(input: Uint8Array, m: ByteMutation): Uint8Array {
  const n = input.length;
  if (n === 0) return m.op === 'insert' ? Uint8Array.from(m.bytes) : input;
  const at = m.at % n;
  switch (m.op) {
    case 'flip': {
      const out = Uint8Array.from(input);
      out[at] = (out[at] as number) ^ m.mask;
      return out;
    }
    case 'set': {
      const out = Uint8Array.from(input);
      out[at] = m.value;
      return out;
    }
    case 'cut':
      return input.subarray(0, at);
    case 'insert':
      return concat(input.subarray(0, at), m.bytes, input.subarray(at));
    case 'delete':
      return concat(input.subarray(0, at), input.subarray(Math.min(n, at + m.count)));
    case 'duplicate':
      return concat(input.subarray(0, Math.min(n, at + m.count)), input.subarray(at));
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}
