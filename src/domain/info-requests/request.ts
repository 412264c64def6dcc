/**
 * What a public-information request is, read from the registered document: its form (ст. 19
 * ч. 3), the information requested (ст. 19 ч. 5 п. 2) and whether it is urgent (ст. 20 ч. 2-3).
 * `meta.infoRequest` (schemas/info-request-meta.schema.json) is checked at intake (a wrong one
 * goes to quarantine as INFO_REQUEST_META_INVALID); it is still read defensively here, since
 * documents registered before that check may hold anything: a wrong field is ignored, except an
 * urgency ground, which keeps the request urgent (the shorter term is the safe side).
 */
import type { InfoRequestJournalEntry, InfoRequestMeta } from '../../schemas';
import { INFO_LAW } from './errors';

export type InfoRequestForm = InfoRequestJournalEntry['form'];
export type RequesterType = NonNullable<InfoRequestJournalEntry['requesterType']>;
export type RequirementMissing = InfoRequestJournalEntry['requirements']['missing'][number];
export type UrgentReasonCode = NonNullable<InfoRequestMeta['urgentReason']>;
export type UrgentReason = NonNullable<InfoRequestJournalEntry['urgentReason']>;

/** ст. 20 ч. 2, in the order the law lists them. */
export const URGENT_REASONS_UK: Readonly<Record<UrgentReasonCode, string>> = {
  'life-or-liberty': 'інформація, необхідна для захисту життя чи свободи особи',
  environment: 'інформація щодо стану довкілля',
  'food-and-goods-quality': 'інформація щодо якості харчових продуктів і предметів побуту',
  'accident-or-disaster': 'інформація щодо аварій, катастроф',
  'natural-hazard': 'інформація щодо небезпечних природних явищ',
  'other-emergency': 'інформація щодо інших надзвичайних подій, що сталися або можуть статись і загрожують безпеці громадян',
};

export const FORMS_UK: Readonly<Record<InfoRequestForm, string>> = {
  written: 'письмово',
  post: 'поштою',
  'e-mail': 'електронною поштою',
  fax: 'факсом',
  phone: 'телефоном',
  oral: 'усно',
};

/** Sources whose name says how the request came (ст. 19 ч. 3). */
const SOURCE_FORMS: Readonly<Record<string, InfoRequestForm>> = {
  post: 'post',
  'e-mail': 'e-mail',
  email: 'e-mail',
  web: 'e-mail',
  fax: 'fax',
  phone: 'phone',
  'direct-line': 'phone',
  'hotline-1545': 'phone',
  'city-contact-centre': 'phone',
  'personal-reception': 'oral',
  'mobile-reception': 'oral',
};

export interface RequestDocument {
  source: string;
  summary: string;
  urgency?: 'normal' | 'urgent' | 'immediate';
  meta?: Record<string, unknown> | null;
}

