/**
 * The composition of seed 002 («ЗВІТ про роботу відділу звернень громадян … у І кварталі 2021
 * року») as submissions to the hub, built with the domain's testing compositions
 * (src/domain/appeals/testing/compose.ts), the same slices as src/domain/appeals/report.test.ts:
 * line 92: 4906 appeals; line 96: 3799 from higher authorities, 3773 of them through the
 * government hotline and the oblast head's hotline; line 101: 143 electronic; lines 101-102:
 * 15 e-petitions below the threshold; line 104: 312 by telephone; line 105: 5121 questions,
 * 009 — 3658, 006 — 659, 008 — 191. Splits the seed does not give are marked «assumption».
 * 40 local letters repeat a question answered on the merits in the 4th quarter of 2020.
 */
import { addDays } from '../../src/domain/clock';
import type { AppealCard } from '../../src/domain/appeals';
import { composedCard, exactly, SEED_002_SLICES } from '../../src/domain/appeals/testing/compose';
import { applicantOf } from '../../src/domain/appeals/testing/fake-cards';
import { addressVariant, fakePerson, nameVariant, seededRng, type Rng } from '../../src/domain/appeals/testing/fake-people';

export interface SeedSubmission {
  card: AppealCard;
  kind: string;
  source: string;
}

export interface Seed002 {
  /** The 2020 letters, to be registered and answered first. */
  earlier: Array<SeedSubmission & { answeredOn: string }>;
  /** The 4906 appeals of the quarter, in order of receipt. */
  quarter: SeedSubmission[];
  /** Card ids (the composition's) of the 40 that repeat an earlier question. */
  planted: Set<string>;
}

const SLICES = SEED_002_SLICES;

/** How each channel reaches the hub: the kind of document and the source. */
export function doorOf(card: AppealCard): { kind: string; source: string } {
  switch (card.channel) {
    case 'hotline-1545':
    case 'oblast-contact-centre':
      return { kind: 'hotline-card', source: card.channel };
    case 'e-petition':
      return { kind: 'e-petition', source: 'e-petition' };
    case 'electronic':
      return { kind: 'citizen-appeal', source: 'e-mail' };
    default:
      return { kind: 'citizen-appeal', source: card.channel };
  }
}

const OTHER = ['003', '013', '014', '011', '002', '021', '012', '024'];
const otherTopic = (rng: Rng) => OTHER[Math.floor(rng() * OTHER.length)]!;

export function seed002(): Seed002 {
  const rng = seededRng(2021);
  const period = { from: '2021-01-01', to: '2021-03-31' };
  const other = 5121 - 3658 - 659 - 191;
  const codes = exactly(rng, { '009': 3658, '006': 659, '008': 191, other }).map((c) => (c === 'other' ? otherTopic(rng) : c));
  const cards: AppealCard[] = [];
  let i = 0;
  for (const slice of SLICES) for (let k = 0; k < slice.count; k++, i++) cards.push(composedCard(rng, slice, [codes[i]!], period));
  for (let k = 0; i < codes.length; i++, k++) cards[k]!.topics.push(codes[i]!); // 215 appeals raise a second question

  const earlier: Seed002['earlier'] = [];
  const planted = new Set<string>();
  const letters = cards.filter((c) => c.channel === 'post' && c.forwardedBy.body === 'none').slice(0, 40);
  for (const later of letters) {
    const person = fakePerson(rng);
    const first = composedCard(rng, { count: 1, channel: 'post', submission: 'written' }, [later.topics[0]!], { from: '2020-10-01', to: '2020-11-30' });
    first.applicants = [applicantOf(person)];
    first.summary = later.summary;
    earlier.push({ card: first, ...doorOf(first), answeredOn: addDays(first.receivedOn, 20) });
    // The same person as written on the later letter: initials, capitals, «вул» or nothing, apostrophes.
    later.applicants = [{ fullName: nameVariant(rng, person), address: addressVariant(rng, person) }];
    planted.add(later.id);
  }
  const quarter = [...cards].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn)).map((card) => ({ card, ...doorOf(card) }));
  return { earlier, quarter, planted };
}
