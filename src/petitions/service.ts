import type { Principal } from '../identity';
/**
 * E-petitions over the store (Law «Про звернення громадян» art. 23-1): platform exports in, the
 * pure state machine (src/domain/petitions) decides, the registering transition goes through the
 * pipeline's single entry, and the daily check ends collections, registers what is due and
 * follows registered petitions to their resolution and answer.
 */
import { decodePetitionExport, loadEPetitionsConfig, PETITION_SOURCE, type EPetitionsConfig } from '../../connectors/e-petitions';
import { ConfigError } from '../config';
import type { WorkingDayCalendar } from '../domain/calendar';
import { addDays, kyivDate, kyivDayStart, type Clock } from '../domain/clock';
import {
  applyPetitionEvent, awaitsRegistration, petitionReceivedOn, type PetitionContext, type PetitionEvent, type PetitionRecord, type PetitionStep,
} from '../domain/petitions';
import { HubError } from '../errors';
import type { Logger } from '../log';
import { acceptInput, quarantineFailure, type PipelineDeps } from '../pipeline';
import type { Envelope } from '../pipeline';
import type { PetitionIntakeResult, PetitionTransition, PetitionView } from '../schemas';
import type { Db, Queryable } from '../store';
import { getAppeal } from '../store/appeals';
import { cardsOfDocument } from '../store/control';
import * as store from '../store/petitions';
import { petitionError } from './errors';
import { petitionSubmission } from './submission';
import { petitionView } from './view';

export interface PetitionServiceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  /** The pipeline a due petition is registered through (acceptInput). */
  pipeline: PipelineDeps;
  /** The council's working-day calendar: the petition's term (art. 23-1: 10 working days). */
  calendar: WorkingDayCalendar;
  /** PETITION_* settings; read on each export by default (cheap, never stale). */
  config?: () => EPetitionsConfig;
}

export type PetitionIntake =
  | { status: 'accepted'; result: PetitionIntakeResult }
  | { status: 'rejected'; error: HubError; quarantineId: string };

const CHECK_BATCH = 200;
export const PETITION_FORMAT = 'e-petitions.json';

