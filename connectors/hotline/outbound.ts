/**
 * Hub events of a hotline card → status messages to the centre that forwarded it. 003 §139:
 * answers are given «в такому ж порядку, як і органам влади вищого рівня» — the result goes back
 * to the forwarding centre with our outgoing index and date, and the centre's card follows each
 * step (registered, under control with a term, interim answer, term extended, result, closed, or
 * returned unregistered). Only the card id, statuses and our own indexes travel: the centre has
 * the applicant already, and events carry no personal data.
 */
import type { HubEvent } from '../../src/schemas';
import type { OutboundMessage } from '../connector';
import { uuidV5 } from '../message-id';
import type { Centre } from './card';
import { loadHotlineConfig, type HotlineConfig } from './config';
import { SOURCE_OF_CENTRE } from './inbound';
import { validateStatus, violationsOf } from './schemas';

/** Namespace of the name-based (v5) ids of status messages; fixed forever. */
const STATUS_ID_NAMESPACE = '3c1f7e52-8a4d-4b6e-9f20-6d5a1c8e7b34';

export type HotlineStatusCode =
  | 'registered' | 'in-progress' | 'interim-answer' | 'term-extended'
  | 'resolved-positively' | 'explained' | 'refused' | 'forwarded' | 'on-control'
  | 'closed' | 'returned';

/** A status message (status.schema.json). */
export interface HotlineStatus {
  format: 'hotline-status/1';
  messageId: string;
  centre: Centre;
  cardId: string;
  status: HotlineStatusCode;
  statusUk: string;
  at: string;
  from: { orgId: string };
  documentId: string;
  registration?: { index: string; date: string };
  term?: string;
  answer?: { outgoingIndex?: string; answeredOn: string; onMerits: boolean };
  reason?: { code?: string; textUk: string };
}

/** What the centre's operators read for each status; the results as the centres name them. */
export const STATUS_UK: Record<HotlineStatusCode, string> = {
  registered: 'Зареєстровано',
  'in-progress': 'На розгляді',
  'interim-answer': 'Надано проміжну відповідь',
  'term-extended': 'Термін розгляду продовжено',
  'resolved-positively': 'Вирішено позитивно',
  explained: 'Надано роз’яснення',
  refused: 'Не підтримано',
  forwarded: 'Переадресовано за належністю',
  'on-control': 'Залишено на контролі',
  closed: 'Розгляд завершено, знято з контролю',
  returned: 'Повернуто без реєстрації',
};

const RESULTS = new Set<string>(['resolved-positively', 'explained', 'refused', 'forwarded', 'on-control']);

/** Status by event type; appeal.answered takes its result's status. */
const BY_EVENT: Record<string, HotlineStatusCode> = {
  'document.registered': 'registered',
  'control.assigned': 'in-progress',
  'control.interim': 'interim-answer',
  'control.extended': 'term-extended',
  'control.released': 'closed',
  'document.not-registered': 'returned',
  'document.rejected': 'returned',
};

const CENTRE_OF_SOURCE = Object.fromEntries(Object.entries(SOURCE_OF_CENTRE).map(([centre, source]) => [source, centre])) as Record<string, Centre>;

type Data = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The reason a document was not registered: the 003 §157 exemption, or a rejection's reason. */
function reasonOf(data: Data): HotlineStatus['reason'] {
  const given = (data.notRegisteredReason ?? data.reason) as { code?: unknown; messageUk?: unknown } | string | undefined;
  const code = typeof given === 'object' ? str(given.code) : undefined;
  const text = typeof given === 'string' ? given : str(given?.messageUk);
  const textUk = text ? (text.length > 1000 ? `${text.slice(0, 999)}…` : text) : 'Картку не зареєстровано';
  return { ...(code ? { code } : {}), textUk };
}

function statusOf(event: HubEvent): HotlineStatusCode | undefined {
  if (event.type !== 'appeal.answered') return BY_EVENT[event.type];
  const result = str(event.data.result);
  if (!result || !RESULTS.has(result)) throw new Error(`event ${event.eventId}: appeal.answered with result ${String(result)}`);
  return result as HotlineStatusCode;
}

function details(event: HubEvent, status: HotlineStatusCode): Partial<HotlineStatus> {
  const data = event.data as Data;
  if (status === 'in-progress' || status === 'interim-answer' || status === 'term-extended') {
    const term = str(data.term);
    return term ? { term } : {};
  }
  if (RESULTS.has(status)) {
    const answeredOn = str(data.answeredOn);
    if (!answeredOn) throw new Error(`event ${event.eventId}: appeal.answered without answeredOn`);
    const outgoingIndex = str(data.outgoingIndex);
    return { answer: { ...(outgoingIndex ? { outgoingIndex } : {}), answeredOn, onMerits: data.onMerits === true } };
  }
  if (status === 'returned') return { reason: reasonOf(data) };
  return {};
}

/**
 * The status message for an event of a card that came through this connector; [] for any other
 * event or source. A status that fails its own schema is a bug: it throws, and delivery
 * dead-letters the event rather than send the centre something wrong.
 */
export function statusMessagesFor(event: HubEvent, getConfig: () => HotlineConfig = () => loadHotlineConfig()): OutboundMessage[] {
  const centre = event.source ? CENTRE_OF_SOURCE[event.source] : undefined;
  if (!centre || !event.externalId) return [];
  const status = statusOf(event);
  if (!status) return [];
  const config = getConfig();
  const messageId = uuidV5(`${event.eventId}/hotline-status`, STATUS_ID_NAMESPACE);
  const reg = event.registration;
  const message: HotlineStatus = {
    format: 'hotline-status/1',
    messageId,
    centre,
    cardId: event.externalId,
    status,
    statusUk: STATUS_UK[status],
    at: event.occurredAt,
    from: { orgId: config.orgId },
    documentId: event.documentId,
    ...(reg ? { registration: { index: reg.index, date: reg.date } } : {}),
    ...details(event, status),
  };
  if (!validateStatus(message)) throw new Error(`event ${event.eventId}: status message invalid: ${JSON.stringify(violationsOf(validateStatus.errors))}`);
  return [{
    destination: centre === 'ukc-1545' ? config.ukcDestination : config.oblastDestination,
    contentType: 'application/json; charset=utf-8',
    body: Buffer.from(JSON.stringify(message), 'utf8'),
    messageId,
  }];
}
