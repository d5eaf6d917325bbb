/** Options of {@link RabbitMqTransport}. */
export interface RabbitMqTransportOptions {
  /**
   * AMQP URL (credentials in it are never logged).
   * @defaultValue `'amqp://guest:guest@127.0.0.1:5672'`
   */
  url?: string;
  /**
   * The durable topic exchange events are published to; topics are its routing keys.
   * @defaultValue `'vitamin.events'`
   */
  exchange?: string;
  /**
   * The exchange every group queue dead-letters to. Required: a consumer refuses to start without
   * one, because since RabbitMQ 4.0 a quorum queue drops a message after 20 deliveries unless it has one.
   * @defaultValue `'vitamin.dead-letters'`
   */
  deadLetterExchange?: string;
  /**
   * Type of the group queues. Quorum queues are replicated and count deliveries.
   * @defaultValue `'quorum'`
   */
  queueType?: 'quorum' | 'classic';
  /**
   * For quorum queues: deliveries (crashes included) after which the broker itself dead-letters a
   * message. A safety net above `maxAttempts`, for consumers that crash on a message.
   * @defaultValue `20`
   */
  deliveryLimit?: number;
  /**
   * The connection name the broker shows (management UI, `rabbitmqctl list_connections`).
   * @defaultValue `'vitamin'`
   */
  connectionName?: string;
}

/** {@link RabbitMqTransportOptions} with every field resolved. */
export type ResolvedRabbitMqTransportOptions = Required<RabbitMqTransportOptions>;

/** The defaults of {@link RabbitMqTransportOptions}. */
export const DEFAULT_RABBITMQ_TRANSPORT_OPTIONS: ResolvedRabbitMqTransportOptions = Object.freeze({
  url: 'amqp://guest:guest@127.0.0.1:5672',
  exchange: 'vitamin.events',
  deadLetterExchange: 'vitamin.dead-letters',
  queueType: 'quorum',
  deliveryLimit: 20,
  connectionName: 'vitamin',
});

/** Fills in defaults; `undefined` fields take the default. */
export function resolveRabbitMqTransportOptions(
  options: RabbitMqTransportOptions = {},
): ResolvedRabbitMqTransportOptions {
  const resolved = { ...DEFAULT_RABBITMQ_TRANSPORT_OPTIONS };
  for (const [key, value] of Object.entries(options) as [keyof RabbitMqTransportOptions, never][]) {
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
