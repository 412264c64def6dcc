import { controlError } from './errors';
import type { AnswerResult, ControlCard, ExtensionRecord } from './types';

/** Dates that follow from a term on the working-day calendar (reminder, co-executors, extension ask). */
export interface DerivedDates {
  reminderOn: string;
  coExecutorsDue: string | null;
  extensionDeadline: string;
}

/** What the lifecycle needs from outside: the instant, its Kyiv date, and the calendar's derivations. */
export interface ControlContext {
  now: Date;
  today: string;
  derive(term: string): DerivedDates;
  /**
   * The last day an appeal received on that date may be kept to: 45 days in total (Law "Про
   * звернення громадян" art. 20; 003 §113), counted by the terms module's `appeal-cap` rule.
   */
  appealCap(receivedOn: string): string;
  /**
   * A public-information request's document: the last day its term may reach — 20 working days
   * from receipt (Закон «Про доступ до публічної інформації», ст. 20 ч. 4), or the 48-hour term
   * itself for an urgent one, which is not extended (ст. 20 ч. 2). Absent for other documents.
   */
  infoRequestCap?: InfoRequestCap | null;
  /**
   * ЦК ст. 254 ч. 5: a term whose last day is a day off ends on the next working day (or the
   * previous one where the council chose so), never on or before `after`. Applied to a term given
   * as a date in an extension (a resolution's term is moved when it is computed). Absent: not moved.
   */
  rollTerm?(term: string, after: string): string;
}

export interface InfoRequestCap {
  cap: string;
  receivedOn: string;
  urgent: boolean;
  basis: string;
}

export interface AssignInput {
  id: string;
  documentId: string;
  resolutionNo: number;
  author: string;
  controller?: string;
  executors: string[];
  task: string;
  resolutionDate: string;
  term: string;
  rule: string;
  basis: string;
  appealReceivedOn?: string | null;
  /**
   * Whether the 45 days of art. 20 cap this term (default: whenever appealReceivedOn is given).
   * Not for an e-petition considered as a petition: its 10 working days run from the start of its
   * consideration (Law on appeals art. 23-1), however long ago collection ended.
   */
  appealTermCapped?: boolean;
  /** The document's registration date: the resolution is made on the registered document (003 §157). */
  registrationDate?: string | null;
}

/** A resolution puts the item under control with its executors and term (003 §157, §114). */
export function assign(input: AssignInput, ctx: ControlContext): ControlCard {
  const executors = input.executors.map((e) => e.trim()).filter(Boolean);
  if (!executors.length) throw controlError('NO_EXECUTORS');
  // 003 §157: the resolution names the document's registration index and date, so it follows registration.
  if (input.registrationDate && input.resolutionDate < input.registrationDate) {
    throw controlError('RESOLUTION_BEFORE_REGISTRATION', { resolutionDate: input.resolutionDate, registrationDate: input.registrationDate });
  }
  if (input.term < input.resolutionDate) throw controlError('TERM_BEFORE_RESOLUTION', { term: input.term, resolutionDate: input.resolutionDate });
  // Law «Про звернення громадян» art. 20 ч. 1: 45 days in total is the cap of any term an appeal gets, a resolution's too.
  if (input.appealReceivedOn && input.appealTermCapped !== false) {
    const cap = ctx.appealCap(input.appealReceivedOn);
    if (input.term > cap) throw controlError('APPEAL_TERM_BEYOND_CAP', { term: input.term, cap, receivedOn: input.appealReceivedOn });
  }
  const derived = ctx.derive(input.term);
  return {
    id: input.id,
    documentId: input.documentId,
    resolutionNo: input.resolutionNo,
    version: 1,
    author: input.author,
    controller: input.controller ?? input.author,
    termSetBy: input.author,
    executors,
    task: input.task,
    resolutionDate: input.resolutionDate,
    rule: input.rule,
    basis: input.basis,
    term: input.term,
    originalTerm: input.term,
    ...derived,
    appealReceivedOn: input.appealReceivedOn ?? null,
    ...freshControl(),
  };
}

type FreshControl = Pick<ControlCard, 'status' | 'interimAnswers' | 'pendingExtension' | 'extensions' | 'execution' | 'releasedAt' | 'releasedBy' | 'releasedStandingInFor'>;

