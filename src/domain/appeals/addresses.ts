/**
 * A place of residence as written in an appeal: «м. Камʼянське, вул. Соборна, буд. 12, кв. 34»,
 * «вулиця Соборна 12/34», «Соборна 12-34», «просп. Металургів, б.5-А, кв.7», «пр-т Металургів 5а кв 7».
 * Parsed into settlement, street, house and apartment in folded form.
 */
import type { MatchReason } from './names';
import { foldText, normaliseAddressText } from './text';

export interface ParsedAddress {
  postcode: string;
  settlement: string;
  /** Folded street name without its type («соборна», «тараса шевченка»). */
  street: string;
  streetType: string;
  /** Canonical house number: digits, a letter, «/n» or «к1» for a building («12», «12а», «12/2», «12к1»). */
  house: string;
  /** The house number's leading digits: what a blocking key uses. */
  houseDigits: string;
  apartment: string;
}

const word = (list: string): Set<string> => new Set(list.split(' ').map((w) => foldText(w)));

const SETTLEMENT = word('м міс місто смт с село сел селище с-ще хутір х г город пгт');
const REGION = word('обл область р-н район р-ну громада тг отг');
/** Street types and their canonical name. */
const STREET_TYPES: Record<string, string> = {};
for (const [canonical, forms] of [
  ['вулиця', 'вул вулиця вулиці ул улица'],
  ['проспект', 'просп проспект пр-т пр-кт пр просп-т'],
  ['провулок', 'пров провулок пер переулок пров-к'],
  ['бульвар', 'бульв бульвар б-р бул'],
  ['площа', 'пл площа площадь майдан'],
  ['шосе', 'шосе ш'],
  ['проїзд', 'проїзд пр-д проезд'],
  ['узвіз', 'узвіз'],
  ['набережна', 'наб набережна'],
  ['тупик', 'туп тупик'],
  ['алея', 'алея'],
  ['мікрорайон', 'мкр мкрн мікрорайон м-н ж-м масив'],
  ['квартал', 'кв-л квартал'],
] as const) {
  for (const f of forms.split(' ')) STREET_TYPES[foldText(f)] = canonical;
}
const HOUSE = word('буд будинок б д дім будин');
const APARTMENT = word('кв квартира кварт кімн кімната');
const BUILDING = word('корп корпус к');
const SKIP = word('підʼїзд під п-д поверх пов секція україна');
const NAMED_AFTER = word('ім імені');

function isMarker(t: string): boolean {
  return SETTLEMENT.has(t) || REGION.has(t) || Boolean(STREET_TYPES[t]) || HOUSE.has(t) || APARTMENT.has(t) || BUILDING.has(t) || SKIP.has(t);
}

const HOUSE_NUMBER = /^\d+(-?[а-яі])?(\/\d+[а-яі]?)?$/;

function canonicalHouse(token: string): string {
  return token.replace(/-(?=[а-яі])/, '');
}

/** Parses an address as written; parts it cannot find are ''. */
export function parseAddress(raw: string): ParsedAddress {
  const out: ParsedAddress = { postcode: '', settlement: '', street: '', streetType: '', house: '', houseDigits: '', apartment: '' };
  const segments = foldText(normaliseAddressText(raw.replace(/[;\n]/g, ','))).split(',').filter(Boolean);
  let pending: string[] = []; // words not yet placed
  let pendingIsStreet = false;
  const namedBefore: string[] = []; // word groups seen before the street: settlement candidates
  let expect: 'settlement' | 'house' | 'apartment' | 'building' | null = null;
  let typeWord = ''; // «вул. Набережна»: a type word can be the name itself
  let lastWasHouse = false;

  const placeStreet = () => {
    if (!pending.length && typeWord && !out.street) pending = [typeWord];
    if (pending.length && !out.street) out.street = pending.filter((w) => !NAMED_AFTER.has(w)).join(' ');
    else if (pending.length) namedBefore.push(pending.join(' '));
    pending = [];
    pendingIsStreet = false;
  };

  for (const segment of segments) {
    const tokens = segment.split(' ');
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (/^\d{5}$/.test(t) && !out.house && !out.postcode && expect !== 'house') {
        out.postcode = t;
        continue;
      }
      if (expect === 'settlement' && !/^\d/.test(t) && !STREET_TYPES[t]) {
        out.settlement = out.settlement ? `${out.settlement} ${t}` : t;
        continue;
      }
      if (expect === 'settlement') expect = null;
      if (SETTLEMENT.has(t) && !out.street && !pendingIsStreet) {
        if (pending.length) namedBefore.push(pending.join(' '));
        pending = [];
        out.settlement = '';
        expect = 'settlement';
        continue;
      }
      if (REGION.has(t)) {
        pending = []; // «Дніпропетровська обл.»: the words before it name the region
        continue;
      }
      if (STREET_TYPES[t] && !out.street && !out.streetType) {
        out.streetType = STREET_TYPES[t]!;
        typeWord = t;
        pendingIsStreet = true;
        continue;
      }
      if (/^[абвгд]$/.test(t) && lastWasHouse && !out.apartment && /\d$/.test(out.house)) {
        out.house += t; // «12 А», «61 Б» (not «б.» = будинок here)
        lastWasHouse = false;
        continue;
      }
      lastWasHouse = false;
      if (HOUSE.has(t)) {
        expect = 'house';
        continue;
      }
      if (APARTMENT.has(t)) {
        expect = 'apartment';
        continue;
      }
      if (BUILDING.has(t) && out.house) {
        expect = 'building';
        continue;
      }
      if (SKIP.has(t)) continue;
      if (/^\d/.test(t)) {
        if (expect === 'apartment' || (out.house && !out.apartment && expect !== 'house' && expect !== 'building')) {
          out.apartment = t.replace(/\/.*/, '');
        } else if (expect === 'building') {
          out.house += `к${t}`;
        } else if (!out.house) {
          if (!pending.length && !out.street && expect !== 'house') {
            const next = tokens[i + 1];
            if (next && /^[а-яі]{2,}/.test(next) && !isMarker(next)) {
              pending.push(t); // «8 Березня», «30-річчя Перемоги»: a number inside a street name
              pendingIsStreet = true;
              continue;
            }
            if (!typeWord && namedBefore.length) pending = [namedBefore.pop()!]; // «Залізнична, 164»
          }
          placeStreet();
          // «12-34»: house 12, apartment 34 (a letter after the hyphen is the house's own: «12-а»).
          const m = /^(\d+[а-яі]?)-(\d+)$/.exec(t);
          if (m) {
            out.house = m[1]!;
            out.apartment = m[2]!;
          } else if (HOUSE_NUMBER.test(t)) out.house = canonicalHouse(t);
          else out.house = t;
          lastWasHouse = true;
        }
        expect = null;
        continue;
      }
      pending.push(t);
    }
    // End of a comma-separated part: words alone in it before the street are a settlement name.
    if (pending.length && !pendingIsStreet && !out.street && !out.house) {
      namedBefore.push(pending.join(' '));
      pending = [];
    }
    if (expect === 'settlement') expect = null;
  }
  if (!out.street && (pending.length || typeWord)) placeStreet();
  if (!out.street && namedBefore.length && out.house) out.street = namedBefore.pop()!;
  if (!out.settlement && namedBefore.length) out.settlement = namedBefore[namedBefore.length - 1]!;
  out.houseDigits = /^\d+/.exec(out.house)?.[0] ?? '';
  return out;
}

