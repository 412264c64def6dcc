import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { HubError, isTransient } from '../errors';
import { acceptInput, knownFormats, quarantineFailure, type Envelope, type IntakeResult, type PipelineDeps } from '../pipeline';
import { offloads } from '../workers';
import type { BusConnection } from './connection';
import { backoffMs, sleep } from './backoff';
import { shareLargeContent } from './shared-content';
import { parseRoutingKey, TOPOLOGY } from './topology';

export interface ConsumerOptions {
  prefetch: number;
  /** Unexpected errors are retried this many times, then the message goes to quarantine. */
  maxUnexpectedAttempts?: number;
  /** Which sources each broker user may publish (Config.amqpPublishers); '*' = any. */
  publishers?: Record<string, string[] | '*'>;
  /**
   * Commands (routing key `<source>.command`, connectors/edms): run instead of the pipeline. A
   * HubError it throws is permanent (quarantined); anything else is retried like the pipeline's.
   */
  onCommand?: (c: { envelope: Envelope; headers: Record<string, unknown> }) => Promise<void>;
  /** Test seam: runs after the pipeline committed and before the ack (to simulate a crash there). */
  afterCommit?: (result: IntakeResult) => Promise<void> | void;
}

/**
 * What the publisher may submit: RabbitMQ refuses a `user_id` property that differs from the
 * connection's user, so `user_id` names who really published. A message without one, or from a
 * user not in AMQP_PUBLISHERS, may submit for no source (quarantined as SOURCE_NOT_ALLOWED).
 */
function allowedFor(userId: string | undefined, publishers: Record<string, string[] | '*'> | undefined): readonly string[] | undefined {
  if (!publishers) return undefined;
  const allowed = userId !== undefined && Object.hasOwn(publishers, userId) ? publishers[userId] : [];
  return allowed === '*' ? undefined : allowed;
}

function envelopeOf(msg: ConsumeMessage, publishers: Record<string, string[] | '*'> | undefined): Envelope {
  const { source, formats } = parseRoutingKey(msg.fields.routingKey);
  const known = new Set(knownFormats());
  const format = formats.find((f) => known.has(f)) ?? formats[formats.length - 1] ?? 'json';
  const messageId = typeof msg.properties.messageId === 'string' && msg.properties.messageId ? msg.properties.messageId : undefined;
  const userId = typeof msg.properties.userId === 'string' && msg.properties.userId ? msg.properties.userId : undefined;
  const allowedSources = allowedFor(userId, publishers);
  return {
    channel: 'amqp',
    payload: msg.content,
    format,
    contentType: msg.properties.contentType,
    routingKey: msg.fields.routingKey,
    messageId,
    sourceHint: source,
    ...(allowedSources ? { allowedSources } : {}),
    ...(userId ? { publishedBy: userId } : {}),
    receivedAt: new Date(),
    traceId: messageId ?? randomUUID(),
  };
}

/**
 * Consumes dilovod.inbound with manual acks and bounded prefetch. Ack only after the database
 * commit; a rejected message is nacked without requeue, so it moves to dilovod.dlx, and is kept
 * in quarantine; a transient failure (database down) is retried with back-off and never
 * quarantined. If the process dies before the ack, the broker redelivers and the idempotency key
 * makes the repeat harmless.
 */
export class InboundConsumer {
  private stopping = false;
  /** This process's consumers (one per connect) and the messages being handled now. */
  private readonly consumers: Array<{ ch: Channel; tag: string }> = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly bus: BusConnection, private readonly deps: PipelineDeps, private readonly opts: ConsumerOptions) {
    bus.onSetup((model) => this.attach(model));
  }

  private async attach(model: ChannelModel): Promise<void> {
    const ch = await model.createChannel();
    // A body a worker will decode is read into shared memory as it arrives (issue 14).
    shareLargeContent(ch, offloads);
    ch.on('error', (err) => this.deps.log.warn({ err: err.message }, 'помилка каналу приймання / consumer channel error'));
    await ch.prefetch(this.opts.prefetch);
    const { consumerTag } = await ch.consume(TOPOLOGY.inboundQueue, (msg) => {
      if (!msg) return;
      const handled = this.handle(ch, msg).finally(() => this.inFlight.delete(handled));
      this.inFlight.add(handled);
    }, { noAck: false });
    this.consumers.push({ ch, tag: consumerTag });
  }

  private async handle(ch: Channel, msg: ConsumeMessage): Promise<void> {
    const env = envelopeOf(msg, this.opts.publishers);
    const log = this.deps.log.child({ traceId: env.traceId, routingKey: env.routingKey, redelivered: msg.fields.redelivered });
    const maxUnexpected = this.opts.maxUnexpectedAttempts ?? 3;
    let unexpected = 0;
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        if (this.opts.onCommand && env.format === 'command') {
          try {
            await this.opts.onCommand({ envelope: env, headers: msg.properties.headers ?? {} });
            this.settle(ch, msg, true);
          } catch (err) {
            if (!(err instanceof HubError) || isTransient(err)) throw err;
            await quarantineFailure(this.deps, env, err);
            this.settle(ch, msg, false);
          }
          return;
        }
        const result = await acceptInput(this.deps, env);
        await this.opts.afterCommit?.(result);
        this.settle(ch, msg, result.status !== 'rejected');
        return;
      } catch (err) {
        if (isTransient(err)) {
          log.warn({ err: (err as Error).message, attempt }, 'тимчасовий збій; повторюємо з паузою / transient failure; retrying with back-off');
          await sleep(backoffMs(attempt));
          continue;
        }
        unexpected++;
        log.error({ err: (err as Error).message, attempt: unexpected }, 'неочікуваний збій під час обробки повідомлення / unexpected failure processing message');
        if (unexpected < maxUnexpected) {
          await sleep(backoffMs(attempt));
          continue;
        }
        try {
          await quarantineFailure(this.deps, env, HubError.of('INTERNAL_ERROR', { error: (err as Error).message }));
          this.settle(ch, msg, false);
        } catch (qErr) {
          // Even the quarantine write failed (database gone): hand the message back to the queue after a
          // pause, never hold it unsettled (issue 14: stranded messages took prefetch slots until a restart).
          log.error({ err: (qErr as Error).message }, 'не вдалося покласти в карантин; повідомлення повернуто в чергу / could not quarantine; message returned to the queue');
          await sleep(backoffMs(attempt));
          this.requeue(ch, msg);
        }
        return;
      }
    }
  }

  private requeue(ch: Channel, msg: ConsumeMessage): void {
    try {
      ch.nack(msg, false, true);
    } catch {
      // The channel is gone: the broker redelivers the message anyway.
    }
  }

  private settle(ch: Channel, msg: ConsumeMessage, ok: boolean): void {
    try {
      if (ok) ch.ack(msg);
      else ch.nack(msg, false, false);
    } catch (err) {
      // The channel died after the commit: the broker will redeliver and the repeat registers once.
      this.deps.log.warn({ err: (err as Error).message }, 'не вдалося підтвердити повідомлення; його буде доставлено повторно / could not settle message; it will be redelivered');
    }
  }

  /**
   * Graceful stop: no new messages (basic.cancel), then the ones in hand are finished and acked,
   * up to `timeoutMs`; one still waiting for the database gives up and stays unacked, so the broker
   * hands it to another process. Nothing is lost either way.
   */
  async drain(timeoutMs: number): Promise<void> {
    for (const { ch, tag } of this.consumers.splice(0)) await ch.cancel(tag).catch(() => undefined);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([Promise.all([...this.inFlight]), deadline]);
    this.stopping = true;
  }

  stop(): void {
    this.stopping = true;
  }
}
