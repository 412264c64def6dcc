import { performance } from 'node:perf_hooks';
import type { Bench } from './main';
import { report } from './support';
import { addDays } from '../src/domain/clock';
import {
  appealKeys, blockingKeys, decideIntake, fingerprintApplicant, MemoryArchive, type EarlierAppeal, type IntakeContext,
} from '../src/domain/appeals';
import { ArchiveGenerator, stems, topics } from './appeals-archive';
import { storeRows } from './appeals-store';

/**
 * `npm run bench -- appeals` (BENCH_APPEALS caps the archive, 1,000,000 by default), two parts:
 *
 * 1. In memory: intake decisions per second with 10k, 100k and 1M earlier appeals on file,
 *    against a bare Map lookup of the blocking key on the same archive (the floor any index
 *    lookup costs). A decision is the whole of `decideIntake`: parsing the new applicant's name
 *    and address, the blocking keys, the candidates, the fine comparison of each, the question
 *    similarity, and every other rule.
 * 2. Through the store (appeals-store.ts): citizens' appeals per second through acceptInput on
 *    PostgreSQL with 0, 100k and 1M earlier appeals in `appeals` / `appeal_keys`, beside official
 *    letters through the same pipeline in the same run at the same size.
 *
 * The archive is appeals-archive.ts's: a made-up district, some people writing often, topics
 * weighted like the seeds. Probes: half are earlier writers on an earlier question (written
 * differently), 30% earlier writers on a new question, 20% people never seen.
 */
const MAX = Number(process.env.BENCH_APPEALS ?? 1_000_000);
const SIZES = [10_000, 100_000, 1_000_000].filter((s) => s <= MAX);
const PROBES = Number(process.env.BENCH_APPEALS_PROBES ?? 5_000);
const TODAY = '2026-06-01';

const ctx: IntakeContext = { today: TODAY, addWorkingDays: (d, n) => addDays(d, Math.ceil((n * 7) / 5)) };

/** Fills the in-memory archive up to `size` earlier appeals. */
function fill(gen: ArchiveGenerator, archive: MemoryArchive, size: number): void {
  for (let a = gen.next(size); a; a = gen.next(size)) {
    const appeal: EarlierAppeal = {
      id: `A${a.n}`,
      receivedOn: a.receivedOn,
      form: 'individual',
      applicants: a.person.applicants,
      topics: topics(a.topic),
      stems: stems(a.summary),
      answeredOnMerits: a.answeredOnMerits,
      answeredOn: a.answeredOn,
      forwardedBy: 'none',
    };
    archive.add(appeal, a.person.keys);
  }
}

function timeSync(n: number, fn: (i: number) => unknown): number {
  const started = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return n / ((performance.now() - started) / 1000);
}

export const bench: Bench = {
  name: 'appeals',
  async run() {
    let archive = new MemoryArchive();
    const gen = new ArchiveGenerator();
    const rows: Parameters<typeof report>[0] = [];
    const started = performance.now();
    for (const size of SIZES) {
      const t0 = performance.now();
      fill(gen, archive, size);
      const filled = (performance.now() - t0) / 1000;
      const cards = gen.probes(PROBES, TODAY);
      const keys = cards.map((c) => blockingKeys(fingerprintApplicant(c.applicants[0]!))[0] ?? '');
      for (let i = 0; i < Math.min(500, cards.length); i++) decideIntake({ card: cards[i]! }, ctx, archive); // warm-up
      const outcomes: Record<string, number> = {};
      let candidates = 0;
      const decided = timeSync(cards.length, (i) => {
        const out = decideIntake({ card: cards[i]! }, ctx, archive);
        const r = out.needsReview ? 'possible-repeat' : out.recurrence;
        outcomes[r] = (outcomes[r] ?? 0) + 1;
      });
      for (const c of cards) candidates += archive.findByKeys(appealKeys(c.applicants.map(fingerprintApplicant))).length;
      const rounds = 100;
      let found = 0;
      const lookups = timeSync(cards.length * rounds, (i) => (found += archive.block(keys[i % cards.length]!).length));
      const heap = process.memoryUsage().heapUsed / 2 ** 20;
      console.log(
        `${size.toLocaleString('en')} appeals on file (${archive.keyCount.toLocaleString('en')} keys, filled in ${filled.toFixed(1)} s, heap ${heap.toFixed(0)} MiB): ` +
          `${(candidates / cards.length).toFixed(1)} candidates per decision (${(found / (cards.length * rounds)).toFixed(1)} under the first key); outcomes ${JSON.stringify(outcomes)}`,
      );
      rows.push({
        label: `intake decision (match + rules), ${size.toLocaleString('en')} on file`,
        perSecond: decided,
        baseline: lookups,
        baselineLabel: 'bare Map.get of the blocking key, same archive',
      });
    }
    archive = new MemoryArchive(); // the million in memory are not needed for the store's part
    rows.push(...(await storeRows()));
    report(rows);
    console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
};
