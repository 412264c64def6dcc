/**
 * A person's name as written in an appeal: «Коваленко Ірина Петрівна», «Коваленко І.П.»,
 * «І. П. Коваленко», «Ірина Петрівна Коваленко», «КОВАЛЕНКО Ірина». Parsed into surname, given
 * name and patronymic (each full, an initial, or absent) in folded form.
 */
import { canonicalGivenName, givenNameGender, isKnownFatherName, isKnownGivenName, patronymicRoot, type Gender } from './given-names';
import { editDistance, foldText, normaliseText } from './text';

export interface ParsedName {
  /** Folded surname ('' when none could be told). */
  surname: string;
  /** Folded, canonical given name, '' when only an initial or nothing. */
  given: string;
  givenInitial: string;
  /** The initial of the canonical form when it differs from the written one («Ганна» → «Анна», «Николай» → «Микола»). */
  givenInitialAlt: string;
  /** Folded patronymic, '' when only an initial or nothing. */
  patronymic: string;
  patronymicInitial: string;
  /** The father's name in one form for Ukrainian and Russian spellings ('' without a full patronymic). */
  patronymicRoot: string;
  gender: Gender | undefined;
}

/** On folded text (и→і): «-ович», «-евич», «-йович», «Ілліч» all end in «іч». */
const MALE_PATRONYMIC = /іч$/;
const FEMALE_PATRONYMIC = /(івна|овна|евна|ічна)$/;

function isPatronymic(folded: string): boolean {
  return folded.length >= 5 && (MALE_PATRONYMIC.test(folded) || FEMALE_PATRONYMIC.test(folded));
}

function patronymicGender(folded: string): Gender | undefined {
  if (FEMALE_PATRONYMIC.test(folded)) return 'female';
  if (MALE_PATRONYMIC.test(folded)) return 'male';
  return undefined;
}

/** Gendered surname endings on folded text: -ський/-ська (folded «-скій»/«-ска»), Russian -ов/-ова, -ская. */
function surnameGender(folded: string): Gender | undefined {
  if (/(ска|цка|зка|ская|цкая|ова|ева)$/.test(folded)) return 'female';
  if (/(скій|цкій|зкій|ов|ев)$/.test(folded)) return 'male';
  return undefined;
}

function build(surname: string, given: string, givenInitial: string, patronymic: string, patronymicInitial: string): ParsedName {
  const g = given ? canonicalGivenName(given) : '';
  const gender = (patronymic ? patronymicGender(patronymic) : undefined) ?? (g ? givenNameGender(g) : undefined) ?? surnameGender(surname);
  return {
    surname,
    given: g,
    givenInitial: givenInitial || given.charAt(0),
    givenInitialAlt: g.charAt(0) !== given.charAt(0) ? g.charAt(0) : '',
    patronymic,
    patronymicInitial: patronymicInitial || patronymic.charAt(0),
    patronymicRoot: patronymic ? patronymicRoot(patronymic) : '',
    gender,
  };
}

/** Splits a name into its parts; word order and initials as people write them. */
export function parseName(raw: string): ParsedName {
  const tokens = foldText(normaliseText(raw)).split(' ').filter((t) => t && !/^\d/.test(t));
  const initials = tokens.filter((t) => t.length === 1);
  const full = tokens.filter((t) => t.length > 1);
  if (!full.length) return build('', '', initials[0] ?? '', '', initials[1] ?? '');
  if (initials.length) {
    if (full.length === 1) return build(full[0]!, '', initials[0]!, '', initials[1] ?? '');
    // «Коваленко Ірина П.» / «Коваленко І. Петрівна»
    const pat = full.find(isPatronymic);
    if (pat && full.length === 2) return build(full.find((t) => t !== pat)!, '', initials[0]!, pat, '');
    const [a, b] = full as [string, string];
    const givenFirst = isKnownGivenName(a) && !isKnownGivenName(b);
    return build(givenFirst ? b : a, givenFirst ? a : b, '', '', initials[0]!);
  }
  if (full.length === 1) return build(full[0]!, '', '', '', '');
  if (full.length === 2) {
    const [a, b] = full as [string, string];
    if (isPatronymic(b) && isKnownGivenName(a)) return build('', a, '', b, ''); // «Ірина Петрівна», no surname
    const givenFirst = isKnownGivenName(a) && !isKnownGivenName(b);
    return givenFirst ? build(b, a, '', '', '') : build(a, b, '', '', '');
  }
  const [a, b, c] = full as [string, string, string];
  const rest = full.slice(3).join(' ');
  // «Ірина Петрівна Коваленко»: the patronymic second and a given name first.
  if (isPatronymic(b) && (isKnownGivenName(a) || !isPatronymic(c))) return build([c, rest].filter(Boolean).join(' '), a, '', b, '');
  // «Коваленко Ірина Петрівна», the official order.
  return build(a, b, '', [c, rest].filter(Boolean).join(' '), '');
}

