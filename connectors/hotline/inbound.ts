/**
 * Hotline card (card.schema.json) → canonical DocumentSubmission of kind 'hotline-card'.
 * 003 §139: the registration-control card carries every requisite of the hotline card — the card
 * is kept whole in meta.hotline — and the appeal card (meta.appeal) says who forwarded it, under
 * whose control, with the card's id as the reference the answer will quote.
 */
import { ConfigError } from '../../src/config';
import { DEFAULT_CLASSIFIER, isKnownTopic } from '../../src/domain/appeals';
import { kyivDate } from '../../src/domain/clock';
import type { Decoder, Envelope } from '../../src/pipeline';
import type { AppealCard, DocumentSubmission } from '../../src/schemas';
import { appealApplicantOf, correspondentOf } from './applicant';
import { readCard, type Centre, type HotlineCard } from './card';
import { loadHotlineConfig, type HotlineConfig } from './config';
import { hotlineError } from './errors';

export const FORMAT = 'hotline.json';
export const KIND = 'hotline-card';

/** The hub's source of each centre (src/appeals/card.ts knows them as channels). */
export const SOURCE_OF_CENTRE: Record<Centre, 'hotline-1545' | 'oblast-contact-centre'> = {
  'ukc-1545': 'hotline-1545',
  'oblast-contact-centre': 'oblast-contact-centre',
};

const BODY_OF_CENTRE: Record<Centre, AppealCard['forwardedBy']['body']> = {
  'ukc-1545': 'government-contact-centre',
  'oblast-contact-centre': 'oblast-contact-centre',
};

/** Law «Про звернення громадян» art. 3: пропозиція (зауваження), заява (клопотання), скарга. */
const TYPE: Record<HotlineCard['appealType'], AppealCard['type']> = {
  пропозиція: 'proposal',
  зауваження: 'proposal',
  заява: 'application',
  клопотання: 'application',
  скарга: 'complaint',
};

const UKC_NAME = 'Урядовий контактний центр';

function clip(s: string, max: number): string {
  const t = s.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/**
 * The classifier code of the centre's subject: the configured mapping first, else the subject
 * code itself when it is a classifier code; unknown → no topic (the clerk codes it, 003 §103).
 */
export function topicsOf(subject: HotlineCard['subject'], config: Pick<HotlineConfig, 'topicBySubjectCode'>): string[] {
  const code = subject.code?.trim();
  if (!code) return [];
  const topic = config.topicBySubjectCode[code] ?? code;
  return /^[0-9]{3}(\.[0-9]{2})?$/.test(topic) && isKnownTopic(DEFAULT_CLASSIFIER, topic) ? [topic] : [];
}

/** The appeal card for intake (schemas/appeal-card.schema.json); id and receivedOn are the hub's. */
function appealOf(card: HotlineCard, config: HotlineConfig): Omit<AppealCard, 'id' | 'receivedOn'> {
  const name = card.centreName ?? (card.centre === 'ukc-1545' ? UKC_NAME : config.oblastCentreName);
  return {
    type: TYPE[card.appealType],
    form: 'individual',
    // 003 §98: a call to a hotline is an oral appeal; signature and date are not asked of it.
    submission: 'oral',
    channel: SOURCE_OF_CENTRE[card.centre],
    forwardedBy: {
      body: BODY_OF_CENTRE[card.centre],
      name,
      reference: { number: card.cardId, date: kyivDate(new Date(card.cardDate)) },
      // 003 §139: answered as to higher-level authorities, which keep the card under control.
      underControl: true,
    },
    applicants: [appealApplicantOf(card.applicant)],
    topics: topicsOf(card.subject, config),
    summary: clip(card.content, 4000),
    signed: true,
    dated: true,
    newFacts: false,
  };
}

/** The card is for our council: an addressee code other than ours is a misrouted card. */
function checkAddressee(card: HotlineCard, config: HotlineConfig): void {
  const code = card.addressee.edrpou;
  if (code && code !== config.orgId) throw hotlineError('HOTLINE_WRONG_ADDRESSEE', { cardId: card.cardId, centre: card.centre, addresseeEdrpou: code, ourOrgId: config.orgId });
}

/** A checked card → the submission. receivedAt: when the centre sent it, else when the hub got it. */
export function cardToSubmission(card: HotlineCard, config: HotlineConfig, receivedAt: Date): DocumentSubmission {
  checkAddressee(card, config);
  return {
    externalId: card.cardId,
    source: SOURCE_OF_CENTRE[card.centre],
    kind: KIND,
    correspondent: correspondentOf(card.applicant),
    summary: clip(card.content, 4000),
    receivedAt: card.sentAt ?? receivedAt.toISOString(),
    ...(card.term ? { dueDate: card.term } : {}),
    meta: { hotline: card, appeal: appealOf(card, config) },
  };
}

/** Bytes → submission; every failure is a HubError with a stable code (quarantined, never a crash). */
export function decodeHotlineCard(payload: Buffer, config: HotlineConfig, receivedAt: Date): DocumentSubmission {
  return cardToSubmission(readCard(payload), config, receivedAt);
}

/** Settings as a HubError: a card that arrives before the connector is configured is kept, not lost. */
function configOrError(env: Record<string, string | undefined>): HotlineConfig {
  try {
    return loadHotlineConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw hotlineError('HOTLINE_NOT_CONFIGURED', { variable: err.variable, problem: err.messageEn, problemUk: err.messageUk });
    throw err;
  }
}

/** The pipeline decoder for format 'hotline.json'; reads HOTLINE_* on each card (cheap, never stale). */
export const hotlineDecoder: Decoder = (payload: Buffer, envelope: Envelope) => decodeHotlineCard(payload, configOrError(process.env), envelope.receivedAt);
