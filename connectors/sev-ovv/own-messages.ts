import type { OwnMessage } from '../../src/pipeline';
import type { Attachment } from '../../src/schemas';
import { mapAttachments } from './attachments';
import type { SevOvvConfig } from './config';
import { externalIdOf } from './external-id';
import { MSG_TYPE } from './format';
import { SOURCE } from './inbound';
import type { SevAcknowledgement, SevHeader, SevMessage, SevRegNumber } from './message';

/** A receipt (msg_type 0, ДС13–ДС16) to a message the hub sent, as the decoder hands it over. */
export interface SevReceipt extends OwnMessage {
  own: 'sev-ovv.receipt';
  header: SevHeader;
  acknowledgement: SevAcknowledgement;
}

/**
 * An addition (msg_type 2 to a document, 4 to a reply: «доповнення», z1306-11) as the decoder hands
 * it over: the files mapped and hashed like a document's (on a worker thread for a large message,
 * src/workers/jobs/decode.ts, which decodes the large ones there too), the signatures by file name.
 */
export interface SevAddition extends OwnMessage {
  own: 'sev-ovv.addition';
  header: SevHeader;
  idnumber: string | null;
  regNumber: SevRegNumber | null;
  attachments: Attachment[];
  signatures: Array<{ cms: string; attachment: string }>;
}

/**
 * What the decoder makes of a message that is not a document to register (issue 18): a receipt to
 * what the hub sent or an addition to a card it has; undefined for a document. Told apart by the
 * full, checked reading the document gets, on whichever door it came, so the handler below applies
 * it on every path (AMQP, HTTP, a replay from the quarantine): apply-own.ts.
 */
export function ownMessageOf(message: SevMessage, config: SevOvvConfig): SevReceipt | SevAddition | undefined {
  const { header, document, acknowledgement } = message;
  const key = { source: SOURCE, externalId: externalIdOf({ orgId: header.fromOrgId, sysId: header.fromSysId, msgId: header.msgId }) };
  if (header.msgType === MSG_TYPE.acknowledgement && acknowledgement) return { own: 'sev-ovv.receipt', ...key, header, acknowledgement };
  if (header.msgType !== MSG_TYPE.documentAddition && header.msgType !== MSG_TYPE.replyAddition) return undefined;
  const { attachments, nameById } = mapAttachments(message.transfers, config.maxAttachmentBytes);
  const signatures = message.signatures
    .map((s) => ({ cms: s.signData.replace(/\s+/g, ''), attachment: nameById.get(s.docTransferId) }))
    .filter((s): s is { cms: string; attachment: string } => s.attachment !== undefined);
  return { own: 'sev-ovv.addition', ...key, header, idnumber: document?.idnumber ?? null, regNumber: document?.regNumber ?? null, attachments, signatures };
}