/** The platform id an export names, for the quarantine row, when it can be read at all. */
function platformIdOf(payload: Buffer): string | null {
  try {
    const raw = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
    return typeof raw.community === 'string' && (typeof raw.id === 'string' || typeof raw.id === 'number') ? `${raw.community}/${raw.id}`.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/**
 * The instant a petition is registered as received (Law «Про звернення громадян» art. 23-1): on its
 * receipt date (petitionReceivedOn: the threshold reached, or the end of collection). The
 * platform's own instant of the threshold when it gave one; the hub's instant of the transition
 * when that fell on the same day (a live petition); otherwise the last moment of that Kyiv day,
 * when the collection was over. A function of what is on file, so a retry registers the same.
 */
export function petitionReceivedAt(p: store.StoredPetition, transitions: readonly PetitionTransition[], now: Date): string {
  const into = [...transitions].reverse().find((t) => t.to === p.state);
  const on = petitionReceivedOn(p, transitions);
  const seen = into?.at ?? now.toISOString();
  if (!on) return seen;
  const reached = p.snapshot.thresholdReachedAt;
  if (p.state === 'threshold-reached' && reached && kyivDate(new Date(reached)) === on && Date.parse(reached) <= now.getTime()) return reached;
  if (kyivDate(new Date(seen)) <= on) return seen;
  return new Date(Math.min(kyivDayStart(addDays(on, 1)).getTime() - 1000, now.getTime())).toISOString();
}

export class PetitionService {
  constructor(private readonly deps: PetitionServiceDeps) {}

  private context(): PetitionContext {
    const now = this.deps.clock.now();
    return { now, today: kyivDate(now), calendar: this.deps.calendar };
  }

  private config(): EPetitionsConfig {
    try {
      return (this.deps.config ?? loadEPetitionsConfig)();
    } catch (err) {
      if (err instanceof ConfigError) throw petitionError('PETITION_NOT_CONFIGURED', { variable: err.variable });
      throw err;
    }
  }

  /** Applies events to one petition under its row lock; saves what changed. */
  private async apply(q: Queryable, platformId: string, events: (before: store.StoredPetition | undefined) => PetitionEvent[]): Promise<PetitionStep[]> {
    // Two exports of a new petition at once: the advisory lock orders them, the row lock cannot yet.
    await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`petition:${platformId}`]);
    const before = await store.getPetition(q, platformId, { lock: true });
    const ctx = this.context();
    const steps: PetitionStep[] = [];
    let record: PetitionRecord | null = before ?? null;
    for (const event of events(before)) {
      const step = applyPetitionEvent(record, event, ctx);
      steps.push(step);
      record = step.record;
    }
    const changed = steps.filter((s) => s.outcome === 'created' || s.outcome === 'updated');
    if (record && changed.length) {
      await store.savePetition(q, record, ctx.now);
      await store.appendTransitions(q, platformId, changed.flatMap((s) => s.transitions));
    }
    return steps;
  }

  /**
   * One platform export (POST /api/v1/petitions): a malformed one is kept in quarantine with its
   * reason and answered with its code; a good one moves the petition and, at the registering
   * transition, registers it. The same export twice changes nothing.
   */
  async intake(payload: Buffer, door: { contentType?: string; traceId: string; viewer?: Principal }): Promise<PetitionIntake> {
    let snapshot;
    try {
      snapshot = decodePetitionExport(payload, this.config());
    } catch (err) {
      if (!(err instanceof HubError)) throw err;
      const env: Envelope = {
        channel: 'http', payload, format: PETITION_FORMAT, contentType: door.contentType, receivedAt: this.deps.clock.now(),
        traceId: door.traceId, sourceHint: PETITION_SOURCE,
      };
      const rejected = await quarantineFailure(this.deps.pipeline, env, err, { source: PETITION_SOURCE, externalId: platformIdOf(payload) ?? undefined });
      if (rejected.status !== 'rejected') throw err;
      return { status: 'rejected', error: rejected.error, quarantineId: rejected.quarantineId };
    }
    const id = snapshot.platformId;
    const [step] = await this.deps.db.tx((q) => this.apply(q, id, () => [{ type: 'snapshot', snapshot }]));
    await this.registerIfDue(id, door.traceId);
    const stored = (await store.getPetition(this.deps.db, id))!;
    this.deps.log.info({ traceId: door.traceId, platformId: id, outcome: step!.outcome, state: stored.state, votes: snapshot.votes }, 'petition snapshot applied');
    return { status: 'accepted', result: { outcome: step!.outcome, transitions: step!.transitions, petition: petitionView(stored, door.viewer) } };
  }

  /**
   * Registers a petition whose registering transition is on file and that has no document yet,
   * through acceptInput (externalId = platform id: a retry after a crash finds the same document).
   * A rejection is in quarantine; the daily check tries again.
   */
  private async registerIfDue(platformId: string, traceId: string): Promise<boolean> {
    const p = await store.getPetition(this.deps.db, platformId);
    if (!p || p.documentId || !awaitsRegistration(p.state)) return false;
    const transitions = await store.transitionsOf(this.deps.db, platformId);
    const sub = petitionSubmission(p, petitionReceivedAt(p, transitions, this.deps.clock.now()));
    const result = await acceptInput(this.deps.pipeline, {
      channel: 'connector', payload: Buffer.from(JSON.stringify(sub), 'utf8'), format: 'json', contentType: 'application/json',
      receivedAt: this.deps.clock.now(), traceId, sourceHint: PETITION_SOURCE,
    });
    // JSON is never a connector's own message (src/pipeline/own-messages.ts): a card or a refusal.
    if (result.status === 'applied') throw new Error('a petition submission was applied as a connector\'s own message');
    if (result.status === 'rejected') {
      this.deps.log.warn({ traceId, platformId, code: result.error.code, quarantineId: result.quarantineId }, 'petition registration rejected');
      return false;
    }
    await store.setRegistered(this.deps.db, platformId, { documentId: result.card.id, index: result.card.registration?.index ?? null, at: this.deps.clock.now() });
    this.deps.log.info({ traceId, platformId, documentId: result.card.id, index: result.card.registration?.index, consideredAs: p.consideredAs }, 'petition registered');
    return true;
  }

  /** The resolution and the answer on file for a registered petition, as state-machine events. */
  private async followUpEvents(q: Queryable, documentId: string): Promise<PetitionEvent[]> {
    const events: PetitionEvent[] = [];
    const [first] = (await cardsOfDocument(q, documentId)).sort((a, b) => a.resolutionNo - b.resolutionNo);
    if (first) events.push({ type: 'resolution', resolutionDate: first.resolutionDate, controlTerm: first.term });
    const appeal = await getAppeal(q, documentId);
    if (appeal?.result && appeal.answeredOn) {
      events.push({ type: 'answer', answeredOn: appeal.answeredOn, result: appeal.result, outgoingIndex: appeal.answer?.outgoingIndex ?? null });
    }
    return events;
  }

  /**
   * The check of one petition: has its collection ended (no snapshot needed), is it due for
   * registration, has a resolution started its consideration, has it been answered.
   */
  async check(platformId: string, traceId = 'petition-check'): Promise<{ transitions: number; registered: boolean }> {
    const steps = await this.deps.db.tx(async (q) => {
      const p = await store.getPetition(q, platformId);
      const follow = p?.documentId ? await this.followUpEvents(q, p.documentId) : [];
      return this.apply(q, platformId, (before) => (before ? [{ type: 'day' }, ...follow] : []));
    });
    const registered = await this.registerIfDue(platformId, traceId);
    return { transitions: steps.reduce((n, s) => n + s.transitions.length, 0), registered };
  }

  /** The daily check over every petition that may move; returns what it did. */
  async tick(): Promise<{ checked: number; transitions: number; registered: number }> {
    const today = this.context().today;
    const total = { checked: 0, transitions: 0, registered: 0 };
    let after = '';
    for (;;) {
      const ids = await store.petitionsToCheck(this.deps.db, today, after, CHECK_BATCH);
      for (const id of ids) {
        const r = await this.check(id);
        total.checked++;
        total.transitions += r.transitions;
        if (r.registered) total.registered++;
      }
      if (ids.length < CHECK_BATCH) break;
      after = ids[ids.length - 1]!;
    }
    if (total.transitions || total.registered) this.deps.log.info({ today, ...total }, 'petitions checked');
    return total;
  }

  async list(viewer: Principal | undefined, q: store.PetitionListQuery): Promise<PetitionView[]> {
    return (await store.listPetitions(this.deps.db, q)).map((p) => petitionView(p, viewer));
  }

  /**
   * One petition as it stands now: a registered one not yet answered is checked first, so a
   * resolution or an answer given a moment ago shows without waiting for the daily check.
   */
  async view(platformId: string, viewer: Principal | undefined): Promise<PetitionView> {
    const current = await store.getPetition(this.deps.db, platformId);
    const mayMove = !!current?.documentId && current.state !== 'answered';
    if (mayMove) await this.check(platformId, 'petition-view');
    const p = mayMove ? await store.getPetition(this.deps.db, platformId) : current;
    if (!p) throw petitionError('PETITION_NOT_FOUND', { platformId });
    return petitionView(p, viewer, { transitions: await store.transitionsOf(this.deps.db, platformId) });
  }
}
