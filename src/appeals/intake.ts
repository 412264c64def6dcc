/**
 * Intake of an appeal in the pipeline: decide (before the registering transaction) and keep
 * (inside it). The rules are the pure domain's (`decideIntake`: 003 §99-108, §112, §131, §134);
 * here are the earlier appeals on file, the hub's date and the council's working-day calendar.
 */
import { appendAudit } from '../audit';
import type { AuditRecord } from '../domain/audit';
import { addWorkingDays, CalendarCoverageError, type WorkingDayCalendar } from '../domain/calendar';
import {
  appealKeys, decideIntake, DEFAULT_CLASSIFIER, fingerprintApplicant, summaryStems,
  type AppealClassifier, type AppealIntake, type ApplicantFingerprint, type IntakeContext,
} from '../domain/appeals';
import { kyivDate } from '../domain/clock';
import { computeTerm, type TermOptions } from '../domain/terms';
import { infoRequestIntake } from '../domain/info-requests';
import type { DocumentSubmission, Registration } from '../schemas';
import { outbox, type FiledPart, type Queryable } from '../store';
import { appealCtes, insertAppeal, type AppealKind, type NewAppeal } from '../store/appeals';
import { auditInsert } from '../store/audit';
import { StoredArchive } from './archive';
import { appealCardOf, checkAppealSubmission, type IntakeCard } from './card';
import { appealError } from './errors';

/** Who the control log names for what intake decided by rule, with no person involved. */
export const INTAKE_ACTOR = 'dilovod-intake';

export interface AppealIntakeSettings {
  calendar: WorkingDayCalendar;
  classifier?: AppealClassifier;
  /** The council's term options (roll, rule overrides), as for `dilovod term`; defaults when absent. */
  termOptions?: TermOptions;
}

export interface AppealFinding extends IntakeCard {
  kind: AppealKind;
  intake: AppealIntake;
  fingerprints: ApplicantFingerprint[];
  stems: string[];
  keys: string[];
}

/** The rules' outside world: the date, the calendar, and the hub's term rules (src/domain/terms) for the terms intake sets. */
export function intakeContext(today: string, calendar: WorkingDayCalendar, termOptions?: TermOptions): IntakeContext {
  return {
    today,
    addWorkingDays: (date, n) => addWorkingDays(calendar, date, n),
    termOf(rule, from) {
      const r = computeTerm({ rule, from, calendar, options: termOptions });
      return { term: r.term, basis: r.basis, amount: r.amount, unit: r.unit };
    },
  };
}

/**
 * Checks the submission (subtype, receipt not in the future), reads the card, looks up the earlier
 * appeals under its keys and runs every intake rule. `now` is the hub's clock, or its Kyiv date
 * (then a receipt is "in the future" only on a later date).
 */
export async function decideAppeal(q: Queryable, sub: DocumentSubmission & { kind: AppealKind }, now: Date | string, settings: AppealIntakeSettings): Promise<AppealFinding> {
  const today = typeof now === 'string' ? now : kyivDate(now);
  checkAppealSubmission(sub, now);
  const classifier = settings.classifier ?? DEFAULT_CLASSIFIER;
  const found = appealCardOf(sub, classifier);
  const fingerprints = found.card.applicants.map(fingerprintApplicant);
  const keys = appealKeys(fingerprints);
  const earlier = await StoredArchive.load(q, keys);
  let intake: AppealIntake;
  try {
    // A public-information request follows Law 2939-VI ст. 19-22, not ст. 5, 8 of the appeals law (src/domain/info-requests/intake.ts).
    intake = sub.kind === 'info-request' ? infoRequestIntake(sub, found.card) : decideIntake({ card: found.card, competence: found.competence, fingerprints }, intakeContext(today, settings.calendar, settings.termOptions), earlier, { classifier });
  } catch (err) {
    if (err instanceof CalendarCoverageError) {
      throw appealError('APPEAL_CALENDAR_NOT_COVERED', { calendar: err.calendar, date: err.date, covers: err.covers, problemUk: err.messageUk });
    }
    throw err;
  }
  return { ...found, kind: sub.kind, intake, fingerprints, stems: summaryStems(found.card.summary), keys };
}

/** What the control log and the event say of intake: no names, addresses or contacts (001 §2.2.13). */
export function intakeSummary(f: Pick<AppealFinding, 'intake' | 'cardSource' | 'kind'>): Record<string, unknown> {
  const i = f.intake;
  return {
    kind: f.kind,
    cardSource: f.cardSource,
    status: i.status,
    recurrence: i.recurrence,
    mark: i.mark,
    linkedTo: i.linkedTo,
    needsReview: i.needsReview,
    form: i.form,
    routeTo: i.routeTo,
    priority: i.priority,
    mandatoryControl: i.mandatoryControl,
    counted: i.counted,
    decisions: i.decisions.map((d) => ({ decision: d.decision, rule: d.rule, basis: d.basis })),
  };
}

/** The appeal as the store keeps it: the card with the document's id (and index, when it is known here). */
function newAppeal(f: AppealFinding, documentId: string, registrationIndex?: string): NewAppeal {
  const card = { ...f.card, id: documentId, ...(registrationIndex ? { registrationIndex } : {}) };
  return { documentId, kind: f.kind, cardSource: f.cardSource, card, intake: f.intake, fingerprints: f.fingerprints, stems: f.stems, keys: f.keys };
}

type KeptDocument = { documentId: string; source: string; externalId: string; now: Date };

/** The control-log entry of intake: by 'dilovod-intake', no personal data. */
function intakeEntry(doc: KeptDocument, summary: Record<string, unknown>): AuditRecord {
  return { at: doc.now.toISOString(), actor: INTAKE_ACTOR, action: 'appeal.intake-decided', documentId: doc.documentId, before: null, after: summary, reason: null };
}

function intakeEvent(f: AppealFinding, doc: KeptDocument, registration: Registration | null, summary: Record<string, unknown>): outbox.OutboxEvent {
  return outbox.documentEvent({
    id: doc.documentId, source: doc.source, externalId: doc.externalId, kind: f.kind, status: 'registered', registration,
  }, 'appeal.intake-decided', doc.now, summary);
}

/**
 * Keeps the appeal in the registering transaction: the row, its keys and decisions, a control-log
 * entry by 'dilovod-intake' and the `appeal.intake-decided` event.
 */
export async function keepAppeal(q: Queryable, f: AppealFinding, doc: KeptDocument & { registration: Registration }): Promise<void> {
  await insertAppeal(q, newAppeal(f, doc.documentId, doc.registration.index));
  const summary = intakeSummary(f);
  await appendAudit(q, intakeEntry(doc, summary));
  await outbox.appendEvent(q, intakeEvent(f, doc, doc.registration, summary));
}

/**
 * The same, as a part of the statement that registers the document (src/store/counters.ts
 * FiledPart): the index from the numbered row, the event's registration too (issue 16).
 */
export function appealFiledPart(f: AppealFinding, doc: KeptDocument): FiledPart {
  const summary = intakeSummary(f);
  return {
    name: 'appeal',
    ctes: (bind) => [
      ...appealCtes(bind, newAppeal(f, doc.documentId), 'filed.reg_index'),
      `appeal_logged AS (${auditInsert(bind, intakeEntry(doc, summary))})`,
    ],
    events: [intakeEvent(f, doc, null, summary)],
  };
}
