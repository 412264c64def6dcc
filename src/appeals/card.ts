/**
 * The appeal card of a submission: `meta.appeal` checked against schemas/appeal-card.schema.json,
 * or, when the sender gives none, a card built from the canonical fields so nothing is lost
 * (correspondent → applicant, summary, the channel told by the source). `id`, `receivedOn` and
 * `registrationIndex` are the hub's: the document id, the Kyiv date of `receivedAt`, the index.
 */
import { kyivDate } from '../domain/clock';
import { DEFAULT_CLASSIFIER, isKnownTopic, type AppealClassifier, type CompetenceAssessment } from '../domain/appeals';
import { EXEMPT_SUBTYPE_NAMES } from '../domain/registry';
import { violations, type AppealCard, type AppealCompetence, type DocumentSubmission, type SchemaViolation } from '../schemas';
import type { AppealKind, CardSource } from '../store/appeals';
import { appealError } from './errors';

export const APPEAL_KINDS: readonly AppealKind[] = ['citizen-appeal', 'hotline-card', 'e-petition', 'info-request'];

export function isAppealKind(kind: string): kind is AppealKind {
  return (APPEAL_KINDS as readonly string[]).includes(kind);
}

type Channel = AppealCard['channel'];

/** Sources whose name says the channel (003 §70-97, §136-145; 001 §2.2.21). */
const SOURCE_CHANNELS: Record<string, Channel> = {
  post: 'post',
  'personal-reception': 'personal-reception',
  'mobile-reception': 'mobile-reception',
  'direct-line': 'direct-line',
  'trust-phone': 'trust-phone',
  'hotline-1545': 'hotline-1545',
  'oblast-contact-centre': 'oblast-contact-centre',
  'city-contact-centre': 'city-contact-centre',
  'e-mail': 'electronic',
  email: 'electronic',
  web: 'electronic',
  'e-petition': 'e-petition',
  'e-petitions': 'e-petition',
};

/** Sources that are citizens' channels: what comes from them names a person (001 §2.2.13). */
export function isCitizenSource(source: string): boolean {
  return Object.hasOwn(SOURCE_CHANNELS, source);
}

/** Oral appeals (003 §98): receptions, telephone lines and hotlines. */
const ORAL_CHANNELS = new Set<Channel>(['personal-reception', 'mobile-reception', 'direct-line', 'trust-phone', 'hotline-1545', 'oblast-contact-centre', 'city-contact-centre']);

/** Law «Про звернення громадян» art. 3: пропозиція (зауваження), заява (клопотання), скарга. */
const TYPES = new Set<string>(['proposal', 'application', 'complaint']);

/** Kinds whose subtype is the appeal's type under art. 3 (e-petitions and information requests keep their own). */
const TYPED_KINDS = new Set<string>(['citizen-appeal', 'hotline-card']);

/** Clock skew tolerated between a sender and the hub before a receipt time counts as "in the future". */
export const RECEIVED_AT_SKEW_MS = 5 * 60_000;

/**
 * The submission's own fields, for an appeal (Law art. 3, 5; 003 §102, §157):
 * - `subtype` of a citizen appeal or hotline card is its type (proposal, application, complaint)
 *   or one of the subtypes the department does not register (003 §157); anything else is refused
 *   (APPEAL_SUBTYPE_UNKNOWN) rather than silently taken as an application;
 * - `receivedAt` is not after the hub's clock (with RECEIVED_AT_SKEW_MS of skew): every term runs
 *   from the day of receipt (art. 20, 003 §102, §105, §107), so a date to come is refused
 *   (APPEAL_RECEIVED_IN_FUTURE). Given only the hub's Kyiv date, a receipt on a later date is.
 */
export function checkAppealSubmission(sub: DocumentSubmission, now: Date | string): void {
  if (sub.subtype !== undefined && TYPED_KINDS.has(sub.kind) && !TYPES.has(sub.subtype) && !EXEMPT_SUBTYPE_NAMES.includes(sub.subtype)) {
    throw appealError('APPEAL_SUBTYPE_UNKNOWN', { subtype: sub.subtype, kind: sub.kind, allowed: [...TYPES], notRegistered: EXEMPT_SUBTYPE_NAMES, basis: 'Закон «Про звернення громадян», ст. 3; 003 §157' });
  }
  const at = new Date(sub.receivedAt);
  const early = new Date(at.getTime() - RECEIVED_AT_SKEW_MS);
  const future = typeof now === 'string' ? kyivDate(early) > now : early.getTime() > now.getTime();
  if (future) {
    throw appealError('APPEAL_RECEIVED_IN_FUTURE', {
      receivedAt: sub.receivedAt,
      now: typeof now === 'string' ? now : now.toISOString(),
      toleranceSeconds: RECEIVED_AT_SKEW_MS / 1000,
      basis: '003 §102 (на листах ставиться штамп з датою надходження); Закон «Про звернення громадян», ст. 20 (строки — від дня надходження)',
    });
  }
}

export interface IntakeCard {
  card: AppealCard;
  cardSource: CardSource;
  competence?: CompetenceAssessment;
}

function channelOf(sub: DocumentSubmission): Channel {
  if (sub.kind === 'e-petition') return 'e-petition';
  return SOURCE_CHANNELS[sub.source] ?? (sub.kind === 'hotline-card' ? 'hotline-1545' : 'post');
}

