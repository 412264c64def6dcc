import { createHash, randomUUID } from 'node:crypto';
import { kyivDate } from '../domain/clock';
import { ownNumberOf, planRegistration, renderIndex, RoutingError, type OwnNumber, type RegistrationPlan } from '../domain/registry';
import { HubError } from '../errors';
import type { DocumentCard, DocumentSubmission, Registration } from '../schemas';
import { documents, insertUnderNextNumbers, keepJournalNumber, nomenclature, outbox, registerUnderNextNumber, type Alone, type Db, Queryable } from '../store';
import { GroupCommit } from './group-commit';
import { decodeAttachments } from './attachments';
import type { IntakeStep, PipelineDeps, StepContext, StepFiled } from './context';

export type RegisterOutcome = { outcome: 'created' | 'duplicate'; card: DocumentCard };

/**
 * The digest of what was registered (the decoded submission, kept as `payload_sha256`), each file
 * by the SHA-256 it is checked against on intake (decodeAttachments) rather than its base64: as
 * binding, and a 25 MiB file is not serialised and hashed again on the event loop.
 */
function payloadHash(sub: DocumentSubmission): string {
  const files = sub.attachments?.map(({ contentBase64: _content, ...file }) => file);
  return createHash('sha256').update(JSON.stringify(files ? { ...sub, attachments: files } : sub)).digest('hex');
}

type Plan = { journal: string; case: string; year: number; date: string };

/** The plan's case is in its year's nomenclature, else NO_NOMENCLATURE / UNKNOWN_CASE (outgoing documents are filed alike). */
export async function requireCase(q: Queryable, plan: Pick<Plan, 'case' | 'year'>): Promise<void> {
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
  const holder = await keepJournalNumber(q, plan.journal, plan.year, own.number);
  if (holder !== undefined) throw HubError.of('REGISTRATION_NUMBER_TAKEN', { journal: plan.journal, year: plan.year, number: own.number, index: own.index, heldBy: holder });
  return { journal: plan.journal, index: own.index, number: own.number, date: own.date, case: plan.case, year: plan.year };
}

/** The index as the template renders it, but `{number}` where the running number, drawn in SQL, goes (src/store/counters.ts). */
function unnumberedIndex(template: string, plan: Plan): string {
  return template.split('{number}').map((part) => renderIndex(part, { case: plan.case, journal: plan.journal, year: plan.year, number: 0 })).join('{number}');
}

type EventCard = Pick<DocumentCard, 'id' | 'status' | 'receivedAt' | 'urgency' | 'notRegisteredReason'>;

