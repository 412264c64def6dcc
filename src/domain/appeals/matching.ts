/**
 * Is this applicant someone who wrote before? Two steps, as a database would do it with
 * a million earlier appeals on file:
 *
 * 1. Blocking keys (`blockingKeys`): short strings computed once per applicant and stored in an
 *    indexed column (or a key → appeal table). A new appeal looks up only the earlier appeals
 *    that share a key: the same surname at the same street and house number; the same dwelling
 *    (street, house, flat: finds a misspelt surname); the same e-mail or phone.
 * 2. The fine comparison (`matchApplicants`) of those few candidates in memory: name part by part
 *    (initials against full forms, word order, spelling variants), address part by part, contacts.
 *    It says why, and it never joins different people at one address: a different given name,
 *    patronymic, gender or flat is a conflict, not a small penalty.
 */
import type { AppealCard } from '../../schemas';
import { compareAddresses, parseAddress, streetKey, type ParsedAddress } from './addresses';
import { compareNames, parseName, type MatchReason, type ParsedName } from './names';
import { normaliseText } from './text';

export type { MatchReason };

/** An applicant in the form the comparison needs: what a database row would store next to the appeal. */
export interface ApplicantFingerprint {
  /** The name as normalised (case, apostrophes, Latin look-alikes), to tell pure spelling variants. */
  nameText: string;
  name: ParsedName;
  address: ParsedAddress;
  email: string;
  /** The last nine digits (the number without +380 / 0). */
  phone: string;
}

type Applicant = AppealCard['applicants'][number];

export function normaliseEmail(raw: string | undefined): string {
  return (raw ?? '').trim().toLowerCase();
}

export function normalisePhone(raw: string | undefined): string {
  const digits = (raw ?? '').replace(/\D/g, '');
  return digits.length >= 9 ? digits.slice(-9) : '';
}

export function fingerprintApplicant(a: Pick<Applicant, 'fullName' | 'address' | 'email' | 'phone'>): ApplicantFingerprint {
  return {
    nameText: normaliseText(a.fullName),
    name: parseName(a.fullName),
    address: parseAddress(a.address ?? ''),
    email: normaliseEmail(a.email),
    phone: normalisePhone(a.phone),
  };
}

/**
 * The keys an applicant is filed under. Each is usable as a B-tree index value:
 * `n:<surname>|<street>|<house number>`, `d:<street>|<house>|<flat>`, `e:<e-mail>`, `p:<phone>`.
 */
export function blockingKeys(fp: ApplicantFingerprint): string[] {
  const keys: string[] = [];
  const street = streetKey(fp.address.street);
  if (fp.name.surname && fp.address.houseDigits) keys.push(`n:${fp.name.surname}|${street}|${fp.address.houseDigits}`);
  if (street && fp.address.houseDigits) keys.push(`d:${street}|${fp.address.houseDigits}|${fp.address.apartment}`);
  if (fp.email) keys.push(`e:${fp.email}`);
  if (fp.phone) keys.push(`p:${fp.phone}`);
  return keys;
}

export type MatchVerdict = 'same' | 'probable' | 'different';

export interface ApplicantMatch {
  verdict: MatchVerdict;
  /** 0..1. */
  score: number;
  /** The name agreed only through initials: another person with the same initials may exist. */
  byInitials: boolean;
  reasons: MatchReason[];
}

export const SAME_PERSON_SCORE = 0.85;
export const PROBABLE_PERSON_SCORE = 0.7;

const different = (reasons: MatchReason[]): ApplicantMatch => ({ verdict: 'different', score: 0, byInitials: false, reasons });

/** Whether two applicants are one person, how sure, and why. */
export function matchApplicants(a: ApplicantFingerprint, b: ApplicantFingerprint): ApplicantMatch {
  const name = compareNames(a.name, b.name);
  if (name.conflict) return different(name.reasons);
  const reasons = [...name.reasons];
  if (a.nameText !== b.nameText && name.reasons.every((r) => r.code.endsWith('-equal'))) {
    reasons.push({ code: 'name-spelling', uk: 'ПІБ записано по-різному (порядок слів, регістр, апостроф, і/ї, е/є, г/ґ)' });
  }
  const sameEmail = Boolean(a.email && a.email === b.email);
  const samePhone = Boolean(a.phone && a.phone === b.phone);
  if (sameEmail) reasons.push({ code: 'email-equal', uk: 'електронна адреса збігається' });
  if (samePhone) reasons.push({ code: 'phone-equal', uk: 'номер телефону збігається' });
  const contact = sameEmail || samePhone;
  const address = compareAddresses(a.address, b.address);
  let place: number;
  if (address.conflict) {
    // One person at two addresses (moved, or wrote from work) is joined only through a contact.
    if (!contact) return different(address.reasons);
    reasons.push({ code: 'address-differs', uk: 'адреси різні, але збігається контакт' });
    place = 0.8;
  } else {
    reasons.push(...address.reasons);
    place = contact ? 1 : address.score;
  }
  const score = Math.round((0.6 * name.score + 0.4 * place) * 1000) / 1000;
  const verdict: MatchVerdict = score >= SAME_PERSON_SCORE ? 'same' : score >= PROBABLE_PERSON_SCORE ? 'probable' : 'different';
  return { verdict, score, byInitials: name.byInitials, reasons };
}
