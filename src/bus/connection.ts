import amqp, { Channel, ChannelModel, ConfirmChannel, RecoveringChannelModel } from 'amqplib';
import type { Logger } from '../log';
import { declareTopology, TOPOLOGY, type QueueType } from './topology';

/** Hooks run on every (re)connect with a fresh channel model. */
export type SetupHook = (model: ChannelModel) => Promise<void>;

/**
 * One broker connection per hub process, recovered by amqplib's own opt-in recovery (exponential
 * back-off with jitter) rather than a hand-written loop. On each connect the topology is declared
 * again, a confirm channel is opened for publishing, and the setup hooks (consumers) run.
 */
export class BusConnection {
  private model?: RecoveringChannelModel;
  private publisher?: ConfirmChannel;
  private readonly hooks: SetupHook[] = [];
  private connected = false;
  /** A channel of its own for `answers()`'s round trips, and the round trip still under way. */
  private probe?: Channel;
  private probing?: Promise<boolean>;

  constructor(private readonly url: string, private readonly log: Logger, readonly queueType: QueueType = 'classic') {}

  onSetup(hook: SetupHook): void {
    this.hooks.push(hook);
  }

  async start(): Promise<void> {
    this.model = await amqp.connect(this.url, {
      recovery: {
        initialDelay: 200,
        maxDelay: 5000,
        maxRetries: Infinity,
        waitForConnect: false,
        setup: async (model: ChannelModel) => {
          const ch: Channel = await model.createChannel();
          await declareTopology(ch, this.queueType);
          await ch.close();
          const publisher = await model.createConfirmChannel();
          publisher.on('error', (err) => this.log.warn({ err: err.message }, 'помилка каналу надсилання до брокера / publisher channel error'));
          publisher.on('close', () => {
            if (this.publisher === publisher) this.publisher = undefined;
          });
          this.publisher = publisher;
          // Opened now, so /readyz's first round trip is one round trip (answers()).
          this.probe = await this.openProbe(model);
          for (const hook of this.hooks) await hook(model);
          this.connected = true;
        },
      },
    });
    this.model.on('connect', () => this.log.info('зʼєднання з брокером встановлено / broker connected'));
    this.model.on('disconnect', (err: Error) => {
      this.connected = false;
      this.publisher = undefined;
      this.probe = undefined;
      this.log.warn({ err: err?.message }, 'зʼєднання з брокером втрачено; відновлюємо / broker disconnected; recovering');
    });
    this.model.on('error', (err: Error) => this.log.warn({ err: err.message }, 'помилка зʼєднання з брокером / broker connection error'));
  }

  isConnected(): boolean {
    return this.connected && this.publisher !== undefined;
  }

  /**
   * Whether the broker answers now, not only whether the socket is open: a stalled broker (no
   * reset, nothing passes) keeps the connection "up" until amqplib's heartbeat gives up after two
   * intervals — two minutes with RabbitMQ's default — and /readyz said ready all that time while no
   * message moved (issue 14). One round trip, a passive declare of the events exchange on a channel
   * of its own; while one is still unanswered, callers share it instead of piling up more. The
   * caller bounds the wait (/readyz: 0.8 s); the answer comes when the broker moves again.
   */
  answers(): Promise<boolean> {
    if (!this.isConnected() || !this.model) return Promise.resolve(false);
    const model = this.model;
    this.probing ??= (async () => {
      try {
        this.probe ??= await this.openProbe(model);
        await this.probe.checkExchange(TOPOLOGY.eventsExchange);
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  private async openProbe(model: Pick<ChannelModel, 'createChannel'>): Promise<Channel> {
    const ch = await model.createChannel();
    ch.on('error', () => undefined);
    ch.on('close', () => {
      if (this.probe === ch) this.probe = undefined;
    });
    return ch;
  }

  /** The confirm channel for publishing, or undefined while the broker is away. */
  publishChannel(): ConfirmChannel | undefined {
    return this.isConnected() ? this.publisher : undefined;
  }

  /**
   * Messages waiting in each named queue (for /metrics), on a channel of its own: a queue that is
   * not there closes that channel only, never the one the relay publishes on. Absent queues are left out.
   */
  async queueDepths(names: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    if (!this.model || !this.connected) return out;
    for (const name of names) {
      const ch = await this.model.createChannel();
      ch.on('error', () => undefined);
      try {
        out[name] = (await ch.checkQueue(name)).messageCount;
        await ch.close();
      } catch {
        // Not declared (a connector that does not deliver here): nothing to report.
      }
    }
    return out;
  }

  async close(): Promise<void> {
    this.connected = false;
    const model = this.model;
    this.model = undefined;
    if (model) await model.close().catch(() => undefined);
  }
}
