import { ConfigError } from '../../src/config';
import type { Decoder } from '../../src/pipeline';
import { decodeBase64 } from '../../src/pipeline/attachments';
import { edrpouOf, senderControlFromTasks } from '../../src/domain/control';
import { plural } from '../../src/domain/plural-uk';
import type { DocumentSubmission } from '../../src/schemas';
import { mapAttachments } from './attachments';
import { loadSevOvvConfig, type SevOvvConfig } from './config';
import { dueDateFor, sameOrganization } from './due-date';
import { sevOvvError } from './errors';
import { externalIdOf, MAX_EXTERNAL_ID_LENGTH } from './external-id';
import { ACK_TYPE, MSG_TYPE, PURPOSE_TYPES } from './format';
import { chooseKind } from './kind';
import type { SevDocument, SevHeader, SevMessage } from './message';
import { ownMessageOf, type SevAddition, type SevReceipt } from './own-messages';
import { readSevMessage } from './read-message';
import { parseXml } from './xml';

export const SOURCE = 'sev-ovv';
export const FORMAT = 'sev-ovv.xml';

const ACK_NAMES: Record<string, string> = Object.fromEntries(Object.entries(ACK_TYPE).map(([name, n]) => [String(n), name]));

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Only messages for us, from senders we accept (receipts too: outgoing/receipts.ts). */
export function checkRouting(header: SevHeader, config: SevOvvConfig): void {
  if (header.toOrgId !== config.orgId) {
    throw sevOvvError('SEV_OVV_WRONG_ADDRESSEE', { toOrgId: header.toOrgId, toOrganization: header.toOrganization, ourOrgId: config.orgId, msgId: header.msgId });
  }
  if (config.allowedSenders !== '*' && !config.allowedSenders.includes(header.fromOrgId)) {
    throw sevOvvError('SEV_OVV_SENDER_NOT_ALLOWED', { fromOrgId: header.fromOrgId, fromOrganization: header.fromOrganization, msgId: header.msgId });
  }
}

/**
 * Acknowledgements (msg_type 0, ДС13–ДС16) answer messages we sent, and additions (msg_type 2
 * and 4) extend a document already on file: neither is a new document to register, so the
 * document decoder refuses them as SEV_OVV_NOT_A_DOCUMENT with what they refer to in the details
 * (the pipeline's decoder hands them to their handler instead: decodeSevOvvInput).
 */
function rejectNonDocuments(message: SevMessage): void {
  const { header, acknowledgement: ack, document } = message;
  if (header.msgType === MSG_TYPE.acknowledgement && ack) {
    throw sevOvvError('SEV_OVV_NOT_A_DOCUMENT', {
      msgType: header.msgType,
      what: 'acknowledgement',
      msgId: header.msgId,
      fromOrgId: header.fromOrgId,
      acknowledgesMsgId: ack.msgId,
      ackType: Number(ack.ackType),
      ackTypeName: ACK_NAMES[ack.ackType] ?? null,
      ...(ack.regNumber ? { regNumber: ack.regNumber } : {}),
      results: ack.results,
    });
  }
  if (header.msgType === MSG_TYPE.documentAddition || header.msgType === MSG_TYPE.replyAddition) {
    throw sevOvvError('SEV_OVV_NOT_A_DOCUMENT', {
      msgType: header.msgType,
      what: header.msgType === MSG_TYPE.documentAddition ? 'document-addition' : 'reply-addition',
      msgId: header.msgId,
      fromOrgId: header.fromOrgId,
      ...(document ? { idnumber: document.idnumber, regNumber: document.regNumber } : {}),
    });
  }
}

