/**
 * The e-petition's life (Law «Про звернення громадян» art. 23-1), pure: every input is a platform
 * snapshot, a day passing, a resolution or an answer; every change is a transition naming the rule
 * it rests on. The date, the instant and the calendar are arguments.
 *
 *   collecting ──votes ≥ threshold──▶ threshold-reached ──resolution──▶ under-consideration ──answer──▶ answered
 *        └──collection ended below──▶ below-threshold ───┘ (as a collective appeal, 000 / 002)
 *
 * A snapshot never moves a petition back: an older one, or one with fewer votes than known, is stale.
 */
import { kyivDate } from '../clock';
import { computeTerm } from '../terms';
import { PETITION_RULES } from './bases';
import type {
  PetitionContext, PetitionEvent, PetitionRecord, PetitionSnapshot, PetitionState, PetitionStep, PetitionTransition,
} from './types';

type Rule = { rule: string; basis: string };

function transition(from: PetitionState | null, to: PetitionState, on: string, ctx: PetitionContext, r: Rule, reasonUk: string, details?: Record<string, unknown>): PetitionTransition {
  return { from, to, at: ctx.now.toISOString(), on, rule: r.rule, basis: r.basis, reasonUk, ...(details ? { details } : {}) };
}

/** The collection has ended: its last day is past, or the platform closed it (possibly early). */
function collectionEnd(s: PetitionSnapshot, today: string): string | null {
  if (today > s.collectionEndsOn) return s.collectionEndsOn;
  if (s.platformState !== 'collecting') {
    const closed = kyivDate(new Date(s.capturedAt));
    return closed < s.collectionEndsOn ? closed : s.collectionEndsOn;
  }
  return null;
}

/**
 * The day the threshold was reached: the platform's own date when the export has it; else, for a
 * collection already over (an export that arrives late, an archive), its end — the signatures
 * were collected by then (art. 23-1); else the day the hub sees it.
 */
function thresholdReachedOn(s: PetitionSnapshot, today: string): string {
  if (s.thresholdReachedAt) return kyivDate(new Date(s.thresholdReachedAt));
  return collectionEnd(s, today) ?? today;
}

/**
 * The receipt date of a petition due for registration (Law «Про звернення громадян» art. 23-1):
 * considered as a petition, the day the threshold was reached (the transition into
 * threshold-reached is dated by it); below the threshold, as a collective appeal, the last day of
 * collection (003 §113, §134). Never the day the hub happens to register it: a 2018 petition
 * belongs to the 2018 report and its 2018 answer is not «before receipt». Null when not due.
 */
export function petitionReceivedOn(record: Pick<PetitionRecord, 'state' | 'collectionEndedOn'>, transitions: readonly PetitionTransition[]): string | null {
  if (record.state === 'below-threshold') return record.collectionEndedOn;
  if (record.state === 'threshold-reached') return [...transitions].reverse().find((t) => t.to === 'threshold-reached')?.on ?? null;
  return null;
}

/** While collecting: the threshold reached wins; otherwise the end of collection registers it as a collective appeal. */
function decideCollecting(record: PetitionRecord, ctx: PetitionContext): PetitionStep | null {
  if (record.state !== 'collecting') return null;
  const s = record.snapshot;
  const counts = { votes: s.votes, threshold: s.threshold, thresholdSource: s.thresholdSource, collectionEndsOn: s.collectionEndsOn };
  if (s.votes >= s.threshold) {
    const reachedOn = thresholdReachedOn(s, ctx.today);
    const t = transition('collecting', 'threshold-reached', reachedOn, ctx, PETITION_RULES.thresholdReached,
      `Петиція набрала ${s.votes} з ${s.threshold} необхідних підписів (${reachedOn}): реєструється і розглядається як електронна петиція; дата надходження — ${reachedOn} (ст. 23-1 Закону «Про звернення громадян»)`,
      { ...counts, thresholdReachedOn: reachedOn });
    return { outcome: 'updated', record: { ...record, state: 'threshold-reached', consideredAs: 'petition' }, transitions: [t] };
  }
  const ended = collectionEnd(s, ctx.today);
  if (ended === null) return null;
  const t = transition('collecting', 'below-threshold', ctx.today, ctx, PETITION_RULES.belowThreshold,
    `Збір підписів завершився ${ended}, петиція набрала ${s.votes} з ${s.threshold}: реєструється і розглядається як колективне звернення`,
    { ...counts, collectionEndedOn: ended, form: 'collective' });
  return {
    outcome: 'updated',
    record: { ...record, state: 'below-threshold', consideredAs: 'collective-appeal', collectionEndedOn: ended },
    transitions: [t],
  };
}

function newRecord(snapshot: PetitionSnapshot): PetitionRecord {
  return {
    platformId: snapshot.platformId, state: 'collecting', consideredAs: null, snapshot, collectionEndedOn: null,
    considerationStartedOn: null, term: null, termRule: null, answeredOn: null, result: null, outgoingIndex: null,
  };
}

