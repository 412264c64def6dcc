import { createHash, randomUUID } from 'node:crypto';
import { kyivDate, type Clock } from '../../../src/domain/clock';
import { renderIndex, type RegistryRouting } from '../../../src/domain/registry';
import type { ControlService } from '../../../src/control';
import { appendAudit } from '../../../src/audit';
import { auditActor, type Principal } from '../../../src/identity';
import type { Logger } from '../../../src/log';
import { decodeBase64, rememberedContent } from '../../../src/pipeline/attachments';
import { requireCase } from '../../../src/pipeline';
import { decide, signatureRows, type SignatureSettings } from '../../../src/pipeline/steps';
import type { SignatureRule } from '../../../src/pipeline/steps/signature-policy';
import { assertValid, type DocumentCard, type OutgoingCard, type OutgoingSubmission, type Registration, type SevOvvParticipant } from '../../../src/schemas';
import { documents, nextJournalNumber, outbox, type Db, type Queryable } from '../../../src/store';
import { verifySignature } from '../../../src/workers';
import { loadSevOvvConfig, type SevOvvConfig } from '../config';
import { sameOrganization } from '../due-date';
import { externalIdOf } from '../external-id';
import { SOURCE } from '../inbound';
import { outgoingError } from './errors';
import { DOCUMENT_ANSWERED_EVENT, OUTGOING_SENT_EVENT } from './events';
import { buildOutgoingMessage, type AnsweredRef } from './message';
import { requireParticipants } from './participants';
import { getOutgoingCard, insertMessage, insertOutgoing, type NewOutgoing } from './store';

export interface OutgoingDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  routing: RegistryRouting;
  signatures: SignatureSettings;
  /** Executes the answered document's control card in the registering transaction. */
  control?: ControlService;
  onEventsCommitted?: () => void;
  sevOvvConfig?: () => SevOvvConfig;
}


/**
 * The policy for outgoing documents when the signature policy file has no rule for source
 * `outgoing`: every file signed with a qualified e-signature (КЕП) that holds. Basis: Law 2155-VIII
 * «Про електронну ідентифікацію та електронні довірчі послуги», ст. 18, 22 (a body certifies its
 * electronic documents with a qualified signature, which has the force of a handwritten one), and
 * 003 (an outgoing document is registered once signed).
 */
export const OUTGOING_RULE: SignatureRule = {
  id: 'outgoing-qualified',
  sources: ['outgoing'],
  signature: 'required',
  level: 'qualified',
  onFailure: 'quarantine',
  basis: 'Закон № 2155-VIII, ст. 18, 22: вихідний електронний документ органу засвідчується кваліфікованим електронним підписом (КЕП) посадової особи; 003: вихідний документ реєструється після підписання',
};

/** The council's own rule for outgoing documents (sources lists "outgoing"), else the default one. */
export function outgoingRule(policy: SignatureSettings['policy']): SignatureRule {
  return policy.rules.find((r) => r.sources?.includes('outgoing')) ?? OUTGOING_RULE;
}

/** The outgoing journal: routing.outgoing, else journal `outgoing` filed to the official letters' case. */
export function outgoingRoute(routing: RegistryRouting): { journal: string; case: string; indexTemplate: string } {
  const own = routing.outgoing;
  return {
    journal: own?.journal ?? 'outgoing',
    case: own?.case ?? routing.kinds['official-letter']?.case ?? '01-07',
    indexTemplate: own?.indexTemplate ?? routing.indexTemplate,
  };
}

type Files = NewOutgoing['files'];

function decodeFiles(body: OutgoingSubmission): Files {
  const names = new Set<string>();
  return body.attachments.map((a, i) => {
    if (names.has(a.name)) throw outgoingError('OUTGOING_ATTACHMENT_NAME_REPEATED', { attachment: a.name });
    names.add(a.name);
    // Decoded and hashed on a worker thread when the body was large (jsonBody's `attachments`).
    const known = rememberedContent(a);
    const content = known?.content ?? decodeBase64(`/attachments/${i}/contentBase64`, a.contentBase64);
    return { name: a.name, mediaType: a.mediaType, content, sha256: known?.sha256 ?? createHash('sha256').update(content).digest('hex') };
  });
}

/**
 * Verifies every detached signature with the hub's verifier (the one incoming documents use) and
 * applies the policy for outgoing documents; with a required signature every file must carry one.
 * What fails is refused with each report, before anything is registered.
 */
