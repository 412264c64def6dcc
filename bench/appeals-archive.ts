/**
 * The made-up archive the appeals bench fills, in memory (appeals.bench.ts) and in PostgreSQL
 * (appeals-store.ts): a district of PERSONS people, some of whom write often (a skewed choice),
 * topics weighted like the seeds (housing and utilities first), and the new appeals to decide.
 * Seeded, so both measurements of one run see the same archive and the same probes.
 */
import { addDays } from '../src/domain/clock';
import { appealKeys, fingerprintApplicant, summaryStems, type AppealCard, type ApplicantFingerprint } from '../src/domain/appeals';
import {
  addressVariant, fakePerson, nameVariant, officialAddress, officialName, pick, seededRng, SUMMARIES, type FakePerson, type Rng,
} from '../src/domain/appeals/testing/fake-people';

export const PERSONS = Number(process.env.BENCH_APPEALS_PERSONS ?? 250_000);

const TOPIC_WEIGHTS: Array<[string, number]> = [
  ['009', 60], ['010', 6], ['006', 12], ['008', 4], ['003', 3], ['013', 3], ['014', 2], ['011', 2], ['002', 2], ['021', 2], ['012', 2], ['024', 2],
];
const TOPIC_BAG = TOPIC_WEIGHTS.flatMap(([t, w]) => Array<string>(w).fill(t));

export interface Person {
  /** Index in the district, stable across runs. */
  id: number;
  fake: FakePerson;
  /** As intake computes them from the card's applicant (src/appeals/intake.ts). */
  applicants: ApplicantFingerprint[];
  keys: string[];
  lastTopic: string;
  lastSummary: string;
}

/** One earlier appeal on file; the person's fingerprints and keys are shared, as a store row would repeat them. */
export interface ArchivedAppeal {
  n: number;
  person: Person;
  topic: string;
  summary: string;
  receivedOn: string;
  answeredOnMerits: boolean;
  answeredOn: string;
}

/** Interned per summary and topic, to keep the in-memory archive's heap sane. */
const stemsOf = new Map<string, readonly string[]>();
const topicsOf = new Map<string, readonly string[]>();
export function stems(summary: string): readonly string[] {
  let s = stemsOf.get(summary);
  if (!s) stemsOf.set(summary, (s = summaryStems(summary)));
  return s;
}
export function topics(code: string): readonly string[] {
  let t = topicsOf.get(code);
  if (!t) topicsOf.set(code, (t = [code]));
  return t;
}

export class ArchiveGenerator {
  private readonly rng: Rng = seededRng(545);
  private readonly persons: Array<Person | undefined> = new Array(PERSONS);
  private readonly present: number[] = [];
  private readonly dates: string[] = Array.from({ length: 1500 }, (_, i) => addDays('2022-01-01', i));
  count = 0;

  private person(i: number): Person {
    let p = this.persons[i];
    if (!p) {
      const fake = fakePerson(this.rng);
      const fp = fingerprintApplicant({ fullName: officialName(fake), address: officialAddress(fake), email: fake.email, phone: fake.phone });
      const applicants = [fp];
      p = { id: i, fake, applicants, keys: appealKeys(applicants), lastTopic: '', lastSummary: '' };
      this.persons[i] = p;
      this.present.push(i);
    }
    return p;
  }

  /** The next earlier appeal, up to `size` in all; undefined when the archive has that many. */
  next(size: number): ArchivedAppeal | undefined {
    if (this.count >= size) return undefined;
    const rng = this.rng;
    // Skewed: a few people write very often, most once or twice.
    const person = this.person(Math.floor(PERSONS * rng() ** 2.2));
    const topic = pick(rng, TOPIC_BAG);
    const summary = pick(rng, SUMMARIES[topic]!);
    const d = Math.floor(rng() * (this.dates.length - 40));
    const appeal = { n: this.count++, person, topic, summary, receivedOn: this.dates[d]!, answeredOnMerits: rng() < 0.85, answeredOn: this.dates[d + 25]! };
    person.lastTopic = topic;
    person.lastSummary = summary;
    return appeal;
  }

  /**
   * New appeals to decide, received on `today`, every one written as clerks and citizens write
   * (nameVariant, addressVariant): half are earlier writers on an earlier question, 30% earlier
   * writers on a new question, 20% people never seen.
   */
  probes(n: number, today: string): AppealCard[] {
    const rng = seededRng(this.count);
    return Array.from({ length: n }, (_, i): AppealCard => {
      const kind = rng();
      let person: FakePerson;
      let topic: string;
      let summary: string;
      if (kind < 0.8 && this.present.length) {
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
        id: `P${this.count}-${i}`, receivedOn: today, writtenOn: today, type: 'application', form: 'individual', submission: 'written',
        channel: 'post', forwardedBy: { body: 'none', underControl: false },
        applicants: [{ fullName: nameVariant(rng, person), address: addressVariant(rng, person) }],
        topics: [topic], summary, signed: true, dated: true, newFacts: false,
      };
    });
  }
}
