// messaging runtime
export { createMessaging } from './messaging/create-messaging.js';
export type { Messaging } from './messaging/create-messaging.js';
export { DEFAULT_MESSAGING_OPTIONS, resolveMessagingOptions } from './messaging/messaging-options.js';
export type { MessagingOptions, ResolvedMessagingOptions } from './messaging/messaging-options.js';

// publishing
export { Publisher } from './publisher/publisher.js';
export type { PublishOptions, TraceContextProvider } from './publisher/publisher.js';

// subscriptions
export { Subscribe, defineSubscription, subscriptionsOf, SUBSCRIPTIONS } from './subscription/subscribe.js';
export type { SubscriptionMetadata } from './subscription/subscribe.js';
export {
  DEFAULT_SUBSCRIBE_OPTIONS,
  backoffDelay,
  resolveSubscribeOptions,
} from './subscription/subscription-options.js';
export type {
  BackoffOptions,
  ResolvedSubscribeOptions,
  SubscribeOptions,
} from './subscription/subscription-options.js';

// consumers
export type { MessageHandler } from './consumer/consumer-pipeline.js';
export type { MessageContext, TraceHeaders } from './consumer/message-context.js';
export { ConsumerMetrics } from './consumer/consumer-metrics.js';
export type { ConsumerCounts } from './consumer/consumer-metrics.js';

// messages
export { HEADERS } from './message/message.js';
export type { DeadLetter, DeadLetterReason, MessageEnvelope, MessageHeaders } from './message/message.js';

// transports
export type {
  Consumption,
  ConsumerSpec,
  Delivery,
  DeliveryHandler,
  MessageTransport,
} from './transport/message-transport.js';
export { InMemoryTransport } from './transport/in-memory-transport.js';

// RabbitMQ and NATS JetStream
export { RabbitMqTransport } from './rabbitmq/rabbitmq-transport.js';
export { DEFAULT_RABBITMQ_TRANSPORT_OPTIONS, resolveRabbitMqTransportOptions } from './rabbitmq/rabbitmq-options.js';
export type { RabbitMqTransportOptions, ResolvedRabbitMqTransportOptions } from './rabbitmq/rabbitmq-options.js';
export { JetStreamTransport } from './jetstream/jetstream-transport.js';
export {
  DEFAULT_JETSTREAM_TRANSPORT_OPTIONS,
  resolveJetStreamTransportOptions,
} from './jetstream/jetstream-options.js';
export type { JetStreamTransportOptions, ResolvedJetStreamTransportOptions } from './jetstream/jetstream-options.js';

// idempotency
export type { ClaimResult, IdempotencyStore } from './idempotency/idempotency-store.js';
export { InMemoryIdempotencyStore } from './idempotency/in-memory-idempotency-store.js';
export {
  DEFAULT_REDIS_IDEMPOTENCY_STORE_OPTIONS,
  RedisIdempotencyStore,
} from './idempotency/redis-idempotency-store.js';
export type { RedisIdempotencyStoreOptions } from './idempotency/redis-idempotency-store.js';

// command line
export { createDlqCommand } from './cli/dlq-command.js';
export type { DlqCommandOptions } from './cli/dlq-command.js';
export { transportFromUrl } from './cli/transport-from-url.js';

// metrics on the actuator
export { exposeMessagingMetrics } from './metrics/expose-metrics.js';
