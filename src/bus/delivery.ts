import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Logger } from '../log';
import type { HubEvent } from '../schemas';
import type { BusConnection } from './connection';
import { queueArguments, TOPOLOGY } from './topology';

/** What delivery needs of a connector: its name and its outbound mapping (connectors/connector.ts). */
export interface DeliveringConnector {
  name: string;
  /** A Promise when the message is read from the store (СЕВ ОВВ outgoing documents: issue 18). */
  outbound(event: HubEvent): OutboundMessages | Promise<OutboundMessages>;
  /** After the broker confirmed the event's messages; a failure is logged, the messages having gone. */
  published?(event: HubEvent): Promise<void>;
}

type OutboundMessages = Array<{ destination: string; contentType: string; body: Buffer; messageId: string }>;

/** The durable queue on dilovod.events that feeds one connector's outbound mapping. */
export function deliveryQueue(connector: string): string {
  return `dilovod.deliver.${connector}`;
}

/** Routing key on dilovod.outbound: `<connector>.<destination>`, so each system binds its own. */
export function outboundRoutingKey(connector: string, destination: string): string {
  return `${connector}.${destination}`;
}

/**
 * The door out to external systems (ARCHITECTURE: "connectors deliver ◀── dilovod.events"): each
 * delivering connector has its own durable queue bound to every event; an event is mapped by the
 * connector (receipts to СЕВ ОВВ, statuses to a hotline centre, answers to a petition platform)
 * and the messages are published to dilovod.outbound with publisher confirms. The event is acked
 * only after the broker confirmed every message, so a crash repeats a delivery at most, and the
 * message ids are name-based on the event id, so the receiver can drop the repeat. An event the
 * mapping cannot handle is dead-lettered (dilovod.dlx) with the reason, never retried in a loop
 * and never blocking the events behind it.
 */
export class ConnectorDelivery {
  constructor(
    private readonly bus: BusConnection,
    private readonly connectors: readonly DeliveringConnector[],
    private readonly log: Logger,
    private readonly prefetch = 16,
  ) {
    if (connectors.length) bus.onSetup((model) => this.attach(model));
  }

  private async attach(model: ChannelModel): Promise<void> {
    const ch = await model.createConfirmChannel();
    ch.on('error', (err) => this.log.warn({ err: err.message }, 'помилка каналу доставки / delivery channel error'));
    await ch.prefetch(this.prefetch);
    for (const connector of this.connectors) {
      const queue = deliveryQueue(connector.name);
      await ch.assertQueue(queue, { durable: true, arguments: queueArguments(this.bus.queueType) });
      await ch.bindQueue(queue, TOPOLOGY.eventsExchange, '#');
      await ch.consume(queue, (msg) => {
        if (msg) void this.handle(ch, connector, msg);
      }, { noAck: false });
    }
  }

  private async handle(ch: ConfirmChannel, connector: DeliveringConnector, msg: ConsumeMessage): Promise<void> {
    // Only ids and types are logged: events never carry personal data, mapped messages may.
    const log = this.log.child({ connector: connector.name, eventId: msg.properties.messageId, eventType: msg.fields.routingKey });
    let messages: OutboundMessages;
    let event: HubEvent | undefined;
    try {
      event = JSON.parse(msg.content.toString('utf8')) as HubEvent;
      messages = await connector.outbound(event);
    } catch (err) {
      log.error({ err: (err as Error).message }, 'не вдалося перетворити подію для конектора; її відкладено в dead-letter / outbound mapping failed; event dead-lettered');
      try {
        ch.nack(msg, false, false);
      } catch {
        // The channel closed meanwhile: the broker redelivers the event and it fails here again.
      }
      return;
    }
    try {
      for (const m of messages) {
        ch.publish(TOPOLOGY.outboundExchange, outboundRoutingKey(connector.name, m.destination), m.body, {
          persistent: true,
          contentType: m.contentType,
          messageId: m.messageId,
          headers: { connector: connector.name, eventId: msg.properties.messageId, eventType: msg.fields.routingKey },
        });
      }
      if (messages.length) await ch.waitForConfirms();
      ch.ack(msg);
      if (messages.length) log.info({ messages: messages.length }, 'доставлено конектору / delivered');
      // After the ack: a slow database must not hold it (a channel lost meanwhile would send the addressee a second copy).
      if (messages.length && connector.published) void this.recordPublished(connector.published, event, log);
    } catch (err) {
      // The channel or the broker went away: the event is still unacked and comes back on recovery.
      log.warn({ err: (err as Error).message }, 'доставку не підтверджено; подію буде доставлено повторно / delivery not confirmed; the event will be redelivered');
    }
  }

  /**
   * The broker holds the messages and the event is acked: a failure here is logged, since
   * delivering the event again would send the addressee a second copy for the sake of a timestamp
   * on the hub's card.
   */
  private async recordPublished(published: (event: HubEvent) => Promise<void>, event: HubEvent, log: Logger): Promise<void> {
    try {
      await published(event);
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'надіслане не позначено як підтверджене брокером / publication not recorded');
    }
  }
}
