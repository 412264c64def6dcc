import { appendAudit } from '../../src/audit';
import { HubError } from '../../src/errors';
import type { Envelope, PipelineDeps } from '../../src/pipeline';
import type { AppliedMessage } from '../../src/pipeline';
import { attachmentContent } from '../../src/pipeline/attachments';
import type { SignatureFinding } from '../../src/pipeline/steps';
import type { DocumentSubmission } from '../../src/schemas';
import { documents, quarantine, type Queryable } from '../../src/store';
import { sevOvvError } from './errors';
import { MSG_TYPE } from './format';
import { SOURCE } from './inbound';
import type { SevAddition } from './own-messages';

/** What a card keeps of each addition applied to it (meta.additions): a redelivery is found, a changed one refused. */
interface AdditionRecord {
  msgId: string;
  msgType: number;
  sha256: string;
  at: string;
  attachments: string[];
}

/** The registered document the addition extends (under control or not): the same sender's document with this Document@idnumber. */
async function documentAdded(q: Queryable, fromOrgId: string, idnumber: string): Promise<{ id: string } | undefined> {
  const rows = await q.query<{ id: string }>(
    `SELECT id FROM documents WHERE source = $1 AND meta->>'fromOrgId' = $2 AND meta->>'idnumber' = $3 AND reg_index IS NOT NULL
     ORDER BY created_at LIMIT 1 FOR UPDATE`,
    [SOURCE, fromOrgId, idnumber],
  );
  return rows[0];
}

/**
 * An addition (msg_type 2 to a document, 4 to a reply: «доповнення», z1306-11) to a document the
 * hub registered (issue 18): its files are attached to that card, their signatures verified first
 * by the same step and policy as the document's own (an addition failing it is quarantined as the
 * document would be), the control log records it (`sev-ovv.addition-attached`) and the card's
 * meta.additions lists it. An addition to a document the hub does not have is quarantined
 * (`SEV_OVV_ADDITION_UNKNOWN_DOCUMENT`); the same msg_id again is a plain repeat, with other bytes
 * `CONFLICTING_REPEAT`. Files already on the card (the same SHA-256) are not attached twice.
 */
export async function applyAddition(message: SevAddition, env: Envelope, deps: PipelineDeps): Promise<AppliedMessage> {
  const { header, idnumber } = message;
  // The bytes as they came (a redelivery is the same bytes): a megabyte at a time, the event loop free between.
  const sha256 = await quarantine.sha256Hex(env.payload);
  const target = idnumber ? await documentAdded(deps.db, header.fromOrgId, idnumber) : undefined;
  const card = target ? await documents.getCard(deps.db, target.id) : undefined;
  if (!target || !card) {
    throw sevOvvError('SEV_OVV_ADDITION_UNKNOWN_DOCUMENT', { msgId: header.msgId, msgType: header.msgType, fromOrgId: header.fromOrgId, idnumber, ...(message.regNumber ? { regNumber: message.regNumber } : {}) });
  }
  const done = ((card.meta?.additions ?? []) as AdditionRecord[]).find((a) => a.msgId === header.msgId);
  if (done) {
    if (done.sha256 !== sha256) throw HubError.of('CONFLICTING_REPEAT', { documentId: card.id, source: SOURCE, externalId: message.externalId, onFileSha256: done.sha256, receivedSha256: sha256 });
    return { what: 'sev-ovv.addition', id: card.id, changed: false, documentId: card.id };
  }
  const onCard = new Set(card.attachments.map((a) => a.sha256));
  const takenNames = new Set(card.attachments.map((a) => a.name));
  const renamed = new Map<string, string>();
  // Renamed in place: a file a worker decoded is known by its object (src/pipeline/attachments.ts).
  const fresh = message.attachments.filter((a) => !onCard.has(a.sha256)).map((a) => {
    const name = takenNames.has(a.name) ? `${a.name.replace(/(\.[^.]*)?$/, (ext) => ` (доповнення ${header.msgId.slice(0, 8)})${ext}`)}` : a.name;
    renamed.set(a.name, name);
    takenNames.add(name);
    a.name = name;
    return a;
  });
  const signatures = message.signatures
    .map((s) => ({ cms: s.cms, attachment: renamed.get(s.attachment) }))
    .filter((s): s is { cms: string; attachment: string } => s.attachment !== undefined);
  // The document's own signature step and policy (src/pipeline/steps/signatures.ts), on the addition's files.
  const step = deps.steps?.find((s) => s.name === 'signatures');
  const externalId = `${message.externalId}#addition`;
  const asSubmission = { source: SOURCE, externalId, kind: card.kind, summary: card.summary, correspondent: card.correspondent, receivedAt: env.receivedAt.toISOString(), attachments: fresh, signatures } as DocumentSubmission;
  const finding = (step?.check ? await step.check(asSubmission, { clock: deps.clock, log: deps.log }) : null) as SignatureFinding;
  const at = deps.clock.now();
  await deps.db.tx(async (q) => {
    await q.query('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [card.id]);
    const [counts] = await q.query<{ files: number; signatures: number }>(
      'SELECT (SELECT count(*)::int FROM attachments WHERE document_id = $1) AS files, (SELECT count(*)::int FROM document_signatures WHERE document_id = $1) AS signatures',
      [card.id],
    );
    await documents.insertAttachments(q, card.id, fresh.map((a, i) => ({ name: a.name, mediaType: a.mediaType ?? 'application/octet-stream', sha256: a.sha256, content: attachmentContent(a, i) })), counts?.files ?? 0);
    if (finding?.signatures.length) await documents.insertSignatures(q, card.id, finding.signatures, counts?.signatures ?? 0);
    if (finding?.flags.length) await documents.setFlags(q, card.id, [...(card.flags ?? []), ...finding.flags.filter((f) => !card.flags?.some((g) => g.code === f.code))]);
    const record: AdditionRecord = { msgId: header.msgId, msgType: header.msgType, sha256, at: at.toISOString(), attachments: fresh.map((a) => a.name) };
    await q.query(`UPDATE documents SET meta = jsonb_set(coalesce(meta, '{}'::jsonb), '{additions}', coalesce(meta->'additions', '[]'::jsonb) || $2::jsonb) WHERE id = $1`, [card.id, JSON.stringify([record])]);
    await appendAudit(q, {
      at: at.toISOString(), actor: `sev-ovv:${header.fromOrgId}`, via: { method: env.channel, principalKind: 'system' }, action: 'sev-ovv.addition-attached', documentId: card.id,
      before: { attachments: card.attachments.map((a) => a.name) }, after: { ...record, kind: header.msgType === MSG_TYPE.replyAddition ? 'reply-addition' : 'document-addition' }, reason: null,
    });
  });
  deps.log.info({ traceId: env.traceId, documentId: card.id, msgId: header.msgId, attached: fresh.length }, 'доповнення СЕВ ОВВ додано до картки / СЕВ ОВВ addition attached to the card');
  return { what: 'sev-ovv.addition', id: card.id, changed: true, documentId: card.id };
}
