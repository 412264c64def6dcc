export { BusConnection } from './connection';
export { InboundConsumer } from './consumer';
export type { ConsumerOptions } from './consumer';
export { OutboxRelay } from './relay';
export { TOPOLOGY, declareTopology, parseRoutingKey } from './topology';
export { ConnectorDelivery, deliveryQueue, outboundRoutingKey, type DeliveringConnector } from './delivery';