/** The sending organisation: the Author whose ogrn is the sender's from_org_id, else the Header's from_*. */
function correspondentOf(header: SevHeader, doc: SevDocument): DocumentSubmission['correspondent'] {
  const org = doc.authors.map((a) => a.organization).find((o) => sameOrganization(o?.ogrn, header.fromOrgId));
  const name = clip(org?.fullname ?? org?.shortname ?? header.fromOrganization, 500) || header.fromOrgId;
  const edrpou = edrpouOf(org?.ogrn ?? header.fromOrgId);
  const address = org?.address && org.address.length <= 500 ? org.address : undefined;
  return { name, ...(edrpou ? { edrpou } : {}), ...(address ? { address } : {}) };
}

function summaryOf(doc: SevDocument): string {
  const text = doc.annotation ?? doc.title ?? `${doc.kind ?? 'Документ'} № ${doc.regNumber.number || doc.idnumber}`;
  return clip(text, 4000);
}

function metaOf(message: SevMessage, doc: SevDocument, rule: string, nameById: Map<string, string>): Record<string, unknown> {
  const { header, tasks, signatures } = message;
  const authors = doc.authors
    .filter((a) => a.organization)
    .map((a) => {
      const name = a.organization?.fullname ?? a.organization?.shortname;
      return { ogrn: a.organization?.ogrn, ...(name ? { name } : {}), ...(a.outNumber ? { outNumber: a.outNumber } : {}) };
    });
  return {
    msgId: header.msgId,
    msgType: header.msgType,
    msgTime: header.time,
    msgAcknow: header.msgAcknow,
    fromOrgId: header.fromOrgId,
    fromOrganization: header.fromOrganization,
    fromSysId: header.fromSysId,
    fromSystem: header.fromSystem,
    toOrgId: header.toOrgId,
    toSysId: header.toSysId,
    idnumber: doc.idnumber,
    documentType: doc.type,
    ...(doc.kind ? { documentKind: doc.kind } : {}),
    ...(doc.title ? { title: doc.title } : {}),
    purposeType: doc.purposeType,
    purpose: PURPOSE_TYPES[doc.purposeType] ?? null,
    regNumber: doc.regNumber,
    confidential: doc.confidential,
    kindRule: rule,
    ...(authors.length ? { authors } : {}),
    ...(doc.references.length ? { inReplyTo: doc.references } : {}),
    ...(tasks.length ? { tasks } : {}),
    ...(doc.approvers.length ? { approvers: doc.approvers } : {}),
    ...(message.transfers.length
      ? { docTransfers: message.transfers.map((t) => ({ idnumber: t.idnumber, type: t.type, attachment: nameById.get(t.idnumber) })) }
      : {}),
    ...(signatures.length
      ? { signInfo: signatures.map((s) => ({ docTransferIdnumber: s.docTransferId, attachment: nameById.get(s.docTransferId), signingTime: s.signingTime ?? null, hasCertificate: s.hasCertificate })) }
      : {}),
  };
}

