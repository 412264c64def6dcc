/**
 * A hotline card (card.schema.json): bytes → checked card. Nothing of the card's content goes
 * into an error: the details name paths and schema rules only (personal data stays in the
 * quarantined payload, never in logs or error details).
 */
import { HubError } from '../../src/errors';
import { decodeUtf8, MAX_JSON_DEPTH, tooDeepAt } from '../../src/pipeline/strict-json';
import { hotlineError } from './errors';
import { validateCard, violationsOf } from './schemas';

export type Centre = 'ukc-1545' | 'oblast-contact-centre';

export interface HotlineAddress {
  postcode?: string;
  region?: string;
  district?: string;
  settlement?: string;
  street?: string;
  house?: string;
  apartment?: string;
}

export interface HotlineCard {
  format: 'hotline-card/1';
  centre: Centre;
  centreName?: string;
  cardId: string;
  cardDate: string;
  sentAt?: string;
  applicant: {
    surname: string;
    firstName: string;
    patronymic?: string;
    address?: HotlineAddress;
    phone?: string;
    email?: string;
    category?: { code?: string; name: string };
  };
  appealType: 'пропозиція' | 'зауваження' | 'заява' | 'клопотання' | 'скарга';
  subject: { code?: string; text: string };
  content: string;
  term?: string;
  repeated?: boolean;
  earlierCards?: string[];
  addressee: { name: string; edrpou?: string };
}

/** JSON.parse's message quotes the input on Node 20; only the position is kept. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const position = /position (\d+)/.exec((err as Error).message)?.[1];
    throw hotlineError('HOTLINE_CARD_NOT_JSON', position ? { position: Number(position) } : { problem: 'unexpected end of input' });
  }
}

/** Bytes (UTF-8, a BOM tolerated) → a card that matches card.schema.json, or HOTLINE_CARD_NOT_JSON / HOTLINE_CARD_INVALID. */
export function readCard(payload: Buffer): HotlineCard {
  // Exactly UTF-8 and of bounded depth (issue 14); NUL and lone surrogates are refused by decode().
  const text = decodeUtf8(payload).replace(/^\uFEFF/, '');
  const deepAt = tooDeepAt(text);
  if (deepAt >= 0) throw HubError.of('JSON_TOO_DEEP', { maxDepth: MAX_JSON_DEPTH, offset: deepAt });
  const data = parseJson(text);
  if (!validateCard(data)) throw hotlineError('HOTLINE_CARD_INVALID', { violations: violationsOf(validateCard.errors) });
  return data;
}
