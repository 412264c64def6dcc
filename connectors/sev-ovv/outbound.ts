import { Builder } from 'xml2js';
import type { HubEvent } from '../../src/schemas';
import { INPUT_REFUSED_EVENT } from '../../src/store/outbox';
import type { OutboundMessage } from '../connector';
import { uuidV5 as nameBasedUuid } from '../message-id';
import { loadSevOvvConfig, type SevOvvConfig } from './config';
import { parseExternalId, type SevMessageRef } from './external-id';
import { ACK_TYPE, MSG_TYPE, STANDART, VERSION } from './format';
import { SOURCE } from './inbound';

/** Namespace of the name-based (v5) UUIDs of our acknowledgements; fixed forever. */
const ACK_ID_NAMESPACE = '9d5e6b0c-3f7a-4c1e-8b2d-51a0c4e7f236';

/** A name-based UUID in the acknowledgements' namespace: the same event always yields the same msg_id. */
export function uuidV5(name: string, namespace = ACK_ID_NAMESPACE): string {
  return nameBasedUuid(name, namespace);
}

/** Events that tell the sender its document was not registered (ДС16-style refusal). */
const REFUSAL_EVENTS = new Set(['document.not-registered', 'document.rejected']);

function refusalReason(event: HubEvent): string {
  const data = event.data as Record<string, unknown>;
  const notRegistered = data.notRegisteredReason as { messageUk?: unknown } | undefined;
  const reason = data.reason as { messageUk?: unknown } | string | undefined;
  const text = typeof notRegistered?.messageUk === 'string' ? notRegistered.messageUk
    : typeof reason === 'string' ? reason
    : typeof reason?.messageUk === 'string' ? reason.messageUk
    : undefined;
  const full = text ? `Документ відхилено: ${text}` : 'Документ відхилено';
  return full.length > 1000 ? `${full.slice(0, 999)}…` : full;
}

/**
 * Refusals that are the council's to fix, not the sender's: the message is kept and registered by
 * a replay once the council has set up the connector or the nomenclature (and then ack_type 3
 * goes out); SEV_OVV_NOT_A_DOCUMENT is what an earlier hub kept a receipt or an addition as, which
 * a replay now applies. Telling the sender "refused" would be untrue; "delivered" (ack_type 1) is
 * true, and goes if asked (progress-receipts.ts).
 * Every other refusal (policy failure, invalid message, wrong addressee, unsupported version,
 * sender not allowed, conflicting repeat, …) is the sender's to hear (issue 18).
 */
const KEPT_FOR_THE_COUNCIL = new Set(['SEV_OVV_NOT_CONFIGURED', 'NO_NOMENCLATURE', 'UNKNOWN_CASE', 'UNROUTED_KIND', 'SEV_OVV_NOT_A_DOCUMENT', 'INTERNAL_ERROR']);

/** Every Ukrainian explanation in an error's details (violations' messageUk, reasonUk …), in order. */
function ukrainianDetails(details: unknown, out: string[] = []): string[] {
  if (Array.isArray(details)) for (const d of details) ukrainianDetails(d, out);
  else if (details && typeof details === 'object') {
    const d = details as Record<string, unknown>;
    const text = typeof d.messageUk === 'string' ? d.messageUk : typeof d.reasonUk === 'string' ? d.reasonUk : typeof d.problemUk === 'string' ? d.problemUk : undefined;
    if (text) out.push(typeof d.path === 'string' ? `${d.path}: ${text}` : text);
    for (const [k, v] of Object.entries(d)) if (v && typeof v === 'object' && k !== 'report') ukrainianDetails(v, out);
  }
  return out;
}

/** A refused input's reason in Ukrainian words: the code's message and what exactly was wrong. */
function inputRefusalText(data: Record<string, unknown>): string {
  const reason = typeof data.reasonUk === 'string' ? data.reasonUk : 'повідомлення не прийнято';
  const why = ukrainianDetails(data.details);
  const full = `Повідомлення відхилено: ${reason}${why.length ? ` (${why.join('; ')})` : ''}`;
  return full.length > 1000 ? `${full.slice(0, 999)}…` : full;
}

