/**
 * Outgoing documents and their messages in PostgreSQL (migration 022). The card joins what was
 * registered, the files, the signature verdicts and every message with its receipts.
 */
import type { OutgoingCard, OutgoingMessage, Registration, SevOvvParticipant } from '../../../src/schemas';
import type { NewSignature } from '../../../src/store/documents';
import type { Queryable } from '../../../src/store';

export type MessageState = OutgoingMessage['state'];

export interface NewOutgoing {
  id: string;
  summary: string;
  signatory: OutgoingCard['signatory'];
  addressees: SevOvvParticipant[];
  answersDocumentId: string | null;
  registration: Registration;
  createdBy: string;
  createdAt: Date;
  files: Array<{ name: string; mediaType: string; sha256: string; content: Buffer }>;
  signatures: Array<NewSignature & { attachment: string; cms: Buffer }>;
}

export async function insertOutgoing(q: Queryable, o: NewOutgoing): Promise<void> {
  const r = o.registration;
  await q.query(
    `INSERT INTO outgoing_documents (id, summary, signatory, addressees, answers_document_id, reg_journal, reg_year, reg_number, reg_index, reg_date, reg_case, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [o.id, o.summary, JSON.stringify(o.signatory), JSON.stringify(o.addressees), o.answersDocumentId, r.journal, r.year, r.number, r.index, r.date, r.case, o.createdBy, o.createdAt],
  );
  for (const [i, f] of o.files.entries()) {
    await q.query(
      'INSERT INTO outgoing_attachments (outgoing_id, ordinal, name, media_type, sha256, size, content) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [o.id, i + 1, f.name, f.mediaType, f.sha256, f.content.length, f.content],
    );
  }
  for (const [i, s] of o.signatures.entries()) {
    await q.query(
      `INSERT INTO outgoing_signatures (outgoing_id, ordinal, attachment, cms, indication, sub_indication, qualified, signer, signing_time, best_signature_time, report)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [o.id, i + 1, s.attachment, s.cms, s.indication, s.subIndication, s.qualified, s.signer ? JSON.stringify(s.signer) : null, s.signingTime, s.bestSignatureTime, JSON.stringify(s.report)],
    );
  }
}

export interface NewMessage {
  msgId: string;
  outgoingId: string;
  to: SevOvvParticipant;
  msgType: number;
  /** The message's markup around its files' text (buildOutgoingMessage): piece i before file i. */
  markup: string[];
  sentAt: Date;
}

/**
 * The message as handed to the outbox: `sent` from then on (the delivery publishes it with
 * confirms). Its body is put together here from the markup and the base64 of the files the
 * outgoing document keeps (ordinal i after piece i), so a large file is never encoded, copied per
 * addressee and sent back to the database by the hub (issue 18). PostgreSQL's base64 breaks lines
 * every 76 characters (RFC 2045): taken out, as the ДЦІР messages carry it in one line.
 */
export async function insertMessage(q: Queryable, m: NewMessage): Promise<void> {
  await q.query(
    `INSERT INTO sev_ovv_outgoing_messages (msg_id, outgoing_id, to_org_id, to_sys_id, to_name, msg_type, body, state, sent_at, updated_at)
     SELECT $1, $2, $3, $4, $5, $6,
            string_agg(convert_to(p.piece || coalesce(replace(encode(a.content, 'base64'), E'\\n', ''), ''), 'UTF8'), ''::bytea ORDER BY p.ord),
            'sent', $8, $8
       FROM unnest($7::text[]) WITH ORDINALITY AS p (piece, ord)
       LEFT JOIN outgoing_attachments a ON a.outgoing_id = $2 AND a.ordinal = p.ord`,
    [m.msgId, m.outgoingId, m.to.edrpou, m.to.sysId, m.to.name, m.msgType, m.markup, m.sentAt],
  );
}

/**
 * Bytes of a message read per query: bytea comes as hex text, and a 25 MiB file's 35 MB message
 * turned into bytes in one piece held the hub's thread ~0.1 s (issue 18, /healthz under 100 ms).
 */
const BODY_PIECE = 4 * 1024 * 1024;

/**
 * The bytes of a message the hub sent, and where they go (the delivery reads them: events carry no
 * content). A message is never changed once kept, so its pieces read apart are one body.
 */
export async function messageBody(q: Queryable, msgId: string): Promise<{ body: Buffer; toOrgId: string; toSysId: string } | undefined> {
  const rows = await q.query<{ size: number; to_org_id: string; to_sys_id: string }>(
    'SELECT octet_length(body) AS size, to_org_id, to_sys_id FROM sev_ovv_outgoing_messages WHERE msg_id = $1', [msgId]);
  const r = rows[0];
  if (!r) return undefined;
  const body = Buffer.allocUnsafe(r.size);
  for (let at = 0; at < r.size; at += BODY_PIECE) {
    const [piece] = await q.query<{ piece: Buffer }>(
      'SELECT substring(body FROM $2 FOR $3) AS piece FROM sev_ovv_outgoing_messages WHERE msg_id = $1', [msgId, at + 1, BODY_PIECE]);
    if (piece?.piece.length !== Math.min(BODY_PIECE, r.size - at)) throw new Error(`message ${msgId}: its bytes changed while read`);
    piece.piece.copy(body, at);
  }
  return { body, toOrgId: r.to_org_id, toSysId: r.to_sys_id };
}

/**
 * The broker confirmed the message (the delivery's publisher confirms): the first confirmation
 * stands, a redelivered event's does not move it.
 */
