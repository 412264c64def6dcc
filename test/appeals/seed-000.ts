/**
 * A data set for seed 000 («Звітуємо територіальній громаді: загальний відділ», the general
 * department of a district council, ten months of 2018), made up here as the public API takes it:
 * document submissions (POST /api/v1/documents), platform exports of e-petitions
 * (POST /api/v1/petitions), direct-line calls answered orally (POST /api/v1/direct-line/calls),
 * and the answers (POST /api/v1/documents/{id}/appeal/answer). Nothing here calls the hub's domain
 * or store: the figures are the seed's, the split into channels and dates is this file's own.
 * People are made up (src/domain/appeals/testing/fake-people), never real.
 *
 * The seed's figures (line numbers of /work/shared/seeds/000_20f500c1db89803e.txt):
 * - line 9: 4236 appeals in ten months of 2018, 1213 of them written;
 * - lines 11-15: of the written, local 826, from the city executive 383, from the prosecutor 4;
 * - lines 19-23: from the Government contact centre 1339, the oblast head's hotline 972, the city
 *   resource (contact) centre 283;
 * - line 25: the direct line, 567 calls: 184 registered as cards, the rest answered orally (383);
 * - lines 31-35: results 876 resolved positively, 3285 explained, 75 still on control;
 * - line 37: housing and utilities, the largest group, 3380 appeals;
 * - line 39: eight e-petitions of 2018 below the threshold, considered as appeals;
 * - lines 43-49: 83 information requests, 67 from individuals, 10 from public associations, 6 from legal entities.
 * Splits the seed does not give are marked «assumption».
 */
import { fakePerson, officialAddress, officialName, seededRng, type FakePerson, type Rng } from '../../src/domain/appeals/testing/fake-people';

/** Ten months of 2018 (line 9: «за 10 місяців 2018 року»). */
export const PERIOD_000 = { from: '2018-01-01', to: '2018-10-31' } as const;

/** The seed's figures, each with its line. */
export const SEED_000 = {
  total: 4236, // line 9
  written: 1213, // line 9
  writtenLocal: 826, // line 11
  writtenCityExecutive: 383, // line 13
  writtenProsecutor: 4, // line 15
  governmentContactCentre: 1339, // line 19
  oblastHotline: 972, // line 21
  cityContactCentre: 283, // line 23
  directLineCalls: 567, // line 25
  directLineCards: 184, // line 25
  directLineOral: 567 - 184, // line 25 «на решту надано усні роз’яснення»: 383
  resolvedPositively: 876, // line 31
  explained: 3285, // line 33
  onControl: 75, // line 35
  housingAndUtilities: 3380, // line 37
  ePetitions: 8, // line 39
  infoRequests: 83, // line 43
  infoIndividuals: 67, // line 45
  infoPublicAssociations: 10, // line 47
  infoLegalEntities: 6, // line 49
} as const;

/** Oral appeals at the head's personal receptions: the remainder of the total (assumption: the seed names no other oral channel). */
const PERSONAL_RECEPTIONS = SEED_000.total - SEED_000.written - SEED_000.governmentContactCentre - SEED_000.oblastHotline - SEED_000.cityContactCentre - SEED_000.directLineCards;

type Result = 'resolved-positively' | 'explained' | 'on-control';

export interface SeedAppeal {
  /** POST /api/v1/documents. */
  body: Record<string, unknown>;
  receivedOn: string;
  result: Result;
}

export interface SeedPetition {
  /** POST /api/v1/petitions: the platform's export. */
  body: Record<string, unknown>;
  endDate: string;
  result: Result;
}

export interface Seed000 {
  appeals: SeedAppeal[];
  petitions: SeedPetition[];
  /** POST /api/v1/direct-line/calls. */
  calls: Array<Record<string, unknown>>;
  /** POST /api/v1/documents, kind info-request. */
  infoRequests: Array<Record<string, unknown>>;
}

/** Summaries by classifier code (Класифікатор звернень, постанова КМУ № 858): 009, 010 housing and utilities; the others not. */
const SUMMARIES: Record<string, string[]> = {
  '009': ['Щодо ремонту покрівлі будинку', 'Про відсутність опалення у квартирі', 'Щодо перерахунку плати за вивезення сміття', 'Про ремонт внутрішньобудинкових мереж', 'Щодо освітлення прибудинкової території'],
  '010': ['Щодо постановки на квартирний облік', 'Про оформлення права власності на квартиру'],
  '006': ['Про надання матеріальної допомоги', 'Щодо призначення субсидії'],
  '003': ['Щодо руху маршрутного таксі', 'Про ремонт зупинки громадського транспорту'],
  '011': ['Про стихійне звалище біля балки', 'Щодо зрізання аварійних дерев'],
  '013': ['Про облаштування дитячого майданчика'],
  '014': ['Щодо місця в загальноосвітній школі'],
  '012': ['Про порушення тиші у нічний час'],
  '002': ['Щодо межі земельної ділянки'],
};
const HOUSING = ['009', '009', '009', '010'];
const OTHER = ['006', '003', '011', '013', '014', '012', '002'];

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, from: number, to: number): number => from + Math.floor(rng() * (to - from + 1));