function toSubmission(message: SevMessage, config: SevOvvConfig, receivedAt: Date): DocumentSubmission {
  const { header } = message;
  const doc = message.document as SevDocument;
  const externalId = externalIdOf({ orgId: header.fromOrgId, sysId: header.fromSysId, msgId: header.msgId });
  if (externalId.length > MAX_EXTERNAL_ID_LENGTH) {
    throw sevOvvError('SEV_OVV_INVALID_MESSAGE', {
      violations: [{
        path: '/Header/@msg_id',
        message: `from_org_id, from_sys_id and msg_id together exceed ${MAX_EXTERNAL_ID_LENGTH} characters`,
        messageUk: `from_org_id, from_sys_id і msg_id разом довші за ${plural(MAX_EXTERNAL_ID_LENGTH, { one: 'символ', few: 'символи', many: 'символів' })}`,
      }],
    });
  }
  const { kind, rule } = chooseKind(header, doc, config);
  const { attachments, nameById } = mapAttachments(message.transfers, config.maxAttachmentBytes);
  const signatures = message.signatures.map((s) => {
    const cms = s.signData.replace(/\s+/g, '');
    decodeBase64(`${s.path}/SignData`, cms);
    const attachment = nameById.get(s.docTransferId);
    return { cms, ...(attachment ? { attachment } : {}) };
  });
  const outgoing = doc.regNumber.number && doc.regNumber.date
    ? { number: clip(doc.regNumber.number, 100), date: doc.regNumber.date }
    : undefined;
  const dueDate = dueDateFor(message.tasks, doc.approvers, config.orgId);
  // Task@referred-control="1" naming the council as an executor: under control at registration,
  // on the sender's term (issue 18; the pipeline's sender-control step makes the card).
  const correspondent = correspondentOf(header, doc);
  const senderControl = senderControlFromTasks(message.tasks, config.orgId, { name: correspondent.name, ...(correspondent.edrpou ? { edrpou: correspondent.edrpou } : {}) });
  return {
    externalId,
    source: SOURCE,
    kind,
    correspondent,
    ...(outgoing ? { outgoing } : {}),
    summary: summaryOf(doc),
    // When the message reached the council, not when the sender wrote it (Header@time, kept in
    // meta.msgTime): terms that run from receipt and the day's lists go by arrival (issue 18).
    receivedAt: receivedAt.toISOString(),
    urgency: doc.urgent ? 'urgent' : 'normal',
    ...(doc.pages !== undefined && doc.pages <= 100000 ? { pages: doc.pages } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(senderControl ? { senderControl } : {}),
    ...(attachments.length ? { attachments } : {}),
    ...(signatures.length ? { signatures } : {}),
    meta: metaOf(message, doc, rule, nameById),
  };
}

/** The message read, checked, and for us from a sender we accept. */
async function readRouted(payload: Buffer, config: SevOvvConfig): Promise<SevMessage> {
  const message = readSevMessage(await parseXml(payload));
  checkRouting(message.header, config);
  return message;
}

/**
 * 1207 XML bytes → canonical DocumentSubmission (main documents, msg_type 1, and replies,
 * msg_type 3). Every failure is a HubError with a stable code (quarantined by the pipeline),
 * never a crash. The result is a function of the bytes, the settings and the time the message
 * arrived; a redelivered message is the same message (its msg_id, and its bytes: see
 * src/pipeline/input-digest.ts), so the card on file answers it with its first receipt time.
 * A receipt or an addition is SEV_OVV_NOT_A_DOCUMENT here; the pipeline's decoder
 * (decodeSevOvvInput) hands them to their handler instead.
 */
export async function decodeSevOvvMessage(payload: Buffer, config: SevOvvConfig, receivedAt: Date): Promise<DocumentSubmission> {
  const message = await readRouted(payload, config);
  rejectNonDocuments(message);
  return toSubmission(message, config, receivedAt);
}

/**
 * What the pipeline gets for 1207 bytes (issue 18): a document's submission, or a receipt or an
 * addition to apply to what is on file (own-messages.ts), told apart here by the one full reading,
 * so every door (AMQP, HTTP `?format=sev-ovv.xml`, a replay) treats them alike and a large
 * addition is read on a worker thread as a large document is (src/workers decodeInput).
 */
export async function decodeSevOvvInput(payload: Buffer, config: SevOvvConfig, receivedAt: Date): Promise<DocumentSubmission | SevReceipt | SevAddition> {
  const message = await readRouted(payload, config);
  return ownMessageOf(message, config) ?? toSubmission(message, config, receivedAt);
}

/** Settings as a HubError: a message that arrives before the connector is configured is kept, not lost. */
function configOrError(env: Record<string, string | undefined>): SevOvvConfig {
  try {
    return loadSevOvvConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw sevOvvError('SEV_OVV_NOT_CONFIGURED', { variable: err.variable, problem: err.messageEn, problemUk: err.messageUk });
    throw err;
  }
}

/** The pipeline decoder for format 'sev-ovv.xml'; reads SEV_OVV_* on each message (cheap, and never stale). */
export const sevOvvDecoder: Decoder = (payload, envelope) => decodeSevOvvInput(payload, configOrError(process.env), envelope.receivedAt);
