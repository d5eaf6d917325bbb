import { outgoingTraceHeaders } from '@vitamin/core';
import { VitaminError } from '@vitamin/core';
import { compileConsumer, type MessageHandler } from '../consumer/consumer-pipeline.js';
import { ConsumerMetrics } from '../consumer/consumer-metrics.js';
import { InMemoryIdempotencyStore } from '../idempotency/in-memory-idempotency-store.js';
import type { IdempotencyStore } from '../idempotency/idempotency-store.js';
import { checkGroup, checkTopic } from '../message/names.js';
import { Publisher } from '../publisher/publisher.js';
import { subscriptionsOf } from '../subscription/subscribe.js';
import { resolveSubscribeOptions, type SubscribeOptions } from '../subscription/subscription-options.js';
import { InMemoryTransport } from '../transport/in-memory-transport.js';
import type { Consumption, MessageTransport } from '../transport/message-transport.js';
import { resolveMessagingOptions, type MessagingOptions } from './messaging-options.js';

/** The messaging runtime of a service: one publisher, its consumers, their metrics. */
export interface Messaging {
  readonly transport: MessageTransport;
  readonly publisher: Publisher;
  /** Consumer counts per topic and group. */
  readonly metrics: ConsumerMetrics;
  /** Starts a consumer without decorators. */
  subscribe<In = unknown, Out = In>(
    topic: string,
    options: SubscribeOptions<In, Out>,
    handler: MessageHandler<Out>,
  ): Promise<Consumption>;
  /** Starts a consumer for every `@Subscribe` method of these objects. */
  start(instances: readonly object[]): Promise<void>;
  /** Stops every consumer (letting handlers in hand finish), then closes the transport and store. */
  close(): Promise<void>;
}

/**
 * Creates the messaging runtime.
 * @example
 * ```ts
 * const messaging = createMessaging({ transport: new RabbitMqTransport({ url }) });
 * await messaging.start([app.get(Deliveries)]);
 * await messaging.publisher.publish('order.created', { orderId: 42 });
 * ```
 */
export function createMessaging(options: MessagingOptions = {}): Messaging {
  const resolved = resolveMessagingOptions(options);
  const transport = resolved.transport ?? new InMemoryTransport();
  let store: IdempotencyStore | undefined = resolved.idempotencyStore;
  const metrics = new ConsumerMetrics();
  const consumptions: Consumption[] = [];
  const publisher = new Publisher(transport, resolved.traceContext ?? outgoingTraceHeaders);

  const subscribe = async <In, Out>(
    topic: string,
    subscribeOptions: SubscribeOptions<In, Out>,
    handler: MessageHandler<Out>,
  ) => {
    checkTopic(topic, 'subscribe()');
    checkGroup(subscribeOptions?.group, `subscribe('${topic}')`);
    const options = resolveSubscribeOptions(subscribeOptions as unknown as SubscribeOptions<never, unknown>);
    if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
      throw new VitaminError(
        'VITAMIN_E_DEFINITION',
        `subscribe('${topic}', group '${options.group}'): maxAttempts must be a whole number ≥ 1, got ${options.maxAttempts}.`,
      );
    }
    if (options.idempotent && store === undefined) store = new InMemoryIdempotencyStore();
    const consume = compileConsumer(topic, options, handler as MessageHandler, {
      counts: metrics.counter(topic, options.group),
      store: options.idempotent ? store : undefined,
      claimTtlMs: resolved.claimTtlMs,
      retentionMs: resolved.retentionMs,
      logger: resolved.logger,
    });
    const consumption = await transport.consume(
      { topic, group: options.group, maxAttempts: options.maxAttempts, prefetch: options.prefetch },
      consume,
    );
    consumptions.push(consumption);
    return consumption;
  };

  return {
    transport,
    publisher,
    metrics,
    subscribe,
    async start(instances) {
      for (const instance of instances) {
        const type = instance.constructor as abstract new (...args: never[]) => unknown;
        for (const { method, topic, options: subscribeOptions } of subscriptionsOf(type)) {
          const fn = (instance as Record<string, unknown>)[method];
          if (typeof fn !== 'function') {
            throw new VitaminError('VITAMIN_E_DEFINITION', `@Subscribe on ${type.name}.${method}: not a method.`);
          }
          await subscribe(topic, subscribeOptions, (fn as MessageHandler).bind(instance));
        }
      }
    },
    async close() {
      await Promise.all(consumptions.splice(0).map((c) => c.stop()));
      await transport.close();
      await store?.close();
    },
  };
}