function infoMeta(doc: RequestDocument): Record<string, unknown> {
  const raw = doc.meta?.infoRequest;
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

export function formOf(doc: RequestDocument): InfoRequestForm {
  const given = infoMeta(doc).form;
  if (typeof given === 'string' && given in FORMS_UK) return given as InfoRequestForm;
  return SOURCE_FORMS[doc.source] ?? 'written';
}

export function requestedOf(doc: RequestDocument): string {
  const given = infoMeta(doc).requested;
  return isText(given) ? given : doc.summary;
}

/**
 * Urgent (48 hours, ст. 20 ч. 2) when meta.infoRequest.urgentReason names a ground, or when the
 * submission is marked urgent or immediate; null when the request runs on 5 working days.
 */
export function urgencyOf(doc: Pick<RequestDocument, 'urgency' | 'meta'>): UrgentReason | null {
  const m = infoMeta(doc as RequestDocument);
  const motive = isText(m.urgentMotive) ? { motive: m.urgentMotive } : {};
  if (isText(m.urgentReason)) {
    const known = m.urgentReason in URGENT_REASONS_UK;
    return {
      code: known ? m.urgentReason : 'unrecognised',
      labelUk: known ? URGENT_REASONS_UK[m.urgentReason as UrgentReasonCode] : 'підставу терміновості зазначено поза переліком ч. 2 ст. 20',
      source: 'meta',
      ...motive,
    };
  }
  if (doc.urgency === 'urgent' || doc.urgency === 'immediate') {
    return { code: 'urgency-mark', labelUk: 'запит позначено як терміновий', source: 'urgency-mark', ...motive };
  }
  return null;
}

/** ст. 12: who may ask — individuals, legal entities, associations of citizens; journalists counted apart. */
export const REQUESTER_TYPES: readonly RequesterType[] = ['individual', 'public-association', 'legal-entity', 'journalist'];

export const REQUESTER_TYPES_UK: Readonly<Record<RequesterType, string>> = {
  individual: 'фізична особа',
  'public-association': 'громадське об’єднання',
  'legal-entity': 'юридична особа',
  journalist: 'журналіст (засіб масової інформації)',
};

/** meta.infoRequest.requesterType; null when the submission does not say (never guessed from the name). */
export function requesterTypeOf(doc: Pick<RequestDocument, 'meta'>): RequesterType | null {
  const given = infoMeta(doc as RequestDocument).requesterType;
  return typeof given === 'string' && (REQUESTER_TYPES as readonly string[]).includes(given) ? (given as RequesterType) : null;
}

const EDRPOU = /^[0-9]{8}$/;

/** The organisation code (ЄДРПОУ): meta.infoRequest.edrpou, else the correspondent's; null when neither is one. */
export function edrpouOf(doc: Pick<RequestDocument, 'meta'>, correspondent: { edrpou?: string } | null | undefined): string | null {
  const given = infoMeta(doc as RequestDocument).edrpou;
  if (typeof given === 'string' && EDRPOU.test(given)) return given;
  const own = correspondent?.edrpou;
  return typeof own === 'string' && EDRPOU.test(own) ? own : null;
}

/** The requester as a submission names them. */
export interface RequesterContacts {
  name: string;
  address?: string;
  email?: string;
  phone?: string;
}

export interface RequestRequirements {
  met: boolean;
  missing: RequirementMissing[];
  basis: string;
}

export const REQUIREMENTS_BASIS = `${INFO_LAW}, ст. 19 ч. 5`;

export const MISSING_UK: Readonly<Record<RequirementMissing, string>> = {
  name: 'ім’я (найменування) запитувача',
  contact: 'поштову адресу, адресу електронної пошти чи інший засіб зв’язку',
  requested: 'загальний опис запитуваної інформації',
};

/** A name that names nobody: what a clerk writes for a request without one. */
const NO_NAME = /^(?:анонім\S*|анонімно|без\s+підпису|невідом\S*|не\s+вказано|не\s+зазначено|anonymous|unknown|n\/a|-+|—+)$/iu;

/**
 * ст. 19 ч. 5 of Law 2939-VI: a request names the requester (a legal entity — its name), gives a
 * postal or e-mail address (or another means of contact, ч. 5 п. 1), and describes the information
 * asked (п. 2). Not the Law on citizens' appeals: no place of residence, no patronymic, and a
 * request is never an anonymous appeal (ст. 5, 8 of that law do not apply). A request that falls
 * short is still registered and answered in its term: the holder may refuse it (ст. 22 ч. 1 п. 4).
 */
export function checkRequirements(doc: RequestDocument, requester: RequesterContacts): RequestRequirements {
  const missing: RequirementMissing[] = [];
  const name = requester.name?.trim() ?? '';
  if (!name || NO_NAME.test(name)) missing.push('name');
  if (![requester.address, requester.email, requester.phone].some(isText)) missing.push('contact');
  if (requestedOf(doc).trim().length < 3) missing.push('requested');
  return { met: missing.length === 0, missing, basis: REQUIREMENTS_BASIS };
}
