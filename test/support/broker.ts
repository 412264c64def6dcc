import amqp, { type Channel, type ChannelModel, type ConsumeMessage, type GetMessage } from 'amqplib';
import { TOPOLOGY, declareTopology, type QueueType } from '../../src/bus';
import { waitFor } from './wait';

export interface EventTap {
  events: Array<Record<string, any>>;
  messages: ConsumeMessage[];
  forDocument(id: string): Array<Record<string, any>>;
}

/** A test-side AMQP client: publishes to dilovod.inbound and records what dilovod.events carries. */
export class TestBroker {
  private conn?: ChannelModel;
  ch!: Channel;

  /** queueType: as the hub's AMQP_QUEUE_TYPE (a queue is declared with the type it was made with). */
  constructor(private readonly url: string, private readonly queueType: QueueType = 'classic') {}

  async open(): Promise<void> {
    this.conn = await amqp.connect(this.url);
    // A broker restart closes this connection; that is expected in tests, not a crash.
    this.conn.on('error', () => undefined);
    this.ch = await this.conn.createChannel();
    this.ch.on('error', () => undefined);
    await declareTopology(this.ch, this.queueType);
  }

  publish(routingKey: string, body: unknown, props: { messageId?: string; userId?: string } = {}): void {
    const content = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    // user_id: RabbitMQ checks it against the connection's user; the hub allows sources by it (AMQP_PUBLISHERS).
    this.ch.publish(TOPOLOGY.inboundExchange, routingKey, content, { persistent: true, contentType: 'application/json', userId: 'guest', ...props });
  }

  /** What an external system's gateway binds on dilovod.outbound (e.g. `sev-ovv.#`): each message pushed into `into`. */
  async tapOutbound(pattern: string, into: ConsumeMessage[]): Promise<void> {
    const { queue } = await this.ch.assertQueue('', { exclusive: true });
    await this.ch.bindQueue(queue, TOPOLOGY.outboundExchange, pattern);
    await this.ch.consume(queue, (m) => m && into.push(m), { noAck: true });
  }

  /** A private queue on dilovod.events; returns the collected events. */
  async tapEvents(): Promise<EventTap> {
    const { queue } = await this.ch.assertQueue('', { exclusive: true });
    await this.ch.bindQueue(queue, TOPOLOGY.eventsExchange, '#');
    const tap: EventTap = {
      events: [],
      messages: [],
      forDocument: (id) => tap.events.filter((e) => e.documentId === id),
    };
    await this.ch.consume(queue, (msg) => {
      if (!msg) return;
      tap.messages.push(msg);
      tap.events.push(JSON.parse(msg.content.toString('utf8')));
    }, { noAck: true });
    return tap;
  }

  async deadLettered(): Promise<GetMessage[]> {
    const out: GetMessage[] = [];
    for (;;) {
      const m = await this.ch.get(TOPOLOGY.deadLetterQueue, { noAck: true });
      if (!m) return out;
      out.push(m);
    }
  }

  async waitDeadLettered(n: number): Promise<GetMessage[]> {
    const got: GetMessage[] = [];
    await waitFor(async () => {
      got.push(...(await this.deadLettered()));
      return got.length >= n;
    }, `${n} dead-lettered message(s)`);
    return got;
  }

  async close(): Promise<void> {
    await this.conn?.close().catch(() => undefined);
  }
}