/** Canonical JSON (keys sorted, undefined dropped): a snapshot delivered twice compares equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function onSnapshot(record: PetitionRecord | null, snapshot: PetitionSnapshot, ctx: PetitionContext): PetitionStep {
  if (!record) {
    const created = newRecord(snapshot);
    const t = transition(null, 'collecting', snapshot.publishedOn, ctx, PETITION_RULES.published,
      `Петицію оприлюднено ${snapshot.publishedOn}; збір підписів до ${snapshot.collectionEndsOn} (${snapshot.votes} з ${snapshot.threshold})`,
      { votes: snapshot.votes, threshold: snapshot.threshold, thresholdSource: snapshot.thresholdSource, collectionEndsOn: snapshot.collectionEndsOn });
    const next = decideCollecting(created, ctx);
    return { outcome: 'created', record: next?.record ?? created, transitions: [t, ...(next?.transitions ?? [])] };
  }
  if (snapshot.platformId !== record.platformId) throw new Error(`snapshot of ${snapshot.platformId} applied to ${record.platformId}`);
  const known = record.snapshot;
  if (canonical(known) === canonical(snapshot)) return { outcome: 'unchanged', record, transitions: [] };
  if (Date.parse(snapshot.capturedAt) < Date.parse(known.capturedAt) || snapshot.votes < known.votes) {
    return { outcome: 'stale', record, transitions: [] };
  }
  const updated = { ...record, snapshot };
  const next = decideCollecting(updated, ctx);
  return next ?? { outcome: 'updated', record: updated, transitions: [] };
}

function onResolution(record: PetitionRecord, e: Extract<PetitionEvent, { type: 'resolution' }>, ctx: PetitionContext): PetitionStep {
  if (record.state !== 'threshold-reached' && record.state !== 'below-threshold') return { outcome: 'unchanged', record, transitions: [] };
  const from = record.state;
  let term: string;
  let termRule: 'petition' | 'appeal';
  let t: PetitionTransition;
  if (from === 'threshold-reached') {
    // Art. 23-1: 10 working days from the day consideration starts, on the council's calendar.
    term = computeTerm({ rule: 'petition', from: e.resolutionDate, calendar: ctx.calendar }).term;
    termRule = 'petition';
    t = transition(from, 'under-consideration', e.resolutionDate, ctx, PETITION_RULES.considerationStarted,
      `Розгляд петиції розпочато ${e.resolutionDate}; строк — до ${term} (10 робочих днів)`,
      { startedOn: e.resolutionDate, term, termRule, controlTerm: e.controlTerm });
  } else {
    // A collective appeal: the control card's term (Law art. 20: one month from receipt).
    term = e.controlTerm;
    termRule = 'appeal';
    t = transition(from, 'under-consideration', e.resolutionDate, ctx, PETITION_RULES.appealConsiderationStarted,
      `Колективне звернення (петиція, що не набрала підписів) передано на розгляд ${e.resolutionDate}; строк — до ${term}`,
      { startedOn: e.resolutionDate, term, termRule });
  }
  return {
    outcome: 'updated',
    record: { ...record, state: 'under-consideration', considerationStartedOn: e.resolutionDate, term, termRule },
    transitions: [t],
  };
}

/** «Залишено на контролі» is not an answer: the petition stays under consideration. */
const NOT_AN_ANSWER = new Set(['on-control']);

function onAnswer(record: PetitionRecord, e: Extract<PetitionEvent, { type: 'answer' }>, ctx: PetitionContext): PetitionStep {
  const open = record.state === 'threshold-reached' || record.state === 'below-threshold' || record.state === 'under-consideration';
  if (!open || NOT_AN_ANSWER.has(e.result)) return { outcome: 'unchanged', record, transitions: [] };
  const asAppeal = record.consideredAs === 'collective-appeal';
  const t = transition(record.state, 'answered', e.answeredOn, ctx, asAppeal ? PETITION_RULES.appealAnswered : PETITION_RULES.answered,
    `Відповідь надано ${e.answeredOn}${e.outgoingIndex ? ` (вих. № ${e.outgoingIndex})` : ''}`,
    { result: e.result, answeredOn: e.answeredOn, outgoingIndex: e.outgoingIndex, ...(record.term ? { term: record.term, onTime: e.answeredOn <= record.term } : {}) });
  return {
    outcome: 'updated',
    record: { ...record, state: 'answered', answeredOn: e.answeredOn, result: e.result, outgoingIndex: e.outgoingIndex },
    transitions: [t],
  };
}

/**
 * Applies one event. A petition starts with its first snapshot; the other events need a record.
 * Returns the next record and the transitions it took (none when nothing applies).
 */
export function applyPetitionEvent(record: PetitionRecord | null, event: PetitionEvent, ctx: PetitionContext): PetitionStep {
  if (event.type === 'snapshot') return onSnapshot(record, event.snapshot, ctx);
  if (!record) throw new Error(`a ${event.type} event needs a petition on file`);
  switch (event.type) {
    case 'day':
      return decideCollecting(record, ctx) ?? { outcome: 'unchanged', record, transitions: [] };
    case 'resolution':
      return onResolution(record, event, ctx);
    case 'answer':
      return onAnswer(record, event, ctx);
  }
}

/** Registered on the transition out of collecting, with the subtype the term rule reads (src/control/terms.ts). */
export function awaitsRegistration(state: PetitionState): boolean {
  return state === 'threshold-reached' || state === 'below-threshold';
}