/** What a card is put under control with, whoever puts it there: nothing answered, asked, executed or released yet. */
export function freshControl(): FreshControl {
  return { status: 'under-control', interimAnswers: [], pendingExtension: null, extensions: [], execution: null, releasedAt: null, releasedBy: null, releasedStandingInFor: null };
}

function requireUnderControl(card: ControlCard): void {
  if (card.status !== 'under-control') throw controlError('NOT_UNDER_CONTROL', { status: card.status });
}

function requireExecutor(card: ControlCard, by: string): void {
  if (!card.executors.includes(by)) throw controlError('NOT_AN_EXECUTOR', { by, executors: card.executors });
}

/** ЦК ст. 254 ч. 5: the term moved off a day off, when the context knows the calendar. */
export function rolled(term: string, after: string, ctx: ControlContext): string {
  return ctx.rollTerm ? ctx.rollTerm(term, after) : term;
}

/**
 * 003 §80, §111, §157, §159: the responsible executor — named first in the resolution — answers;
 * co-executors hand their part over to them (as an interim answer on the card), never execute it.
 */
function requireResponsibleExecutor(card: ControlCard, by: string): void {
  const responsible = card.executors[0];
  if (by !== responsible) {
    throw controlError('NOT_RESPONSIBLE_EXECUTOR', { by, responsible, coExecutorsDue: card.coExecutorsDue });
  }
}

/**
 * The last day the council may give a task the sender put under control: the sender's term as the
 * calendar ended it, which a card of the sender's control keeps as its originalTerm (sender-card.ts);
 * null on every other card.
 */
export function senderTermOf(card: Pick<ControlCard, 'senderControl' | 'originalTerm'>): string | null {
  return card.senderControl ? card.originalTerm : null;
}

function checkCap(card: ControlCard, newTerm: string, ctx: ControlContext): void {
  // A term the sender set is the sender's to change (003 п. 158, 172; sender-card.ts).
  const senderTerm = senderTermOf(card);
  if (senderTerm && newTerm > senderTerm) throw controlError('EXTENSION_BEYOND_SENDER_TERM', { newTerm, senderTerm });
  const cap = card.appealReceivedOn ? ctx.appealCap(card.appealReceivedOn) : null;
  if (cap && newTerm > cap) throw controlError('EXTENSION_BEYOND_CAP', { newTerm, cap, receivedOn: card.appealReceivedOn });
  const info = ctx.infoRequestCap;
  if (info && newTerm > info.cap) {
    const code = info.urgent ? 'INFO_REQUEST_URGENT_NOT_EXTENDABLE' : 'INFO_REQUEST_EXTENSION_BEYOND_CAP';
    throw controlError(code, { newTerm, cap: info.cap, receivedOn: info.receivedOn, capBasis: info.basis });
  }
}

/** The executor asks for more time: in time (003 §158), later than now, within the appeal cap. */
export function requestExtension(card: ControlCard, req: { by: string; newTerm: string; reason: string }, ctx: ControlContext): ControlCard {
  requireUnderControl(card);
  requireExecutor(card, req.by);
  if (card.pendingExtension) throw controlError('EXTENSION_PENDING');
  if (ctx.today > card.extensionDeadline) {
    throw controlError('EXTENSION_TOO_LATE', { today: ctx.today, deadline: card.extensionDeadline, term: card.term });
  }
  // The date asked is kept as asked; the checks see it as the law ends it (ЦК ст. 254 ч. 5).
  const effective = rolled(req.newTerm, card.term, ctx);
  if (effective <= card.term) throw controlError('EXTENSION_NOT_LATER', { newTerm: req.newTerm, term: card.term });
  checkCap(card, effective, ctx);
  return {
    ...card,
    pendingExtension: { requestedAt: ctx.now.toISOString(), requestedOn: ctx.today, by: req.by, newTerm: req.newTerm, reason: req.reason },
  };
}

