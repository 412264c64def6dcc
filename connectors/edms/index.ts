/**
 * The council's EDMS (issue 11): signed webhooks out (Standard Webhooks), from the change feed
 * through a queue per subscription in the database. README.md beside this file says how to connect one.
 */
export { signDelivery, newSecret, type SignedHeaders } from './signing';
export {
  createSubscription, ensureConfiguredSubscriptions, listSubscriptions, getSubscription, setStatus, rotateSecret, deleteSubscription, signingSecrets,
  type Subscription, type SubscriptionStatus,
} from './subscriptions';
export { listDeliveries, replayFailed, retryDelayMs, RETRY_WINDOW_MS, type DeliveryView } from './deliveries';
export { WebhookDispatcher, type DispatcherOptions } from './dispatcher';
export { amqpCommandHandler, type AmqpCommand } from './commands-in';
export { reconcile, type ReconcileReport } from './reconcile';