async function verifyAll(deps: OutgoingDeps, body: OutgoingSubmission, files: Files): Promise<NewOutgoing['signatures']> {
  const rule = outgoingRule(deps.signatures.policy);
  const now = deps.clock.now();
  const byName = new Map(files.map((f) => [f.name, f]));
  const verified: NewOutgoing['signatures'] = [];
  const reports: Array<{ attachment: string; report: unknown }> = [];
  for (const [i, sig] of body.signatures.entries()) {
    const file = byName.get(sig.attachment);
    if (!file) throw outgoingError('OUTGOING_SIGNATURE_ATTACHMENT_UNKNOWN', { signature: i, attachment: sig.attachment });
    const cms = decodeBase64(`/signatures/${i}/cms`, sig.cms);
    const result = await verifySignature({ signature: cms, content: file.content }, deps.signatures.trust, { nowMs: now.getTime(), revocation: deps.signatures.revocation });
    reports.push({ attachment: sig.attachment, report: result });
    for (const row of signatureRows({ attachment: sig.attachment, result })) verified.push({ ...row, attachment: sig.attachment, cms });
  }
  const decision = decide(rule, verified);
  const unsigned = rule.signature === 'required' ? files.filter((f) => !verified.some((s) => s.attachment === f.name)).map((f) => f.name) : [];
  if (decision.action === 'quarantine' || unsigned.length) {
    const problems = decision.action === 'quarantine' ? decision.problems : decision.flags.map((f) => f.code);
    throw outgoingError('OUTGOING_SIGNATURE_POLICY_FAILED', {
      rule: rule.id, ...(rule.basis ? { basis: rule.basis } : {}),
      problems: unsigned.length ? [...new Set([...problems, 'SIGNATURE_MISSING'])] : problems,
      ...(unsigned.length ? { unsigned } : {}),
      signatures: reports,
    });
  }
  return verified;
}

/** The incoming document answered, registered; when it came from one of the addressees through СЕВ ОВВ, its reference for msg_type 3. */
async function answered(q: Queryable, body: OutgoingSubmission): Promise<DocumentCard | undefined> {
  if (!body.answersDocumentId) return undefined;
  const doc = await documents.getCard(q, body.answersDocumentId);
  if (!doc || !doc.registration) throw outgoingError('OUTGOING_ANSWERED_DOCUMENT_UNKNOWN', { answersDocumentId: body.answersDocumentId, status: doc?.status ?? null });
  return doc;
}

/** Their registration of the document answered (meta kept by the inbound mapping), when this addressee sent it. */
function answeredRefFor(doc: DocumentCard | undefined, to: SevOvvParticipant): AnsweredRef | undefined {
  if (!doc || doc.source !== SOURCE) return undefined;
  const meta = (doc.meta ?? {}) as { fromOrgId?: unknown; idnumber?: unknown; regNumber?: { number?: unknown; date?: unknown } };
  if (typeof meta.fromOrgId !== 'string' || !sameOrganization(meta.fromOrgId, to.edrpou)) return undefined;
  const number = typeof meta.regNumber?.number === 'string' && meta.regNumber.number ? meta.regNumber.number : doc.outgoing?.number;
  const date = typeof meta.regNumber?.date === 'string' && meta.regNumber.date ? meta.regNumber.date : doc.outgoing?.date;
  if (!number || !date) return undefined;
  return { ...(typeof meta.idnumber === 'string' ? { idnumber: meta.idnumber } : {}), number, date };
}

/**
 * Registers an outgoing document and sends it (issue 18; 003, registration of outgoing documents):
 * the addressees checked against the participants directory and every signature verified before
 * anything is written; then, in one transaction, the next number of the outgoing journal, the
 * document, its files and signatures, one 1207 message per addressee (msg_type 3 to the sender of
 * the document it answers) with its `outgoing.sent` event for the delivery, and — when asked — the
 * answered document's control card executed with this answer's number and date.
 */
