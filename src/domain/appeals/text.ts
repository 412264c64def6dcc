/**
 * Text as citizens and clerks really write it, brought to one form for comparison.
 *
 * `normaliseText` keeps the words and only removes what is not part of them: case, the many
 * apostrophes (' ’ ʼ ` ´ ‘), Latin letters typed for Cyrillic look-alikes (i, a, o, e, c, p, x, k, y),
 * decomposed letters (и + ̆), punctuation. Output uses a fixed alphabet: lowercase Ukrainian
 * letters (and ы э ъ, folded later), digits, the Ukrainian apostrophe ʼ (U+02BC), the hyphen
 * inside a word, and single spaces. It is idempotent and case-insensitive.
 *
 * `foldText` goes further for matching: the letters people confuse are made equal
 * (ґ→г, ї→і, є→е, и→і; Russian ё, э, ы; soft sign and apostrophe dropped).
 */

/** The Ukrainian apostrophe: U+02BC MODIFIER LETTER APOSTROPHE. */
export const APOSTROPHE = '\u02BC';

/** Every apostrophe-like mark seen in real appeals. */
const APOSTROPHE_LIKE = /['\u2019\u02BC`\u00B4\u2018\u2032\u02B9\uFF07\u201B]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;

/**
 * Latin letters typed instead of Cyrillic ones. Only pairs whose capital and small forms both
 * look like the same Cyrillic letter, so the mapping does not depend on case.
 */
const LATIN_LOOKALIKES: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', k: 'к', y: 'у', ï: 'ї',
};

const NOT_KEPT = /[^0-9а-яіїєґʼ\- ]/g;

/** Characters kept for addresses as well: the slash in «12/2», the comma between parts. */
const NOT_KEPT_ADDRESS = /[^0-9а-яіїєґʼ\-/, ]/g;

/** Text of plain ASCII, basic Cyrillic and the usual quotes needs no Unicode normalisation. */
const PLAIN = /^[\x20-\x7E\u0400-\u045F\u0490\u0491\u2019\u02BC\u00AB\u00BB\u2013\u2014\n\t]*$/;

function baseForm(raw: string): string {
  // NFKC joins decomposed letters (і + ̈ → ї) and unfolds compatibility forms; the upper/lower
  // round trip makes the result independent of the case the text came in.
  // Apostrophes first: NFKC would turn the acute accent «´» into a space.
  let s = raw.replace(/№/g, ' ').replace(APOSTROPHE_LIKE, APOSTROPHE);
  s = PLAIN.test(s) ? s.toLowerCase() : s.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFC');
  s = s.replace(/ё/g, 'е');
  s = s.replace(/[a-zï]/g, (ch) => LATIN_LOOKALIKES[ch] ?? ch);
  return s.replace(APOSTROPHE_LIKE, APOSTROPHE).replace(DASHES, '-');
}

function tidy(s: string, notKept: RegExp): string {
  s = s.replace(notKept, ' ');
  // A hyphen joins two parts of one word («Квітка-Основʼяненко», «12-а»); anywhere else it is a separator.
  s = s.replace(/\s*-\s*/g, '-').replace(/-{2,}/g, '-');
  s = s.replace(/(^|[\s,])-+/g, '$1').replace(/-+([\s,]|$)/g, '$1');
  // An apostrophe only stands between letters; at a word's edge it is a quotation mark.
  s = s.replace(/(^|[\s\-/,])ʼ+/g, '$1').replace(/ʼ+(?=[\s\-/,]|$)/g, '').replace(/ʼ{2,}/g, APOSTROPHE);
  // Commas (addresses only) separate parts: one, with no spaces around it.
  if (s.includes(',')) s = s.replace(/\s*,[\s,]*/g, ',').replace(/^,+|,+$/g, '');
  return s.replace(/\s+/g, ' ').trim();
}

/** Only where an apostrophe or hyphen is left at a word's edge can one tidying pass expose another. */
const UNSETTLED = /(^|[\s\-/,])[ʼ-]|[ʼ-]($|[\s\-/,])|ʼʼ|--/;

function settle(s: string, notKept: RegExp): string {
  s = tidy(s, notKept);
  // Removing edge apostrophes can expose new edge hyphens and vice versa: settle it.
  while (UNSETTLED.test(s)) {
    const next = tidy(s, notKept);
    if (next === s) break;
    s = next;
  }
  return s;
}

/** The words of a name or a summary in one form. */
export function normaliseText(raw: string): string {
  return settle(baseForm(raw), NOT_KEPT);
}

/** Like normaliseText, keeping «/» for house numbers such as «12/2» and «,» between the parts of an address. */
export function normaliseAddressText(raw: string): string {
  return settle(baseForm(raw), NOT_KEPT_ADDRESS);
}

const FOLD: Record<string, string> = {
  ґ: 'г', ї: 'і', є: 'е', и: 'і', ы: 'і', э: 'е', ь: '', ъ: '', [APOSTROPHE]: '',
};

/**
 * Letters people confuse, made equal: ґ/г, ї/і, є/е, и/і (and the Russian ы, э), soft sign and
 * apostrophe dropped («Марʼяна», «Марьяна», «Маряна» are one). Input is normalised text.
 */
export function foldText(normalised: string): string {
  const folded = normalised.replace(/[ґїєиыэьъʼ]/g, (ch) => FOLD[ch] ?? ch);
  if (folded.length === normalised.length) return folded;
  // A word that was only a soft sign or an apostrophe is gone: tidy the spaces and hyphens it leaves.
  return folded
    .split(' ')
    .map((w) => w.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join(' ');
}

/** normaliseText then foldText. */
export function foldRaw(raw: string): string {
  return foldText(normaliseText(raw));
}

/** Restricted Damerau–Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[n]!;
}