export async function markPublished(q: Queryable, msgId: string, at: Date): Promise<void> {
  await q.query('UPDATE sev_ovv_outgoing_messages SET published_at = $2 WHERE msg_id = $1 AND published_at IS NULL', [msgId, at]);
}

interface MessageRow {
  msg_id: string;
  outgoing_id: string;
  to_org_id: string;
  to_sys_id: string;
  to_name: string;
  msg_type: number;
  state: MessageState;
  sent_at: Date;
  published_at: Date | null;
  delivered_at: Date | null;
  accepted_at: Date | null;
  registered_at: Date | null;
  refused_at: Date | null;
  their_reg_number: string | null;
  their_reg_date: string | null;
  refusal_reason: string | null;
}

const MESSAGE_COLUMNS = `msg_id, outgoing_id, to_org_id, to_sys_id, to_name, msg_type, state, sent_at, published_at, delivered_at, accepted_at, registered_at, refused_at,
  their_reg_number, to_char(their_reg_date, 'YYYY-MM-DD') AS their_reg_date, refusal_reason`;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function toMessage(r: MessageRow): OutgoingMessage {
  return {
    msgId: r.msg_id, outgoingId: r.outgoing_id, toOrgId: r.to_org_id, toSysId: r.to_sys_id, toName: r.to_name, msgType: r.msg_type as 1 | 3, state: r.state,
    sentAt: r.sent_at.toISOString(), publishedAt: iso(r.published_at), deliveredAt: iso(r.delivered_at), acceptedAt: iso(r.accepted_at), registeredAt: iso(r.registered_at), refusedAt: iso(r.refused_at),
    theirRegistration: r.their_reg_number && r.their_reg_date ? { number: r.their_reg_number, date: r.their_reg_date } : null,
    refusalReason: r.refusal_reason,
  };
}

/** A message the hub sent, locked for the receipt's transaction. */
export async function lockMessage(q: Queryable, msgId: string): Promise<OutgoingMessage | undefined> {
  const rows = await q.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM sev_ovv_outgoing_messages WHERE msg_id = $1 FOR UPDATE`, [msgId]);
  return rows[0] ? toMessage(rows[0]) : undefined;
}

export async function saveMessage(q: Queryable, m: OutgoingMessage, at: Date): Promise<void> {
  await q.query(
    `UPDATE sev_ovv_outgoing_messages SET state = $2, delivered_at = $3, accepted_at = $4, registered_at = $5, refused_at = $6,
       their_reg_number = $7, their_reg_date = $8, refusal_reason = $9, updated_at = $10 WHERE msg_id = $1`,
    [m.msgId, m.state, m.deliveredAt, m.acceptedAt, m.registeredAt, m.refusedAt, m.theirRegistration?.number ?? null, m.theirRegistration?.date ?? null, m.refusalReason, at],
  );
}

/** Messages in a state (all when absent), the oldest first; `sentBefore` narrows to those sent before an instant. */
export async function listMessages(q: Queryable, f: { state?: MessageState; sentBefore?: Date; limit: number }): Promise<OutgoingMessage[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.state) where.push(`state = $${params.push(f.state)}`);
  if (f.sentBefore) where.push(`sent_at < $${params.push(f.sentBefore)}`);
  params.push(f.limit);
  const rows = await q.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM sev_ovv_outgoing_messages ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY sent_at, msg_id LIMIT $${params.length}`,
    params,
  );
  return rows.map(toMessage);
}

export async function getOutgoingCard(q: Queryable, id: string): Promise<OutgoingCard | undefined> {
  const rows = await q.query<{
    id: string; summary: string; signatory: OutgoingCard['signatory']; addressees: SevOvvParticipant[]; answers_document_id: string | null;
    reg_journal: string; reg_year: number; reg_number: number; reg_index: string; reg_date: string; reg_case: string; created_at: Date;
    attachments: OutgoingCard['attachments'] | null; signatures: OutgoingCard['signatures'] | null;
  }>(
    `SELECT o.id, o.summary, o.signatory, o.addressees, o.answers_document_id, o.reg_journal, o.reg_year, o.reg_number, o.reg_index,
       to_char(o.reg_date, 'YYYY-MM-DD') AS reg_date, o.reg_case, o.created_at,
       (SELECT json_agg(json_build_object('name', a.name, 'mediaType', a.media_type, 'sha256', a.sha256, 'size', a.size) ORDER BY a.ordinal)
          FROM outgoing_attachments a WHERE a.outgoing_id = o.id) AS attachments,
       (SELECT json_agg(json_build_object('attachment', s.attachment, 'indication', s.indication, 'subIndication', s.sub_indication,
          'qualified', s.qualified, 'signer', s.signer,
          'signingTime', to_char(s.signing_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'bestSignatureTime', to_char(s.best_signature_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY s.ordinal)
          FROM outgoing_signatures s WHERE s.outgoing_id = o.id) AS signatures
     FROM outgoing_documents o WHERE o.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  const messages = await q.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM sev_ovv_outgoing_messages WHERE outgoing_id = $1 ORDER BY to_org_id`, [id]);
  return {
    id: r.id, summary: r.summary, signatory: r.signatory, addressees: r.addressees,
    registration: { journal: r.reg_journal, index: r.reg_index, number: r.reg_number, date: r.reg_date, case: r.reg_case, year: r.reg_year },
    answersDocumentId: r.answers_document_id, attachments: r.attachments ?? [], signatures: r.signatures ?? [],
    messages: messages.map(toMessage), createdAt: r.created_at.toISOString(),
  };
}
