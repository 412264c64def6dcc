/**
 * Applicants' personal data is shown only to callers with the `personal-data` permission (001
 * §2.2.13; Law «Про звернення громадян» ст. 10 and «Про захист персональних даних»), decided by
 * the one policy in src/identity. The routes record every unmasked read (personal_data_reads).
 */
import { maySeePersonalData, type Principal } from '../identity';
import { maskPersonal } from '../log';
import type { AppealCard, AppealView, DocumentCard } from '../schemas';
import { APPEAL_KINDS, isAppealKind, isCitizenSource } from './card';

export { maySeePersonalData };

/** A copy with the string values under `keys` masked («Шевченко Тарас» → «Ш******* Т****»); the rest as it was. */
function maskFields<T extends object>(value: T, keys: readonly string[]): T {
  const m = { ...value } as Record<string, unknown>;
  for (const k of keys) if (typeof m[k] === 'string') m[k] = maskPersonal(m[k] as string);
  return m as T;
}

type Applicant = AppealCard['applicants'][number];
type Correspondent = DocumentCard['correspondent'];
type Signer = NonNullable<NonNullable<DocumentCard['signatures']>[number]['signer']>;

/** What names, locates or reaches a person: the applicant of a card, the correspondent of a document. */
const APPLICANT_FIELDS = ['fullName', 'address', 'email', 'phone'];
const CORRESPONDENT_FIELDS = ['name', 'address', 'email', 'phone'];
/** A signer's name and ДРФО/РНОКПП (a citizen signs an e-appeal with a personal key); the organisation stays. */
const SIGNER_FIELDS = ['commonName', 'fullName', 'drfo'];
/** Decision details that name an applicant (the collective appeal's recipient, 003 §134). */
const PERSONAL_DETAILS = ['answerToName'];

const maskApplicant = (a: Applicant): Applicant => maskFields(a, APPLICANT_FIELDS);

function maskFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? maskPersonal(name.slice(0, dot)) + name.slice(dot) : maskPersonal(name);
}

/** Every string inside, masked (a nested record about one person: name parts, address parts, contacts). */
function maskStrings(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonal(value);
  if (Array.isArray(value)) return value.map(maskStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v)]));
  return value;
}

/**
 * Whether a document's correspondent is an applicant whose data is personal: a citizen's appeal,
 * a hotline card, an e-petition or a public-information request (003 §98-156). An organisation
 * (it has a ЄДРПОУ: a legal person, e.g. a newspaper asking for information) is not a natural
 * person, so its name stays visible, as an official correspondent's does.
 */
export function holdsApplicantData(card: Pick<DocumentCard, 'kind' | 'correspondent'>): boolean {
  return isAppealKind(card.kind) && !card.correspondent.edrpou;
}

/**
 * The document card as a role without access sees it (GET /api/v1/documents and /:id): for an
 * applicant's document, the correspondent, the applicants of meta.appeal and the signers'
 * names and tax numbers masked; summary, registration, terms and everything else whole.
 */
export function documentCardFor(card: DocumentCard, viewer: Principal | undefined): DocumentCard {
  if (!holdsApplicantData(card) || maySeePersonalData(viewer)) return card;
  const masked: DocumentCard = { ...card, correspondent: maskFields<Correspondent>(card.correspondent, CORRESPONDENT_FIELDS) };
  const appeal = card.meta?.appeal as { applicants?: unknown } | undefined;
  if (appeal && typeof appeal === 'object' && Array.isArray(appeal.applicants)) {
    const applicants = appeal.applicants.map((a) => (a && typeof a === 'object' ? maskApplicant(a as Applicant) : a));
    masked.meta = { ...card.meta, appeal: { ...appeal, applicants } };
  }
  // A hotline card kept whole (003 §139) names its applicant too: every string of it masked.
  const hotline = (masked.meta ?? card.meta)?.hotline as { applicant?: unknown } | undefined;
  if (hotline && typeof hotline === 'object' && hotline.applicant && typeof hotline.applicant === 'object') {
    masked.meta = { ...(masked.meta ?? card.meta), hotline: { ...hotline, applicant: maskStrings(hotline.applicant) } };
  }
  // A file name may carry the applicant's name («Звернення Мельничук.pdf»): masked, its type kept.
  if (card.attachments?.length) {
    masked.attachments = card.attachments.map((a) => ({ ...a, name: maskFileName(a.name) }));
  }
  if (card.signatures) {
    masked.signatures = card.signatures.map((s) => (s.signer ? { ...s, signer: maskFields<Signer>(s.signer, SIGNER_FIELDS) } : s));
  }
  return masked;
}

/** The view as a role without access sees it: names, addresses, e-mails and phones masked. */
export function maskAppealView(view: AppealView): AppealView {
  return {
    ...view,
    personalData: 'masked',
    card: { ...view.card, applicants: view.card.applicants.map(maskApplicant) },
    intake: {
      ...view.intake,
      decisions: view.intake.decisions.map((d) => {
        const given = d.details as Record<string, unknown> | undefined;
        if (!given || !PERSONAL_DETAILS.some((k) => typeof given[k] === 'string')) return d;
        return { ...d, details: maskFields(given, PERSONAL_DETAILS) };
      }),
    },
  };
}

/** A citizen in an inter-agency message (format 1207: `PrivatePerson` as the author). */
const PRIVATE_PERSON_XML = /<(?:\w+:)?PrivatePerson[\s>]/;
const APPEAL_KIND_IN_TEXT = new RegExp(`"kind"\\s*:\\s*"(?:${APPEAL_KINDS.join('|')})"`);

/**
 * Whether a rejected input's bytes are an applicant's document (GET /api/v1/quarantine/:id/payload).
 * The bytes are the citizen's letter as sent, attachments and all, and there is nothing in them
 * that could be masked reliably, so a role without access gets no payload at all (403), only the
 * item: its code, reason and the paths of what was wrong, which carry no values and are enough to
 * say what to fix. Told by the body's `kind`: parsed when the body parses, else looked for in the
 * text (a citizen's appeal with a syntax error is still one). An organisation's request (ЄДРПОУ) is
 * not treated differently here: the payload is withheld for every appeal kind, as it may hold
 * the signer's personal data anyway. Other formats carry no kind to tell by, so the channel
 * tells: what came from a citizens' channel (hotline cards, the petitions platform, e-mail, post,
 * receptions: the sources of card.ts) is withheld whatever its format, and a СЕВ ОВВ message is
 * withheld when it names a private person (format 1207 `PrivatePerson`).
 */
export function quarantinedHoldsApplicantData(item: { payload: Buffer; source: string | null }): boolean {
  // Nothing tells where bytes without a source came from: they may be a citizen's letter.
  if (!item.source || isCitizenSource(item.source)) return true;
  return payloadHoldsApplicantData(item.payload);
}

function payloadHoldsApplicantData(payload: Buffer): boolean {
  const text = payload.toString('utf8');
  if (PRIVATE_PERSON_XML.test(text)) return true;
  try {
    const body = JSON.parse(text) as { kind?: unknown } | null;
    return !!body && typeof body === 'object' && typeof body.kind === 'string' && isAppealKind(body.kind);
  } catch {
    return APPEAL_KIND_IN_TEXT.test(text);
  }
}