/** The street's last word: the part people always write («Тараса Шевченка», «Т. Шевченка», «Шевченка»). */
export function streetKey(street: string): string {
  const words = street.split(' ').filter(Boolean);
  return words[words.length - 1] ?? '';
}

function sameStreet(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa[wa.length - 1] !== wb[wb.length - 1]) return false;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  // Every word of the shorter form is in the longer one, an initial standing for a word.
  return short.every((w) => long.some((l) => l === w || (w.length === 1 && l.startsWith(w))));
}

export interface AddressComparison {
  score: number;
  conflict: boolean;
  reasons: MatchReason[];
}

/** Compares two parsed addresses: different flats, houses, streets or settlements never agree. */
export function compareAddresses(a: ParsedAddress, b: ParsedAddress): AddressComparison {
  const reasons: MatchReason[] = [];
  const conflict = (code: string, uk: string): AddressComparison => ({ score: 0, conflict: true, reasons: [{ code, uk }] });
  if (!a.street && !a.house && !b.street && !b.house) return { score: 0, conflict: false, reasons: [{ code: 'address-missing', uk: 'адресу не зазначено' }] };
  let score = 0;
  if (a.settlement && b.settlement) {
    if (a.settlement !== b.settlement) return conflict('settlement-differs', 'різні населені пункти');
    score += 0.1;
    reasons.push({ code: 'settlement-equal', uk: 'населений пункт збігається' });
  } else score += 0.07;
  if (a.street && b.street) {
    if (!sameStreet(a.street, b.street)) return conflict('street-differs', 'різні вулиці');
    score += 0.35;
    reasons.push({ code: 'street-equal', uk: a.streetType && b.streetType && a.streetType !== b.streetType ? 'вулиця збігається (тип вулиці записано по-різному)' : 'вулиця збігається' });
  } else score += 0.1;
  if (a.house && b.house) {
    if (a.house !== b.house) {
      if (a.houseDigits !== b.houseDigits || (a.house !== a.houseDigits && b.house !== b.houseDigits)) return conflict('house-differs', 'різні будинки');
      score += 0.2;
      reasons.push({ code: 'house-suffix-missing', uk: 'номер будинку збігається, літеру чи корпус зазначено не скрізь' });
    } else {
      score += 0.35;
      reasons.push({ code: 'house-equal', uk: 'будинок збігається' });
    }
  } else return { score: score * 0.5, conflict: false, reasons: [...reasons, { code: 'house-missing', uk: 'номер будинку не зазначено' }] };
  if (a.apartment && b.apartment) {
    if (a.apartment !== b.apartment) return conflict('apartment-differs', 'різні квартири');
    score += 0.2;
    reasons.push({ code: 'apartment-equal', uk: 'квартира збігається' });
  } else if (a.apartment || b.apartment) {
    score += 0.12;
    reasons.push({ code: 'apartment-missing', uk: 'квартиру зазначено лише в одному з написань' });
  } else score += 0.2;
  return { score, conflict: false, reasons };
}