/** The event announcing the document; a number drawn last writes its `registration` and `data.receivedAt` (counters.ts). */
function acceptedEvent(sub: DocumentSubmission, card: EventCard, registration: Registration | null, now: Date): outbox.OutboxEvent {
  const type = card.status === 'registered' ? 'document.registered' : 'document.not-registered';
  return {
    type,
    documentId: card.id,
    occurredAt: now,
    body: {
      type,
      documentId: card.id,
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
  };
}

/** The document row of a submission, as both paths insert it. */
function newDocument(sub: DocumentSubmission, inputSha256: string | undefined): documents.NewDocument {
  return {
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
  };
}

/**
 * The same (source, externalId) is on file: its card, unless the input differs from the one it
 * was registered from (issue 18): then the card stays as it is and the caller is told, the input
 * goes to quarantine (acceptInput). A card from before migration 019 has no digest to compare: a
 * plain repeat, as it always was.
 */
async function onFile(q: Queryable, sub: DocumentSubmission, inputSha256: string | undefined): Promise<RegisterOutcome> {
  const existing = await documents.findOnFile(q, sub.source, sub.externalId);
  const card = existing ? await documents.getCard(q, existing.id) : undefined;
  if (!existing || !card) throw new Error('duplicate key reported but the document is not on file');
  if (inputSha256 && existing.inputSha256 && existing.inputSha256 !== inputSha256) {
    throw HubError.of('CONFLICTING_REPEAT', { documentId: existing.id, source: sub.source, externalId: sub.externalId, onFileSha256: existing.inputSha256, receivedSha256: inputSha256 });
  }
  return { outcome: 'duplicate', card };
}

function planOf(deps: PipelineDeps, sub: DocumentSubmission, own: OwnNumber | undefined, now: Date): RegistrationPlan {
  try {
    return planRegistration(deps.routing, { kind: sub.kind, subtype: sub.subtype, caseIndex: sub.caseIndex, registrationDate: own?.date ?? kyivDate(now) });
  } catch (err) {
    if (err instanceof RoutingError) throw HubError.of(err.code, { kind: err.kind });
    throw err;
  }
}

const violates = (err: unknown, code: string, constraint: string): boolean =>
  (err as { code?: unknown }).code === code && (err as { constraint?: unknown }).constraint === constraint;

/** Each database's registrations with nothing else to write, grouped to share statements and commits. */
const groups = new WeakMap<Db, Map<string, GroupCommit<Alone, DocumentCard>>>();

/**
 * On PostgreSQL one journal's registrations share a statement, never another's: a statement waits
 * for the counter of every journal in it, and different journals must not wait for each other
 * (issue 16). The embedded database runs one statement at a time, so there every registration
 * waits for every other anyway, and all share.
 */
function groupOf(db: Db, plan: Plan): GroupCommit<Alone, DocumentCard> {
  const ofDb = groups.get(db) ?? new Map<string, GroupCommit<Alone, DocumentCard>>();
  groups.set(db, ofDb);
  const key = db.backend === 'pglite' ? 'all' : `${plan.year} ${plan.journal}`;
  let group = ofDb.get(key);
  if (!group) ofDb.set(key, (group = new GroupCommit((items) => insertUnderNextNumbers(db, items))));
  return group;
}

/**
 * A document with no files whose steps keep nothing, given a number of its journal: one row in a
 * statement that is its own transaction, shared with whatever registrations of the same journal
 * arrive meanwhile (group commit). With what the steps keep in the statement (`kept`: an appeal's
 * rows, its control-log entry and event) the statement is its own, not shared: the control log's
 * lock is taken once per statement. Whatever fails rolls the number back with it; a key already
 * on file and a case not in the nomenclature are told by the constraint that refused the row, as
 * the transaction's own checks tell them.
 */
async function registerAlone(deps: PipelineDeps, sub: DocumentSubmission, plan: Plan, now: Date, doc: documents.NewDocument, kept: StepFiled[]): Promise<RegisterOutcome> {
  const event = acceptedEvent(sub, { id: doc.id, status: 'registered', receivedAt: sub.receivedAt, urgency: doc.urgency }, null, now);
  const item: Alone = { doc, registration: { journal: plan.journal, year: plan.year, case: plan.case, date: plan.date, index: unnumberedIndex(deps.routing.indexTemplate, plan), event } };
  try {
    const card = kept.length
      ? (await insertUnderNextNumbers(deps.db, [item], kept.flatMap((k) => k.parts)))[0] as DocumentCard
      : await groupOf(deps.db, plan).submit(item);
    for (const k of kept) k.committed?.();
    return { outcome: 'created', card };
  } catch (err) {
    if (violates(err, '23505', 'documents_source_external_id_key')) return onFile(deps.db, sub, doc.inputSha256);
    if (violates(err, '23503', 'documents_case_fk')) await requireCase(deps.db, plan);
    throw err;
  }
}

/** What the keeping steps keep, each as parts of the registering statement; undefined when one of them cannot. */
function keptInStatement(keeping: IntakeStep[], sub: DocumentSubmission, findings: Map<string, unknown>, ctx: StepContext, documentId: string): StepFiled[] | undefined {
  const kept: StepFiled[] = [];
  for (const step of keeping) {
    const filed = step.filed?.(sub, findings.get(step.name), ctx, documentId);
    if (!filed) return undefined;
    kept.push(filed);
  }
  return kept;
}

/**
 * Registers one validated submission: once per (source, externalId) — a repeat returns the card
 * already on file — decided registered or not (003 §157, §179), numbered in its journal, announced.
 *
 * Shaped by the journal counter's row lock (issue 16, src/store/counters.ts): from the draw to the
 * commit every registration of that journal waits, so the number is drawn last. A document with
 * nothing to write but itself (no files, nothing a step keeps, no number of its own) is one row of
 * a statement shared with whatever registrations of its journal arrive meanwhile (registerAlone:
 * the lock held across no round trip, one commit for many); one with no files whose steps can say
 * what they keep in SQL (an appeal: its rows, log entry and event) is one statement of its own;
 * anything else is a transaction of its own in which everything that does not need the number
 * comes before it (registerInTransaction).
 */
export async function registerSubmission(deps: PipelineDeps, sub: DocumentSubmission, traceId?: string, inputSha256?: string): Promise<RegisterOutcome> {
  const attachments = decodeAttachments(sub.attachments);
  const now = deps.clock.now();
  // The steps log with the input's traceId, so every line of one input can be found together.
  const ctx: StepContext = { clock: deps.clock, log: traceId ? deps.log.child({ traceId }) : deps.log };
  const steps = deps.steps ?? [];
  const findings = new Map<string, unknown>();
  for (const step of steps) if (step.check) findings.set(step.name, await step.check(sub, ctx));
  const own = ownNumberOf(sub);

  const keeping = steps.filter((s) => (s.onStored || s.onAccepted) && (s.keeps?.(sub, findings.get(s.name)) ?? true));
  // No files, no number of its own: one statement, if what the steps keep can be written by it too.
  // (A kind with no journal is refused in the transaction, once a repeat's card has been looked for.)
  const plan = !attachments.length && !own && deps.routing.kinds[sub.kind] ? planOf(deps, sub, own, now) : undefined;
  let result: RegisterOutcome | undefined;
  if (plan?.registrable) {
    const doc = newDocument(sub, inputSha256);
    const kept = keptInStatement(keeping, sub, findings, ctx, doc.id);
    if (kept) result = await registerAlone(deps, sub, plan, now, doc, kept);
  }
  result ??= await deps.db.tx((q) => registerInTransaction(q, deps, sub, { attachments, own, now, inputSha256, steps: stepsOf(deps, sub, ctx, findings) }));
  if (result.outcome === 'created') deps.onEventsCommitted?.();
  return result;
}

/** The steps' hooks for one submission, with what each step found for it. */
function stepsOf(deps: PipelineDeps, sub: DocumentSubmission, ctx: StepContext, findings: Map<string, unknown>) {
  const steps = deps.steps ?? [];
  return {
    stored: async (q: Queryable, documentId: string) => {
      for (const step of steps) await step.onStored?.(q, documentId, sub, ctx, findings.get(step.name));
    },
    accepted: async (q: Queryable, documentId: string, registration: Registration | null) => {
      for (const step of steps) await step.onAccepted?.(q, { documentId, registration }, sub, ctx, findings.get(step.name));
    },
  };
}

/**
 * The registration of a document with more to write than itself (files, what the steps keep, a
 * number of its own, or none), in a transaction: the document once per key, its files, what the
 * steps keep, the case checked, the card read, and only then the number, with the registration
 * and the event in one statement, and what the steps record of the registration.
 */
async function registerInTransaction(
  q: Queryable, deps: PipelineDeps, sub: DocumentSubmission,
  { attachments, own, now, inputSha256, steps }: { attachments: documents.NewAttachment[]; own: OwnNumber | undefined; now: Date; inputSha256: string | undefined; steps: ReturnType<typeof stepsOf> },
): Promise<RegisterOutcome> {
  const id = await documents.insertDocumentOnce(q, newDocument(sub, inputSha256), 'not-registered');
  if (!id) return onFile(q, sub, inputSha256);
  const plan = planOf(deps, sub, own, now);
  await documents.insertAttachments(q, id, attachments);
  await steps.stored(q, id);

  if (!plan.registrable) {
    await documents.setNotRegistered(q, id, plan.exemption);
    await steps.accepted(q, id, null);
    const card = (await documents.getCard(q, id)) as DocumentCard;
    await outbox.appendEvent(q, acceptedEvent(sub, card, null, now));
    return { outcome: 'created', card };
  }

  await requireCase(q, plan);
  // The card as it will be but for the registration, read before the number is drawn.
  const unnumbered = (await documents.getCard(q, id)) as DocumentCard;
  const registered: DocumentCard = { ...unnumbered, status: 'registered' };
  let registration: Registration;
  if (own) {
    registration = await keepOwnRegistration(q, plan, own);
    await documents.setRegistration(q, id, registration);
    await outbox.appendEvent(q, acceptedEvent(sub, registered, registration, now));
  } else {
    // The last statement but the steps' (none for most documents): the number, the document
    // filed under it, its event; the counter's lock is held from here to the commit.
    const event = acceptedEvent(sub, registered, null, now);
    registration = await registerUnderNextNumber(q, { documentId: id, journal: plan.journal, year: plan.year, case: plan.case, date: plan.date, index: unnumberedIndex(deps.routing.indexTemplate, plan), event });
  }
  await steps.accepted(q, id, registration);
  return { outcome: 'created', card: { ...registered, registration } };
}
