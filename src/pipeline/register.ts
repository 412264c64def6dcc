import { createHash, randomUUID } from 'node:crypto';
import { kyivDate } from '../domain/clock';
import { ownNumberOf, planRegistration, renderIndex, RoutingError, type OwnNumber } from '../domain/registry';
import { HubError } from '../errors';
import type { DocumentCard, DocumentSubmission, Registration } from '../schemas';
import { documents, keepJournalNumber, nomenclature, nextJournalNumber, outbox, Queryable } from '../store';
import { decodeAttachments } from './attachments';
import type { PipelineDeps } from './context';

export type RegisterOutcome = { outcome: 'created' | 'duplicate'; card: DocumentCard };

/** Canonical JSON of the submission, hashed to tell a true repeat from a conflicting one. */
function payloadHash(sub: DocumentSubmission): string {
  return createHash('sha256').update(JSON.stringify(sub)).digest('hex');
}

type Plan = { journal: string; case: string; year: number; date: string };

async function requireCase(q: Queryable, plan: Plan): Promise<void> {
  const found = await nomenclature.findCase(q, plan.year, plan.case);
  if (!found) {
    const years = await nomenclature.nomenclatureYears(q);
    throw years.includes(plan.year)
      ? HubError.of('UNKNOWN_CASE', { case: plan.case, year: plan.year })
      : HubError.of('NO_NOMENCLATURE', { year: plan.year, loadedYears: years });
  }
}

/** A council's own document keeps the number and date it was signed with (src/domain/registry/own-number.ts). */
async function keepOwnRegistration(q: Queryable, plan: Plan, own: OwnNumber): Promise<Registration> {
  await requireCase(q, plan);
  const holder = await keepJournalNumber(q, plan.journal, plan.year, own.number);
  if (holder !== undefined) throw HubError.of('REGISTRATION_NUMBER_TAKEN', { journal: plan.journal, year: plan.year, number: own.number, index: own.index, heldBy: holder });
  return { journal: plan.journal, index: own.index, number: own.number, date: own.date, case: plan.case, year: plan.year };
}

async function drawRegistration(q: Queryable, deps: PipelineDeps, plan: Plan): Promise<Registration> {
  await requireCase(q, plan);
  const number = await nextJournalNumber(q, plan.journal, plan.year);
  const index = renderIndex(deps.routing.indexTemplate, { case: plan.case, number, journal: plan.journal, year: plan.year });
  return { journal: plan.journal, index, number, date: plan.date, case: plan.case, year: plan.year };
}

/**
 * Registers one validated submission in one transaction: insert once per (source, externalId),
 * decide registration (003 §157, §179), draw the journal number, store attachments, run the
 * steps, and write the event to the outbox. A repeat returns the card already on file.
 */
export async function registerSubmission(deps: PipelineDeps, sub: DocumentSubmission, traceId?: string, inputSha256?: string): Promise<RegisterOutcome> {
  const attachments = decodeAttachments(sub.attachments);
  const now = deps.clock.now();
  // The steps log with the input's traceId, so every line of one input can be found together.
  const ctx = { clock: deps.clock, log: traceId ? deps.log.child({ traceId }) : deps.log };
  const findings = new Map<string, unknown>();
  for (const step of deps.steps ?? []) if (step.check) findings.set(step.name, await step.check(sub, ctx));

  const result = await deps.db.tx(async (q): Promise<RegisterOutcome> => {
    const id = await documents.insertDocumentOnce(
      q,
      {
        id: randomUUID(),
        source: sub.source,
        externalId: sub.externalId,
        kind: sub.kind,
        subtype: sub.subtype,
        summary: sub.summary,
        correspondent: sub.correspondent,
        outgoing: sub.outgoing,
        receivedAt: sub.receivedAt,
        urgency: sub.urgency ?? 'normal',
        pages: sub.pages,
        dueDate: sub.dueDate,
        meta: sub.meta,
        payloadSha256: payloadHash(sub),
        inputSha256,
      },
      'not-registered',
    );
    if (!id) {
      const existing = await documents.findOnFile(q, sub.source, sub.externalId);
      const card = existing ? await documents.getCard(q, existing.id) : undefined;
      if (!existing || !card) throw new Error('duplicate key reported but the document is not on file');
      // The same key with other content is not this document again (issue 18): the card stays as
      // it is and the caller is told, the input goes to quarantine (acceptInput). A card from
      // before migration 019 has no digest to compare: a plain repeat, as it always was.
      if (inputSha256 && existing.inputSha256 && existing.inputSha256 !== inputSha256) {
        throw HubError.of('CONFLICTING_REPEAT', { documentId: existing.id, source: sub.source, externalId: sub.externalId, onFileSha256: existing.inputSha256, receivedSha256: inputSha256 });
      }
      return { outcome: 'duplicate', card };
    }

    const own = ownNumberOf(sub);
    let plan;
    try {
      plan = planRegistration(deps.routing, { kind: sub.kind, subtype: sub.subtype, caseIndex: sub.caseIndex, registrationDate: own?.date ?? kyivDate(now) });
    } catch (err) {
      if (err instanceof RoutingError) throw HubError.of(err.code, { kind: err.kind });
      throw err;
    }
    await documents.insertAttachments(q, id, attachments);
    // The journal number is drawn last: its row lock serialises registrations in one journal
    // until commit, so everything that can happen before it does.
    let registration: Registration | null = null;
    if (plan.registrable) {
      registration = own ? await keepOwnRegistration(q, plan, own) : await drawRegistration(q, deps, plan);
      await documents.setRegistration(q, id, registration);
    } else {
      await documents.setNotRegistered(q, id, plan.exemption);
    }
    for (const step of deps.steps ?? []) await step.onAccepted?.(q, { documentId: id, registration }, sub, ctx, findings.get(step.name));
    const card = (await documents.getCard(q, id)) as DocumentCard;
    await outbox.appendEvent(q, {
      type: registration ? 'document.registered' : 'document.not-registered',
      documentId: id,
      occurredAt: now,
      body: {
        type: registration ? 'document.registered' : 'document.not-registered',
        documentId: id,
        occurredAt: now.toISOString(),
        source: sub.source,
        externalId: sub.externalId,
        kind: sub.kind,
        status: card.status,
        registration,
        data: {
          receivedAt: card.receivedAt,
          urgency: card.urgency,
          ...(card.notRegisteredReason ? { notRegisteredReason: card.notRegisteredReason } : {}),
        },
      },
    });
    return { outcome: 'created', card };
  });
  if (result.outcome === 'created') deps.onEventsCommitted?.();
  return result;
}