/** Why two names agree or differ, part by part. Codes for programs, Ukrainian for the clerk. */
export interface MatchReason {
  code: string;
  uk: string;
}

export interface NameComparison {
  /** 0..1; 0 when the names cannot be the same person. */
  score: number;
  conflict: boolean;
  /** Part of the agreement rests on initials only. */
  byInitials: boolean;
  reasons: MatchReason[];
}

const WEIGHTS = { surname: 0.4, given: 0.35, patronymic: 0.25 };

type PartResult = { score: number; conflict?: MatchReason; reason?: MatchReason; initial?: boolean };

function comparePart(
  aFull: string,
  aInitial: string,
  bFull: string,
  bInitial: string,
  what: { code: string; uk: string; typoFrom: number; typoMax: number; altA?: string; altB?: string; rootA?: string; rootB?: string },
): PartResult {
  if (aFull && bFull) {
    if (aFull === bFull) return { score: 1, reason: { code: `${what.code}-equal`, uk: `${what.uk} збігається` } };
    if (what.rootA && what.rootA === what.rootB) {
      return { score: 0.9, reason: { code: `${what.code}-variant`, uk: `${what.uk}: те саме ім’я батька в іншому написанні (${aFull} / ${bFull})` } };
    }
    // A misspelling is tolerated, but two different real names are two people («Лідія» / «Лілія»),
    // and so are two fathers' names a typo apart («Ігорівна» / «Григорівна»: sisters-in-law in one flat).
    const twoRealNames = what.code === 'given-name'
      ? isKnownGivenName(aFull) && isKnownGivenName(bFull)
      : what.code === 'patronymic' && !!what.rootA && !!what.rootB && isKnownFatherName(what.rootA) && isKnownFatherName(what.rootB);
    if (!twoRealNames && aFull.length >= what.typoFrom && editDistance(aFull, bFull, what.typoMax) <= what.typoMax) {
      return { score: 0.85, reason: { code: `${what.code}-variant`, uk: `${what.uk} відрізняється написанням (${aFull} / ${bFull})` } };
    }
    return { score: 0, conflict: { code: `${what.code}-differs`, uk: `${what.uk} різні` } };
  }
  const ai = aInitial || aFull.charAt(0);
  const bi = bInitial || bFull.charAt(0);
  if (ai && bi) {
    if (ai !== bi && !(what.altA && what.altA === bi) && !(what.altB && what.altB === ai)) return { score: 0, conflict: { code: `${what.code}-initial-differs`, uk: `${what.uk}: ініціали не збігаються` } };
    const one = aFull || bFull;
    return {
      score: one ? 0.7 : 0.6,
      initial: true,
      reason: { code: `${what.code}-initial`, uk: one ? `${what.uk}: ініціал відповідає повному написанню` : `${what.uk}: ініціали збігаються` },
    };
  }
  return { score: 0.4, reason: { code: `${what.code}-missing`, uk: `${what.uk}: не зазначено в одному з написань` } };
}

/** Compares two parsed names: surname, given name and patronymic, initials against full forms. */
export function compareNames(a: ParsedName, b: ParsedName): NameComparison {
  const reasons: MatchReason[] = [];
  if (!a.surname || !b.surname) {
    return { score: 0, conflict: true, byInitials: false, reasons: [{ code: 'surname-missing', uk: 'прізвище не зазначено' }] };
  }
  if (a.gender && b.gender && a.gender !== b.gender) {
    return { score: 0, conflict: true, byInitials: false, reasons: [{ code: 'gender-differs', uk: 'різна стать (за ім’ям, по батькові чи прізвищем)' }] };
  }
  const surname = comparePart(a.surname, '', b.surname, '', { code: 'surname', uk: 'прізвище', typoFrom: 6, typoMax: 1 });
  const given = comparePart(a.given, a.givenInitial, b.given, b.givenInitial, {
    code: 'given-name', uk: 'ім’я', typoFrom: 5, typoMax: 1, altA: a.givenInitialAlt, altB: b.givenInitialAlt,
  });
  const patronymic = comparePart(a.patronymic, a.patronymicInitial, b.patronymic, b.patronymicInitial, {
    code: 'patronymic', uk: 'по батькові', typoFrom: 8, typoMax: 2, rootA: a.patronymicRoot, rootB: b.patronymicRoot,
    altA: a.patronymicRoot.charAt(0), altB: b.patronymicRoot.charAt(0),
  });
  for (const p of [surname, given, patronymic]) {
    if (p.conflict) return { score: 0, conflict: true, byInitials: false, reasons: [p.conflict] };
    if (p.reason) reasons.push(p.reason);
  }
  const score = WEIGHTS.surname * surname.score + WEIGHTS.given * given.score + WEIGHTS.patronymic * patronymic.score;
  return { score, conflict: false, byInitials: Boolean(given.initial || patronymic.initial), reasons };
}