/** Who set the term decides (003 §158); a grant moves the term and every date derived from it. */
export function decideExtension(
  card: ControlCard,
  d: { by: string; standingInFor?: string; granted: boolean; term?: string; reason?: string },
  ctx: ControlContext,
): ControlCard {
  requireUnderControl(card);
  const request = card.pendingExtension;
  if (!request) throw controlError('NO_EXTENSION_REQUEST');
  const acting = d.standingInFor ?? d.by;
  if (acting !== card.termSetBy) throw controlError('EXTENSION_NOT_BY_TERM_SETTER', { by: d.by, termSetBy: card.termSetBy });
  const record: ExtensionRecord = {
    ...request,
    decidedAt: ctx.now.toISOString(),
    decidedBy: d.by,
    granted: d.granted,
    ...(d.reason ? { decisionReason: d.reason } : {}),
  };
  if (!d.granted) return { ...card, pendingExtension: null, extensions: [...card.extensions, record] };
  // A granted date on a day off ends on the next working day (ЦК ст. 254 ч. 5); the record keeps the date asked.
  const term = rolled(d.term ?? request.newTerm, card.term, ctx);
  if (term <= card.term) throw controlError('EXTENSION_NOT_LATER', { newTerm: term, term: card.term });
  checkCap(card, term, ctx);
  record.term = term;
  return { ...card, term, ...ctx.derive(term), pendingExtension: null, extensions: [...card.extensions, record] };
}

/**
 * A term moved by a rule of law rather than by an executor's request: a public-information
 * request extended to 20 working days (Закон «Про доступ до публічної інформації», ст. 20 ч. 4).
 * Recorded in the card's extensions as granted by who extended it; the rule, basis and every
 * derived date follow the new term. An executor's pending request stays to be decided.
 */
export function moveTermByLaw(
  card: ControlCard,
  m: { by: string; term: string; rule: string; basis: string; reason: string },
  ctx: ControlContext,
): ControlCard {
  requireUnderControl(card);
  if (m.term <= card.term) throw controlError('EXTENSION_NOT_LATER', { newTerm: m.term, term: card.term });
  const at = ctx.now.toISOString();
  const record: ExtensionRecord = {
    requestedAt: at, requestedOn: ctx.today, by: m.by, newTerm: m.term, reason: m.reason,
    decidedAt: at, decidedBy: m.by, granted: true, term: m.term, decisionReason: m.basis,
  };
  return { ...card, term: m.term, rule: m.rule, basis: m.basis, ...ctx.derive(m.term), extensions: [...card.extensions, record] };
}

/** An interim answer is recorded; the item stays under control (003 §119). */
export function giveInterimAnswer(card: ControlCard, a: { by: string; text: string }, ctx: ControlContext): ControlCard {
  requireUnderControl(card);
  requireExecutor(card, a.by);
  return { ...card, interimAnswers: [...card.interimAnswers, { at: ctx.now.toISOString(), by: a.by, text: a.text }] };
}

/** Executed only with an answer on the merits to the correspondent (003 §160), by the responsible executor (003 §80, §159). */
export function execute(
  card: ControlCard,
  e: { by: string; answer: { summary: string; outgoingIndex?: string; result?: AnswerResult }; onMerits: boolean },
  ctx: ControlContext,
): ControlCard {
  requireUnderControl(card);
  requireExecutor(card, e.by);
  requireResponsibleExecutor(card, e.by);
  if (!e.onMerits || !e.answer.summary.trim()) throw controlError('ANSWER_REQUIRED');
  if (e.answer.result === 'on-control') throw controlError('ANSWER_REQUIRED', { result: e.answer.result });
  return { ...card, status: 'executed', execution: { at: ctx.now.toISOString(), on: ctx.today, by: e.by, answer: e.answer } };
}

/** Released only after execution, by who put it under control or who stands in (003 §118, §174, §196). */
export function release(card: ControlCard, r: { by: string; standingInFor?: string }, ctx: ControlContext): ControlCard {
  if (card.status === 'released') throw controlError('NOT_UNDER_CONTROL', { status: card.status });
  if (card.status !== 'executed' || !card.execution) throw controlError('RELEASE_WITHOUT_ANSWER');
  const acting = r.standingInFor ?? r.by;
  if (acting !== card.controller) throw controlError('RELEASE_NOT_BY_CONTROLLER', { by: r.by, controller: card.controller });
  return { ...card, status: 'released', releasedAt: ctx.now.toISOString(), releasedBy: r.by, releasedStandingInFor: r.standingInFor ?? null };
}

/** Overdue is derived, never stored: still under control after the term's last day. */
export function isOverdue(card: ControlCard, today: string): boolean {
  return card.status === 'under-control' && today > card.term;
}

/** Executed after the term: counts as late in the executive-discipline report (003 §117). */
export function wasLate(card: ControlCard): boolean {
  return card.execution !== null && card.execution.on > card.term;
}
