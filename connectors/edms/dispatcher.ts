/**
 * Sends the EDMS its webhooks: each pass turns new changes into deliveries for every active
 * subscription, then sends what is due, a bounded number at once, each signed per Standard
 * Webhooks. Every hub process runs one; leases and row locks keep them from sending one delivery
 * twice at the same time (a crash between the send and the record repeats it at most: the EDMS
 * dedupes on webhook-id).
 */
import type { Clock } from '../../src/domain/clock';
import type { Logger } from '../../src/log';
import { Periodic } from '../../src/periodic';
import type { Db } from '../../src/store';
import { claimDue, materialize, recordAttempts, type AttemptOutcome, type ClaimedDelivery } from './deliveries';
import { signDelivery } from './signing';
import { activeSubscriptions, signingSecrets } from './subscriptions';

export interface DispatcherOptions {
  intervalMs: number;
  /** One attempt's limit; the lease on a claimed delivery is a little longer. */
  timeoutMs: number;
  /** Deliveries sent at once by this process. */
  concurrency: number;
  /** The first retry's delay; each next one doubles, up to 720 times it. */
  retryBaseMs: number;
}

export class WebhookDispatcher {
  private readonly periodic: Periodic;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: DispatcherOptions,
  ) {
    this.periodic = new Periodic(() => this.pass(), log, opts.intervalMs, 'webhook pass failed; retrying next interval');
  }

  start(): void {
    this.periodic.start();
  }

  /** Told after each pass whether it succeeded (for /metrics). */
  observe(fn: (ok: boolean) => void): void {
    this.periodic.observe = fn;
  }

  /** Events were committed: look at once rather than at the next interval. */
  nudge(): void {
    this.periodic.nudge();
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** One pass: all new changes turned into deliveries, then everything due sent. Returns how many were sent. */
  async pass(): Promise<number> {
    const subscriptions = await activeSubscriptions(this.db);
    // Nudged at every commit: with nobody subscribed, one query and nothing more.
    if (!subscriptions.length) return 0;
    for (const sub of subscriptions) {
      while ((await materialize(this.db, sub, this.clock.now())) > 0);
    }
    let sent = 0;
    for (;;) {
      // A few rounds' worth at a time, sent by `concurrency` workers, recorded in one transaction.
      // The lease outlasts the batch even if every send in it times out (4 rounds of `concurrency`).
      const batch = await claimDue(this.db, this.clock.now(), this.opts.timeoutMs * 5, this.opts.concurrency * 4);
      if (!batch.length) return sent;
      const done: Array<{ delivery: ClaimedDelivery; outcome: AttemptOutcome }> = [];
      let next = 0;
      await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, batch.length) }, async () => {
        for (let i = next++; i < batch.length; i = next++) done.push({ delivery: batch[i]!, outcome: await this.send(batch[i]!) });
      }));
      const results = await recordAttempts(this.db, done, this.clock.now(), this.opts.retryBaseMs);
      done.forEach(({ delivery, outcome }, i) => this.logResult(delivery, outcome, results[i]!));
      sent += batch.length;
    }
  }

  private async send(d: ClaimedDelivery): Promise<AttemptOutcome> {
    const at = this.clock.now();
    const headers = signDelivery(d.eventId, at, d.body, signingSecrets(d, at));
    const started = process.hrtime.bigint();
    let outcome: AttemptOutcome;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'dilovod-webhooks', ...headers },
        body: d.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      outcome = { status: res.status, latencyMs: Number((process.hrtime.bigint() - started) / 1_000_000n), error: res.ok ? null : `HTTP ${res.status}` };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      outcome = { status: null, latencyMs: Number((process.hrtime.bigint() - started) / 1_000_000n), error: e.name === 'TimeoutError' ? 'timeout' : e.cause?.code ?? e.message };
    }
    return outcome;
  }

  private logResult(d: ClaimedDelivery, outcome: AttemptOutcome, result: string): void {
    // Ids, codes and timings only: the body may name an applicant.
    const line = { subscriptionId: d.subscriptionId, deliveryId: d.id, eventId: d.eventId, status: outcome.status, ms: outcome.latencyMs, result };
    if (result === 'delivered') this.log.debug(line, 'webhook delivered');
    else this.log.warn({ ...line, error: outcome.error }, result === 'failed' ? 'вебхук не доставлено за весь час повторів; відкладено / webhook parked as failed after its retry window' : 'вебхук не прийнято / webhook not accepted');
  }
}
