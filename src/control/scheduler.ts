import { kyivDate, type Clock } from '../domain/clock';
import type { ControlCard } from '../domain/control';
import type { Logger } from '../log';
import { Periodic } from '../periodic';
import { documents, outbox, type Db } from '../store';
import * as store from '../store/control';
import { cardEventData } from './events';

const BATCH = 500;

/**
 * Raises control.due-soon once per card and term when its reminder day comes (003 §117), and
 * control.overdue once when its term has passed. Safe with several hub processes: a notice is a
 * row with a primary key (card, kind, term), inserted in the same transaction as its event, so
 * only the process that inserted it announces it. An extension gives a new term, hence a new
 * reminder.
 */
export class ControlScheduler {
  private readonly periodic: Periodic;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly intervalMs: number,
    private readonly onEventsCommitted?: () => void,
  ) {
    this.periodic = new Periodic(() => this.tick(), log, intervalMs, 'control scheduler pass failed');
  }

  /** One pass; returns the notices this process raised. */
  async tick(): Promise<{ dueSoon: number; overdue: number }> {
    const today = kyivDate(this.clock.now());
    const dueSoon = await this.raise('due-soon', today);
    const overdue = await this.raise('overdue', today);
    if (dueSoon + overdue) {
      this.log.info({ dueSoon, overdue, today }, 'надіслано нагадування про строки контролю / control notices raised');
      this.onEventsCommitted?.();
    }
    return { dueSoon, overdue };
  }

  private async raise(kind: 'due-soon' | 'overdue', today: string): Promise<number> {
    let raised = 0;
    for (;;) {
      const cards = await store.cardsNeedingNotice(this.db, kind, today, BATCH);
      if (!cards.length) return raised;
      for (const card of cards) if (await this.notify(card, kind)) raised++;
      if (cards.length < BATCH) return raised;
    }
  }

  private async notify(card: ControlCard, kind: 'due-soon' | 'overdue'): Promise<boolean> {
    return this.db.tx(async (q) => {
      if (!(await store.recordNotice(q, card.id, kind, card.term))) return false;
      const doc = await documents.getCard(q, card.documentId);
      if (!doc) return false;
      await outbox.appendDocumentEvent(q, doc, `control.${kind}`, this.clock.now(), {
        ...cardEventData(card), reminderOn: card.reminderOn, responsible: card.executors[0] ?? null,
      });
      return true;
    });
  }

  start(): void {
    this.periodic.start();
  }

  /** Told after each pass whether it succeeded (for /metrics). */
  observe(fn: (ok: boolean) => void): void {
    this.periodic.observe = fn;
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
