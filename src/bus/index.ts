export { BusConnection } from './connection';
export { InboundConsumer } from './consumer';
export type { ConsumerOptions } from './consumer';
export { OutboxRelay } from './relay';
export { TOPOLOGY, declareTopology, parseRoutingKey, queueArguments, type QueueType } from './topology';
export { ConnectorDelivery, deliveryQueue, outboundRoutingKey, type DeliveringConnector } from './delivery';
