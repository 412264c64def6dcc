import type { Db } from '../store';
import { outbox } from '../store';
import type { Logger } from '../log';
import type { Clock } from '../domain/clock';
import type { BusConnection } from './connection';
import { backoffMs, sleep } from './backoff';
import { TOPOLOGY } from './topology';

/** Only one relay publishes at a time across hub processes, which keeps events in outbox order. */
const RELAY_LOCK = 704_117_002;
const BATCH = 200;

/**
 * Publishes outbox rows to dilovod.events with publisher confirms, in seq order, and marks them
 * published only after the broker confirmed them. At least once: a crash between confirm and
 * commit publishes the batch again, and consumers dedupe on eventId.
 */
export class OutboxRelay {
  private running = false;
  private wake?: () => void;
  private loop?: Promise<void>;

  constructor(
    private readonly db: Db,
    private readonly bus: BusConnection,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  /** Publishes one batch; returns how many events went out (0 when idle, away, or not the leader). */
  async publishBatch(): Promise<number> {
    const ch = this.bus.publishChannel();
    if (!ch) return 0;
    return this.db.tx(async (q) => {
      const [lock] = await q.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [RELAY_LOCK]);
      if (!lock?.ok) return 0;
      const batch = await outbox.takePending(q, BATCH);
      if (!batch.length) return 0;
      for (const ev of batch) {
        const body = { ...ev.payload, eventId: ev.eventId, sequence: ev.seq };
        ch.publish(TOPOLOGY.eventsExchange, ev.type, Buffer.from(JSON.stringify(body)), {
          persistent: true,
          contentType: 'application/json',
          messageId: ev.eventId,
          type: ev.type,
          headers: { documentId: ev.payload['documentId'], sequence: ev.seq },
        });
      }
      await ch.waitForConfirms();
      await outbox.markPublished(q, batch.map((e) => e.seq), this.clock.now());
      return batch.length;
    });
  }

  /** Publish soon: called after a commit that wrote events. */
  nudge(): void {
    this.wake?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.publishBatch();
        failures = 0;
      } catch (err) {
        this.log.warn({ err: (err as Error).message, failures }, 'не вдалося надіслати події з outbox; повторимо / outbox relay failed; will retry');
        await sleep(backoffMs(failures++, 5000));
        continue;
      }
      if (sent === BATCH) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.intervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Before a graceful stop: publish what is still in the outbox, while the broker is there, up to `timeoutMs`. */
  async flush(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      try {
        if ((await this.publishBatch()) === 0) {
          if ((await outbox.countPending(this.db)) === 0) return;
          await sleep(50); // another process holds the relay: give it a moment
        }
      } catch {
        return;
      }
      if (!this.bus.publishChannel()) return;
    }
  }
}