/** Hotline cards come forwarded by their centre, under its control, with the card's own id (003 §139). */
function forwardedByOf(channel: Channel, sub: DocumentSubmission): AppealCard['forwardedBy'] {
  const reference = { number: sub.externalId.slice(0, 100) };
  if (channel === 'hotline-1545') return { body: 'government-contact-centre', reference, underControl: true };
  if (channel === 'oblast-contact-centre') return { body: 'oblast-contact-centre', reference, underControl: true };
  if (channel === 'city-contact-centre') return { body: 'city-contact-centre', reference, underControl: false };
  return { body: 'none', underControl: false };
}

/** A card from the canonical fields alone: the clerk completes topics and the rest in the EDMS. */
export function derivedCard(sub: DocumentSubmission, receivedOn: string): AppealCard {
  const channel = channelOf(sub);
  const c = sub.correspondent;
  const applicant: AppealCard['applicants'][number] = { fullName: c.name.slice(0, 300) };
  if (c.address) applicant.address = c.address;
  if (c.email) applicant.email = c.email;
  if (c.phone) applicant.phone = c.phone;
  return {
    id: placeholderId(sub),
    receivedOn,
    type: sub.subtype && TYPES.has(sub.subtype) ? (sub.subtype as AppealCard['type']) : 'application',
    form: 'individual',
    submission: ORAL_CHANNELS.has(channel) ? 'oral' : 'written',
    channel,
    forwardedBy: forwardedByOf(channel, sub),
    applicants: [applicant],
    topics: [],
    summary: sub.summary,
    // The EDMS registered it as an appeal: signature and date were checked at the desk.
    signed: true,
    dated: true,
    newFacts: false,
  };
}

/** Until the document is inserted the appeal has no id; intake only needs one that is not an earlier appeal's. */
export function placeholderId(sub: DocumentSubmission): string {
  return `pending:${sub.source}:${sub.externalId}`.slice(0, 100);
}

function competenceOf(raw: unknown): CompetenceAssessment | undefined {
  if (raw === undefined) return undefined;
  const found = violations('appeal-competence.schema.json', raw);
  const c = raw as AppealCompetence;
  if (!found.length && !c.withinCompetence && !c.competentBody) found.push({ path: '/competentBody', message: 'required when withinCompetence is false (003 §107)', messageUk: 'обовʼязкове, коли withinCompetence = false (003 §107)' });
  if (found.length) throw appealError('APPEAL_COMPETENCE_INVALID', { violations: found });
  return c.withinCompetence ? { withinCompetence: true } : { withinCompetence: false, competentBody: c.competentBody! };
}

/** meta.infoRequest, when given, must match its schema: a wrong urgency ground would set the wrong term (ст. 20 ч. 2). */
function checkInfoRequestMeta(raw: unknown): void {
  if (raw === undefined) return;
  const found = violations('info-request-meta.schema.json', raw);
  if (found.length) throw appealError('INFO_REQUEST_META_INVALID', { violations: found });
}

/** The card intake decides on; throws APPEAL_CARD_INVALID (the input goes to quarantine) when meta.appeal is wrong. */
export function appealCardOf(sub: DocumentSubmission, classifier: AppealClassifier = DEFAULT_CLASSIFIER): IntakeCard {
  const receivedOn = kyivDate(new Date(sub.receivedAt));
  const meta = sub.meta ?? {};
  const competence = competenceOf(meta.appealCompetence);
  if (sub.kind === 'info-request') checkInfoRequestMeta(meta.infoRequest);
  if (meta.appeal === undefined) return { card: derivedCard(sub, receivedOn), cardSource: 'derived', competence };
  const raw = meta.appeal;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw appealError('APPEAL_CARD_INVALID', { violations: [{ path: '/', message: 'must be object', messageUk: "має бути об'єкт" }] });
  const given = raw as Record<string, unknown>;
  const found: SchemaViolation[] = [];
  if (given.receivedOn !== undefined && given.receivedOn !== receivedOn) {
    found.push({ path: '/receivedOn', message: `must be the Kyiv date of receivedAt (${receivedOn}) or absent`, messageUk: `має бути київською датою receivedAt (${receivedOn}) або відсутнім` });
  }
  const card = { ...given, id: placeholderId(sub), receivedOn } as AppealCard;
  delete (card as { registrationIndex?: string }).registrationIndex;
  found.push(...violations('appeal-card.schema.json', card));
  if (sub.subtype && TYPES.has(sub.subtype) && given.type !== undefined && given.type !== sub.subtype) {
    found.push({ path: '/type', message: `must agree with the submission's subtype (${sub.subtype})`, messageUk: `має збігатися з підтипом документа (${sub.subtype})` });
  }
  if (!found.length) {
    card.topics.forEach((code, i) => {
      if (!isKnownTopic(classifier, code)) found.push({ path: `/topics/${i}`, message: `${code} is not in the appeals classifier`, messageUk: `${code} немає в класифікаторі звернень` });
    });
  }
  if (found.length) throw appealError('APPEAL_CARD_INVALID', { violations: found });
  return { card, cardSource: 'submitted', competence };
}