export async function registerOutgoing(deps: OutgoingDeps, raw: unknown, by: Principal): Promise<OutgoingCard> {
  const body = assertValid<OutgoingSubmission>('outgoing-submission.schema.json', raw);
  const config = (deps.sevOvvConfig ?? (() => loadSevOvvConfig()))();
  const addressees = await requireParticipants(deps.db, body.addressees);
  const files = decodeFiles(body);
  const signatures = await verifyAll(deps, body, files);
  const now = deps.clock.now();
  const route = outgoingRoute(deps.routing);
  const date = kyivDate(now);
  const year = Number(date.slice(0, 4));
  const id = randomUUID();
  const card = await deps.db.tx(async (q) => {
    const doc = await answered(q, body);
    if (body.executeControl && !doc) throw outgoingError('OUTGOING_CONTROL_CARD_UNKNOWN', { cardId: body.executeControl.cardId });
    await requireCase(q, { case: route.case, year });
    const number = await nextJournalNumber(q, route.journal, year);
    const registration: Registration = { journal: route.journal, year, number, date, case: route.case, index: renderIndex(route.indexTemplate, { case: route.case, journal: route.journal, year, number }) };
    await insertOutgoing(q, {
      id, summary: body.summary, signatory: body.signatory, addressees, answersDocumentId: doc?.id ?? null, registration,
      createdBy: by.id, createdAt: now, files, signatures,
    });
    for (const to of addressees) {
      const answers = answeredRefFor(doc, to);
      const msgId = randomUUID();
      const markup = buildOutgoingMessage({
        msgId, time: now, addressee: to, documentId: id, registration, summary: body.summary, signatory: body.signatory,
        files, signatures: body.signatures, ...(answers ? { answers } : {}),
      }, config);
      const msgType = answers ? 3 : 1;
      await insertMessage(q, { msgId, outgoingId: id, to, msgType, markup, sentAt: now });
      await outbox.appendEvent(q, {
        type: OUTGOING_SENT_EVENT, documentId: id, occurredAt: now,
        body: {
          type: OUTGOING_SENT_EVENT, documentId: id, occurredAt: now.toISOString(), source: SOURCE,
          externalId: externalIdOf({ orgId: to.edrpou, sysId: to.sysId, msgId }), kind: 'outgoing-document', status: 'sent', registration,
          data: { outgoingId: id, msgId, msgType, toOrgId: to.edrpou, toSysId: to.sysId, answersDocumentId: doc?.id ?? null },
        },
      });
    }
    if (doc) {
      // The incoming document's own event (its source, so an EDMS subscribed to that source hears it):
      // the card now shows «answered by» this registration.
      await outbox.appendDocumentEvent(q, {
        id: doc.id, source: doc.source, externalId: doc.externalId, kind: doc.kind, status: doc.status, registration: doc.registration,
      }, DOCUMENT_ANSWERED_EVENT, now, { outgoingId: id, index: registration.index, date: registration.date, addressees: body.addressees });
    }
    if (body.executeControl && doc && deps.control) {
      const cards = await deps.control.cardsOf(doc.id);
      if (!cards.some((c) => c.id === body.executeControl?.cardId)) throw outgoingError('OUTGOING_CONTROL_CARD_UNKNOWN', { cardId: body.executeControl.cardId, documentId: doc.id });
      // 003 §160: executed by the answer on the merits; its number and date land on the card and in the control log.
      await deps.control.actIn(q, doc.id, body.executeControl.cardId, 'execution', {
        onMerits: body.executeControl.onMerits,
        answer: { summary: `Відповідь № ${registration.index} від ${registration.date}: ${body.summary}`.slice(0, 4000), outgoingIndex: registration.index.slice(0, 100), answeredOn: registration.date },
      }, by);
    }
    await appendAudit(q, {
      at: now.toISOString(), ...auditActor(by), action: 'outgoing.registered', documentId: doc?.id ?? null, before: null,
      after: { outgoingId: id, index: registration.index, date: registration.date, addressees: body.addressees, signatures: signatures.map((s) => ({ attachment: s.attachment, indication: s.indication, qualified: s.qualified })) },
      reason: null,
    });
    return (await getOutgoingCard(q, id)) as OutgoingCard;
  });
  deps.onEventsCommitted?.();
  deps.log.info(
    { outgoingId: id, index: card.registration.index, messages: card.messages.map((m) => ({ msgId: m.msgId, to: m.toOrgId, msgType: m.msgType })), answers: card.answersDocumentId },
    'вихідний документ зареєстровано й передано до СЕВ ОВВ / outgoing document registered and handed to СЕВ ОВВ',
  );
  return card;
}
