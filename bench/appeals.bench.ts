import { performance } from 'node:perf_hooks';
import type { Bench } from './main';
import { report } from './support';
import { addDays } from '../src/domain/clock';
import {
  appealKeys, blockingKeys, decideIntake, fingerprintApplicant, MemoryArchive, summaryStems, type AppealCard,
  type ApplicantFingerprint, type EarlierAppeal, type IntakeContext,
} from '../src/domain/appeals';
import {
  addressVariant, fakePerson, nameVariant, officialAddress, officialName, pick, seededRng, SUMMARIES, type FakePerson, type Rng,
} from '../src/domain/appeals/testing/fake-people';

/**
 * Intake decisions per second with 10k, 100k and 1M earlier appeals on file, against a bare
 * Map lookup of the blocking key on the same archive (the floor any index lookup costs).
 * The archive is generated: a district of PERSONS people, some of whom write often (a skewed
 * choice), topics weighted like the seeds (housing and utilities first). A decision is the whole
 * of `decideIntake`: parsing the new applicant's name and address, the blocking keys, the
 * candidates, the fine comparison of each, the question similarity, and every other rule.
 * Probes: half are earlier writers on an earlier question (written differently), 30% earlier
 * writers on a new question, 20% people never seen.
 */
const MAX = Number(process.env.BENCH_APPEALS ?? 1_000_000);
const SIZES = [10_000, 100_000, 1_000_000].filter((s) => s <= MAX);
const PERSONS = Number(process.env.BENCH_APPEALS_PERSONS ?? 250_000);
const PROBES = Number(process.env.BENCH_APPEALS_PROBES ?? 5_000);
const TODAY = '2026-06-01';

const TOPIC_WEIGHTS: Array<[string, number]> = [
  ['009', 60], ['010', 6], ['006', 12], ['008', 4], ['003', 3], ['013', 3], ['014', 2], ['011', 2], ['002', 2], ['021', 2], ['012', 2], ['024', 2],
];
const TOPIC_BAG = TOPIC_WEIGHTS.flatMap(([t, w]) => Array<string>(w).fill(t));

interface Person {
  fake: FakePerson;
  applicants: ApplicantFingerprint[];
  keys: string[];
  lastTopic: string;
  lastSummary: string;
}

const ctx: IntakeContext = { today: TODAY, addWorkingDays: (d, n) => addDays(d, Math.ceil((n * 7) / 5)) };

/** Shared per summary, as a store would keep one stems array per row (here interned to keep memory sane). */
const stemsOf = new Map<string, readonly string[]>();
const topicsOf = new Map<string, readonly string[]>();
function stems(summary: string): readonly string[] {
  let s = stemsOf.get(summary);
  if (!s) stemsOf.set(summary, (s = summaryStems(summary)));
  return s;
}
function topics(code: string): readonly string[] {
  let t = topicsOf.get(code);
  if (!t) topicsOf.set(code, (t = [code]));
  return t;
}

class Generator {
  private readonly rng: Rng = seededRng(545);
  private readonly persons: Array<Person | undefined> = new Array(PERSONS);
  readonly present: number[] = [];
  private readonly dates: string[] = Array.from({ length: 1500 }, (_, i) => addDays('2022-01-01', i));
  count = 0;

  private person(i: number): Person {
    let p = this.persons[i];
    if (!p) {
      const fake = fakePerson(this.rng);
      const fp = fingerprintApplicant({ fullName: officialName(fake), address: officialAddress(fake), email: fake.email, phone: fake.phone });
      const applicants = [fp];
      p = { fake, applicants, keys: appealKeys(applicants), lastTopic: '', lastSummary: '' };
      this.persons[i] = p;
      this.present.push(i);
    }
    return p;
  }

  /** Fills the archive up to `size` earlier appeals. */
  fill(archive: MemoryArchive, size: number): void {
    const rng = this.rng;
    for (; this.count < size; this.count++) {
      // Skewed: a few people write very often, most once or twice.
      const p = this.person(Math.floor(PERSONS * rng() ** 2.2));
      const topic = pick(rng, TOPIC_BAG);
      const summary = pick(rng, SUMMARIES[topic]!);
      const d = Math.floor(rng() * (this.dates.length - 40));
      const appeal: EarlierAppeal = {
        id: `A${this.count}`,
        receivedOn: this.dates[d]!,
        form: 'individual',
        applicants: p.applicants,
        topics: topics(topic),
        stems: stems(summary),
        answeredOnMerits: rng() < 0.85,
        answeredOn: this.dates[d + 25]!,
        forwardedBy: 'none',
      };
      archive.add(appeal, p.keys);
      p.lastTopic = topic;
      p.lastSummary = summary;
    }
  }

  /** New appeals to decide: earlier writers on an old or a new question, and new people. */
  probes(n: number): AppealCard[] {
    const rng = seededRng(this.count);
    return Array.from({ length: n }, (_, i): AppealCard => {
      const kind = rng();
      let person: FakePerson;
      let topic: string;
      let summary: string;
      if (kind < 0.8) {
        const p = this.persons[pick(rng, this.present)]!;
        person = p.fake;
        if (kind < 0.5) [topic, summary] = [p.lastTopic, p.lastSummary];
        else {
          topic = pick(rng, TOPIC_BAG.filter((t) => t !== p.lastTopic));
          summary = pick(rng, SUMMARIES[topic]!);
        }
      } else {
        person = fakePerson(rng);
        topic = pick(rng, TOPIC_BAG);
        summary = pick(rng, SUMMARIES[topic]!);
      }
      return {
        id: `P${this.count}-${i}`, receivedOn: TODAY, writtenOn: TODAY, type: 'application', form: 'individual', submission: 'written',
        channel: 'post', forwardedBy: { body: 'none', underControl: false },
        applicants: [{ fullName: nameVariant(rng, person), address: addressVariant(rng, person) }],
        topics: [topic], summary, signed: true, dated: true, newFacts: false,
      };
    });
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
    const archive = new MemoryArchive();
    const gen = new Generator();
    const rows: Parameters<typeof report>[0] = [];
    const started = performance.now();
    for (const size of SIZES) {
      const t0 = performance.now();
      gen.fill(archive, size);
      const filled = (performance.now() - t0) / 1000;
      const cards = gen.probes(PROBES);
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
    report(rows);
    console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
};
