import type { Channel } from 'amqplib';

/** The broker contract (README, "AMQP"): names other systems rely on. */
export const TOPOLOGY = {
  inboundExchange: 'dilovod.inbound',
  inboundQueue: 'dilovod.inbound',
  eventsExchange: 'dilovod.events',
  deadLetterExchange: 'dilovod.dlx',
  deadLetterQueue: 'dilovod.dead-letter',
  /** Messages for external systems, mapped by connectors: routing key `<connector>.<destination>`. */
  outboundExchange: 'dilovod.outbound',
} as const;

export type QueueType = 'classic' | 'quorum';

/**
 * The arguments of every queue the hub declares: dead-lettered to dilovod.dlx (but the dead-letter
 * queue itself), of the configured type (AMQP_QUEUE_TYPE). A declaration must repeat the type a
 * quorum queue was made with, or the broker refuses it (PRECONDITION_FAILED); a classic queue is
 * declared as it always was, with no type, so the queues of an installation from before the
 * setting are declared the same.
 */
export function queueArguments(type: QueueType, deadLetter = true): Record<string, string> {
  return { ...(type === 'quorum' ? { 'x-queue-type': 'quorum' } : {}), ...(deadLetter ? { 'x-dead-letter-exchange': TOPOLOGY.deadLetterExchange } : {}) };
}

/** Idempotent: every hub process declares the same durable topology on every (re)connect. */
export async function declareTopology(ch: Channel, queueType: QueueType = 'classic'): Promise<void> {
  await ch.assertExchange(TOPOLOGY.inboundExchange, 'topic', { durable: true });
  await ch.assertExchange(TOPOLOGY.eventsExchange, 'topic', { durable: true });
  await ch.assertExchange(TOPOLOGY.deadLetterExchange, 'topic', { durable: true });
  await ch.assertExchange(TOPOLOGY.outboundExchange, 'topic', { durable: true });
  await ch.assertQueue(TOPOLOGY.deadLetterQueue, { durable: true, arguments: queueArguments(queueType, false) });
  await ch.bindQueue(TOPOLOGY.deadLetterQueue, TOPOLOGY.deadLetterExchange, '#');
  await ch.assertQueue(TOPOLOGY.inboundQueue, { durable: true, arguments: queueArguments(queueType) });
  await ch.bindQueue(TOPOLOGY.inboundQueue, TOPOLOGY.inboundExchange, '#');
}

/** `<source>.<format>` → the source and the decoder to try (`sev-ovv.xml`, else `xml`). */
export function parseRoutingKey(routingKey: string): { source?: string; formats: string[] } {
  const dot = routingKey.indexOf('.');
  if (dot <= 0) return { formats: ['json'] };
  const source = routingKey.slice(0, dot);
  const format = routingKey.slice(dot + 1);
  return { source, formats: [routingKey, format] };
}