/** xs:dateTime in whole seconds, UTC, as the ДЦІР messages write it (2015-09-11T07:00:22Z). */
function xsDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface AckContent {
  ackType: number;
  regNumber?: { index: string; date: string };
  errortext: string;
  /** The receipt's own msg_id; by default name-based on the event (a redelivered event, the same bytes). */
  messageId?: string;
  /** Header@time; by default when the event occurred. */
  time?: string;
}

/**
 * One acknowledgement (msg_type 0) to the sender of the original message. The event carries no
 * correspondent name, so to_organization repeats the sender's code; to_system is the exchange.
 */
export function acknowledgement(event: HubEvent, original: SevMessageRef, config: SevOvvConfig, content: AckContent): OutboundMessage {
  const messageId = content.messageId ?? uuidV5(`${event.eventId}/ack/${content.ackType}`);
  const ack: Record<string, unknown> = { $: { msg_id: original.msgId, ack_type: String(content.ackType) } };
  if (content.regNumber) ack.RegNumber = { _: content.regNumber.index, $: { regdate: content.regNumber.date } };
  ack.AckResult = { $: { errorcode: '0', errortext: content.errortext } };
  const xml = new Builder({ xmldec: { version: '1.0', encoding: 'UTF-8' } }).buildObject({
    Header: {
      $: {
        standart: STANDART,
        version: VERSION,
        charset: 'UTF-8',
        time: xsDateTime(content.time ?? event.occurredAt),
        msg_type: String(MSG_TYPE.acknowledgement),
        msg_id: messageId,
        msg_acknow: '0',
        from_org_id: config.orgId,
        from_organization: config.orgName,
        from_sys_id: config.sysId,
        from_system: config.systemName,
        to_org_id: original.orgId,
        to_organization: original.orgId,
        to_sys_id: original.sysId,
        to_system: 'СЕВ ОВВ',
      },
      Acknowledgement: ack,
    },
  });
  return {
    destination: `${original.orgId}/${original.sysId}`,
    contentType: 'application/xml; charset=utf-8',
    body: Buffer.from(xml, 'utf8'),
    messageId,
  };
}

/**
 * Hub events → 1207 acknowledgements to the organisation that sent the document:
 * - document.registered → ack_type 3 (ДС15) with our RegNumber = registration index and date;
 * - document.not-registered / document.rejected → ack_type 4 (ДС16) with the reason. errorcode
 *   stays 0 as in ДС16: other codes are not documented in the sources found;
 * - input.refused (a message the hub refused and kept in quarantine, its sender read from the
 *   Header: sender.ts) → ack_type 4 with the reason in Ukrainian, unless the refusal is the
 *   council's to fix (KEPT_FOR_THE_COUNCIL);
 * - any other event, or a document that did not come in through this connector → nothing.
 * The delivery and acceptance receipts (1, 2) the sender's msg_acknow asks for go before these,
 * read with the store: progress-receipts.ts.
 */
export function acknowledgementsFor(event: HubEvent, getConfig: () => SevOvvConfig = () => loadSevOvvConfig()): OutboundMessage[] {
  if (event.source !== SOURCE) return [];
  const original = parseExternalId(event.externalId);
  if (!original) return [];
  if (event.type === 'document.registered') {
    const reg = event.registration;
    if (!reg) throw new Error(`event ${event.eventId}: document.registered without a registration`);
    return [acknowledgement(event, original, getConfig(), {
      ackType: ACK_TYPE.registered,
      regNumber: { index: reg.index, date: reg.date },
      errortext: `Документ зареєстровано за № ${reg.index} від ${reg.date}`,
    })];
  }
  if (event.type === INPUT_REFUSED_EVENT) {
    const data = event.data as Record<string, unknown>;
    if (KEPT_FOR_THE_COUNCIL.has(String(data.code))) return [];
    return [acknowledgement(event, original, getConfig(), { ackType: ACK_TYPE.refused, errortext: inputRefusalText(data) })];
  }
  if (REFUSAL_EVENTS.has(event.type)) {
    return [acknowledgement(event, original, getConfig(), { ackType: ACK_TYPE.refused, errortext: refusalReason(event) })];
  }
  return [];
}
