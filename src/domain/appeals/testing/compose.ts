/**
 * Building a set of appeals whose composition is given exactly (so many by each channel, so many
 * with each result, so many questions on each topic), with made-up people and realistic
 * summaries. Used to reproduce the figures of the department's reports in the seeds.
 */
import type { AppealCard } from '../types';
import { applicantOf } from './fake-cards';
import { fakePerson, fakeSummary, int, type Rng } from './fake-people';

/** A list holding each label exactly `counts[label]` times, in seeded random order. */
export function exactly<T extends string>(rng: Rng, counts: Partial<Record<T, number>>): T[] {
  const out: T[] = [];
  for (const [label, n] of Object.entries(counts) as Array<[T, number]>) for (let i = 0; i < n; i++) out.push(label);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** How a group of appeals came in. */
export interface Slice {
  count: number;
  channel: AppealCard['channel'];
  submission: AppealCard['submission'];
  forwardedBy?: AppealCard['forwardedBy'];
  form?: AppealCard['form'];
}

/**
 * Seed 002 («ЗВІТ … у І кварталі 2021 року») by channel: line 92 gives 4906 in all, line 96 3773
 * through the hotlines, line 101 143 electronic and 15 e-petitions, line 104 312 by telephone.
 * Splits the seed does not give are marked «assumption».
 */
export const SEED_002_SLICES: readonly Slice[] = [
  { count: 2700, channel: 'hotline-1545', submission: 'oral', forwardedBy: { body: 'government-contact-centre', underControl: true } }, // assumption: 1545 / oblast split
  { count: 1073, channel: 'oblast-contact-centre', submission: 'oral', forwardedBy: { body: 'oblast-contact-centre', underControl: true } },
  { count: 26, channel: 'post', submission: 'written', forwardedBy: { body: 'higher-authority', name: 'Дніпропетровська ОДА', underControl: true } },
  { count: 143, channel: 'electronic', submission: 'written' },
  { count: 15, channel: 'e-petition', submission: 'written' },
  { count: 200, channel: 'direct-line', submission: 'oral' }, // assumption: direct line / trust phone split
  { count: 112, channel: 'trust-phone', submission: 'oral' },
  { count: 637, channel: 'post', submission: 'written' },
];

let serial = 0;

/** A complete, considered card from a made-up person, received on a day of [from, to]. */
export function composedCard(rng: Rng, slice: Slice, topics: string[], period: { from: string; to: string }): AppealCard {
  serial++;
  const from = Date.parse(`${period.from}T12:00:00Z`);
  const days = Math.round((Date.parse(`${period.to}T12:00:00Z`) - from) / 86_400_000);
  const receivedOn = new Date(from + int(rng, 0, days) * 86_400_000).toISOString().slice(0, 10);
  const collective = slice.form === 'collective' || slice.channel === 'e-petition';
  const applicants = Array.from({ length: collective ? int(rng, 3, 30) : 1 }, () => applicantOf(fakePerson(rng)));
  const card: AppealCard = {
    id: `c-${serial}`,
    registrationIndex: `${slice.submission === 'oral' ? 'У' : 'К'}-${serial}`,
    receivedOn,
    type: rng() < 0.12 ? 'complaint' : rng() < 0.05 ? 'proposal' : 'application',
    form: collective ? 'collective' : 'individual',
    submission: slice.submission,
    channel: slice.channel,
    forwardedBy: slice.forwardedBy ?? { body: 'none', underControl: false },
    applicants,
    topics,
    summary: fakeSummary(rng, topics[0] ?? '024'),
    signed: true,
    dated: true,
    newFacts: false,
  };
  if (slice.channel === 'electronic') card.applicants = applicants.map((a, i) => ({ ...a, email: a.email ?? `zayavnyk${serial}.${i}@example.com` }));
  if (slice.channel === 'e-petition') {
    card.ePetition = { number: `ЕП-${serial}`, votes: int(rng, 20, 240), threshold: 250, collectionEndsOn: receivedOn };
  }
  return card;
}