function shuffled<T>(rng: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** Each label exactly n times, shuffled. */
function exactly<T extends string>(rng: Rng, counts: Record<T, number>): T[] {
  const out: T[] = [];
  for (const [label, n] of Object.entries(counts) as Array<[T, number]>) for (let i = 0; i < n; i++) out.push(label);
  return shuffled(rng, out);
}

function isoDay(from: string, plus: number): string {
  return new Date(Date.parse(`${from}T12:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
}

/** A day of [from, to]; working days only (receptions, the department's desk), weekends skipped. */
function dayIn(rng: Rng, from: string, to: string): string {
  const days = Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
  for (;;) {
    const d = isoDay(from, int(rng, 0, days));
    const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) return d;
  }
}

interface Door {
  count: number;
  kind: 'citizen-appeal' | 'hotline-card';
  source: string;
  channel: string;
  submission: 'written' | 'oral';
  forwardedBy: Record<string, unknown>;
}

/** How the 4228 appeals other than the e-petitions come in (the e-petitions are 8 of the 826 local written ones: assumption). */
const DOORS: Door[] = [
  { count: SEED_000.writtenLocal - SEED_000.ePetitions, kind: 'citizen-appeal', source: 'post', channel: 'post', submission: 'written', forwardedBy: { body: 'none', underControl: false } },
  { count: SEED_000.writtenCityExecutive, kind: 'citizen-appeal', source: 'post', channel: 'post', submission: 'written', forwardedBy: { body: 'city-executive', name: 'Виконавчий комітет Криворізької міської ради', underControl: true } },
  { count: SEED_000.writtenProsecutor, kind: 'citizen-appeal', source: 'post', channel: 'post', submission: 'written', forwardedBy: { body: 'prosecutor', name: 'Криворізька місцева прокуратура', underControl: true } },
  { count: SEED_000.governmentContactCentre, kind: 'hotline-card', source: 'hotline-1545', channel: 'hotline-1545', submission: 'oral', forwardedBy: { body: 'government-contact-centre', underControl: true } },
  { count: SEED_000.oblastHotline, kind: 'hotline-card', source: 'oblast-contact-centre', channel: 'oblast-contact-centre', submission: 'oral', forwardedBy: { body: 'oblast-contact-centre', underControl: true } },
  { count: SEED_000.cityContactCentre, kind: 'hotline-card', source: 'city-contact-centre', channel: 'city-contact-centre', submission: 'oral', forwardedBy: { body: 'city-contact-centre', name: 'Криворізький ресурсний центр', underControl: false } },
  { count: SEED_000.directLineCards, kind: 'citizen-appeal', source: 'direct-line', channel: 'direct-line', submission: 'oral', forwardedBy: { body: 'none', underControl: false } },
  { count: PERSONAL_RECEPTIONS, kind: 'citizen-appeal', source: 'personal-reception', channel: 'personal-reception', submission: 'oral', forwardedBy: { body: 'none', underControl: false } },
];

function applicant(p: FakePerson): Record<string, unknown> {
  return { fullName: officialName(p), address: officialAddress(p) };
}

export function seed000(run = `${process.pid}-${Date.now()}`): Seed000 {
  const rng = seededRng(2018);
  const appealCount = DOORS.reduce((n, d) => n + d.count, 0);
  if (appealCount + SEED_000.ePetitions !== SEED_000.total) throw new Error(`composition: ${appealCount} + ${SEED_000.ePetitions} ≠ ${SEED_000.total}`);

  // Line 37: 3380 appeals on housing and utilities, one question each; the rest elsewhere.
  const groups = exactly(rng, { housing: SEED_000.housingAndUtilities, other: SEED_000.total - SEED_000.housingAndUtilities });
  const topicOf = (i: number) => (groups[i] === 'housing' ? pick(rng, HOUSING) : pick(rng, OTHER));
  // Lines 31-35: the result of each; the 75 still on control are received late (assumption: from 15 October on).
  const results = exactly<Result>(rng, { 'resolved-positively': SEED_000.resolvedPositively, explained: SEED_000.explained, 'on-control': SEED_000.onControl });
  if (results.length !== SEED_000.total) throw new Error(`results: ${results.length} ≠ ${SEED_000.total}`);

  const appeals: SeedAppeal[] = [];
  const petitions: SeedPetition[] = [];
  let i = 0;
  const nextResult = (): Result => results[i]!;
  const dateFor = (result: Result) => (result === 'on-control' ? dayIn(rng, '2018-10-15', PERIOD_000.to) : dayIn(rng, PERIOD_000.from, '2018-10-12'));

  for (const door of DOORS) {
    for (let k = 0; k < door.count; k++, i++) {
      const result = nextResult();
      const receivedOn = dateFor(result);
      const topic = topicOf(i);
      const p = fakePerson(rng);
      const summary = pick(rng, SUMMARIES[topic]!);
      const card: Record<string, unknown> = {
        type: rng() < 0.1 ? 'complaint' : rng() < 0.05 ? 'proposal' : 'application',
        form: 'individual',
        submission: door.submission,
        channel: door.channel,
        forwardedBy: door.forwardedBy,
        applicants: [applicant(p)],
        topics: [topic],
        summary,
        signed: door.submission === 'written',
        dated: door.submission === 'written',
        newFacts: false,
        ...(door.submission === 'written' ? { writtenOn: isoDay(receivedOn, -int(rng, 1, 4)) } : {}),
      };
      // A hotline card carries the centre's own card id (003 §139).
      if (door.kind === 'hotline-card') card.forwardedBy = { ...door.forwardedBy, reference: { number: `${door.source}-2018-${k + 1}` } };
      appeals.push({
        receivedOn,
        result,
        body: {
          externalId: `seed000-${run}-${i}`,
          source: door.source,
          kind: door.kind,
          correspondent: { name: officialName(p), address: officialAddress(p) },
          summary,
          receivedAt: `${receivedOn}T07:30:00Z`,
          meta: { appeal: card },
        },
      });
    }
  }

  // Line 39: eight e-petitions, collection ended in 2018 below the threshold; the platform's export.
  for (let k = 0; k < SEED_000.ePetitions; k++, i++) {
    const result = nextResult();
    const endDate = dateFor(result);
    const author = fakePerson(rng);
    const topic = topicOf(i);
    petitions.push({
      endDate,
      result,
      body: {
        id: `${run}-${k + 1}`.replace(/[^0-9A-Za-z_-]/g, '-').slice(-40),
        community: 'saksahanska-rada',
        number: `ЕП-2018-${k + 1}`,
        title: pick(rng, SUMMARIES[topic]!),
        author: { name: officialName(author), address: officialAddress(author) },
        published_at: `${isoDay(endDate, -60)}T10:00:00+02:00`,
        end_date: endDate,
        votes: int(rng, 15, 240),
        votes_needed: 250,
        status: 'closed',
        topics: [topic],
        exported_at: '2026-03-09T07:00:00Z',
      },
    });
  }
  if (i !== SEED_000.total) throw new Error(`composition: ${i} ≠ ${SEED_000.total}`);

  // Line 25: the calls answered orally carry no person (003 §87-91); topics as noted (assumption).
  const calls = Array.from({ length: SEED_000.directLineOral }, () => ({
    calledAt: `${dayIn(rng, PERIOD_000.from, PERIOD_000.to)}T0${int(rng, 6, 9)}:${String(int(rng, 0, 59)).padStart(2, '0')}:00Z`,
    topics: [pick(rng, [...HOUSING, ...OTHER])],
  }));

  // Lines 43-49: information requests by who asks (Law 2939-VI art. 12; meta.infoRequest.requesterType).
  const types = exactly(rng, { individual: SEED_000.infoIndividuals, 'public-association': SEED_000.infoPublicAssociations, 'legal-entity': SEED_000.infoLegalEntities });
  const infoRequests = types.map((requesterType, k) => {
    const p = fakePerson(rng);
    const correspondent = requesterType === 'individual'
      ? { name: officialName(p), address: officialAddress(p), email: `zapyt.${k}@example.com` }
      : requesterType === 'public-association'
        ? { name: `ГО «Громада Саксаганського району ${k}»`, email: `go${k}@example.org`, edrpou: String(40000000 + k) }
        : { name: `ТОВ «Будсервіс-${k}»`, email: `office${k}@example.com`, edrpou: String(41000000 + k) };
    return {
      externalId: `seed000-info-${run}-${k}`,
      source: 'e-mail',
      kind: 'info-request',
      correspondent,
      summary: pick(rng, ['Запит про договори на ремонт доріг', 'Запит про кошторис благоустрою', 'Запит про рішення виконкому щодо тарифів']),
      receivedAt: `${dayIn(rng, PERIOD_000.from, PERIOD_000.to)}T08:00:00Z`,
      meta: { infoRequest: { requesterType } },
    };
  });

  return { appeals, petitions, calls, infoRequests };
}
