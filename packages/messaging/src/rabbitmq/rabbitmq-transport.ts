import {
  connect,
  type Channel,
  type ChannelModel,
  type ConfirmChannel,
  type ConsumeMessage,
  type Options,
} from 'amqplib';
import { VitaminError } from '@vitamin/core';
import {
  deadLetterHeaders,
  HEADERS,
  toDeadLetter,
  withoutDeadLetterHeaders,
  type DeadLetter,
  type MessageEnvelope,
} from '../message/message.js';
import { checkGroup } from '../message/names.js';
import type {
  Consumption,
  ConsumerSpec,
  Delivery,
  DeliveryHandler,
  MessageTransport,
} from '../transport/message-transport.js';
import { attemptOf, toEnvelope } from './amqp-message.js';
import {
  resolveRabbitMqTransportOptions,
  type ResolvedRabbitMqTransportOptions,
  type RabbitMqTransportOptions,
} from './rabbitmq-options.js';
import {
  declareExchanges,
  declareGroup,
  declareRetryQueue,
  groupQueues,
  type GroupQueues,
} from './rabbitmq-topology.js';

interface Connection {
  readonly model: ChannelModel;
  readonly confirms: ConfirmChannel;
}

/** The one AMQP consumer of a group in this process; it dispatches by topic. */
interface GroupConsumer {
  readonly group: string;
  readonly channel: Channel;
  readonly queues: GroupQueues;
  readonly handlers: Map<string, DeliveryHandler>;
  tag: string;
  inFlight: number;
}

/**
 * Events over RabbitMQ: a durable topic exchange, one quorum queue per consumer group with manual
 * acknowledgements and prefetch, retries through per-delay queues (TTL, then dead-lettered back),
 * a dead-letter queue per group through `x-dead-letter-exchange`, and publisher confirms for every
 * publish. A delivery is acknowledged at most once.
 */
export class RabbitMqTransport implements MessageTransport {
  private readonly options: ResolvedRabbitMqTransportOptions;
  private connection: Promise<Connection> | undefined;
  private readonly consumers = new Map<string, Promise<GroupConsumer>>();
  private readonly retryQueues = new Set<string>();
  private closed = false;

  constructor(options: RabbitMqTransportOptions = {}) {
    this.options = resolveRabbitMqTransportOptions(options);
  }

  async publish(message: MessageEnvelope): Promise<void> {
    const { confirms } = await this.connect();
    await this.confirmed(confirms, this.options.exchange, message.topic, message.body as Buffer, {
      persistent: true,
      messageId: message.id,
      contentType: 'application/json',
      headers: message.headers,
    });
  }

  async consume(spec: ConsumerSpec, handler: DeliveryHandler): Promise<Consumption> {
    checkGroup(spec.group, 'RabbitMqTransport.consume()');
    let pending = this.consumers.get(spec.group);
    if (pending === undefined) {
      pending = this.startGroup(spec, handler);
      this.consumers.set(spec.group, pending);
      pending.catch(() => this.consumers.delete(spec.group));
    }
    const consumer = await pending;
    if (!consumer.handlers.has(spec.topic)) {
      consumer.handlers.set(spec.topic, handler);
      await consumer.channel.bindQueue(consumer.queues.main, this.options.exchange, spec.topic);
    }
    return { stop: () => this.stopTopic(consumer, spec.topic) };
  }

  async deadLetters(group: string, limit = 100): Promise<DeadLetter[]> {
    const { model } = await this.connect();
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    try {
      const letters: DeadLetter[] = [];
      const { dead } = groupQueues(checkGroup(group, 'dlq list'));
      await this.checkDeadLetterQueue(channel, group, dead);
      while (letters.length < limit) {
        const message = await channel.get(dead, { noAck: false });
        if (message === false) break;
        letters.push(toDeadLetter(toEnvelope(message)));
      }
      return letters;
    } finally {
      // Closing the channel returns every fetched message to the dead-letter queue.
      await channel.close().catch(() => undefined);
    }
  }

  async redrive(group: string, ids?: readonly string[]): Promise<number> {
    const { model } = await this.connect();
    const channel = await model.createConfirmChannel();
    channel.on('error', () => undefined);
    const queues = groupQueues(checkGroup(group, 'dlq redrive'));
    let moved = 0;
    try {
      const { messageCount } = await this.checkDeadLetterQueue(channel, group, queues.dead);
      for (let i = 0; i < messageCount; i++) {
        const message = await channel.get(queues.dead, { noAck: false });
        if (message === false) break;
        const envelope = toEnvelope(message);
        if (ids !== undefined && !ids.includes(envelope.id)) continue;
        // Straight to the group's own queue: other groups already handled this event.
        await this.confirmed(channel, '', queues.main, message.content, {
          persistent: true,
          messageId: envelope.id,
          contentType: 'application/json',
          headers: withoutDeadLetterHeaders(envelope.headers),
        });
        channel.ack(message);
        moved++;
      }
      return moved;
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = undefined;
    this.consumers.clear();
    if (connection !== undefined) await (await connection.catch(() => undefined))?.model.close().catch(() => undefined);
  }

  private async checkDeadLetterQueue(channel: Channel, group: string, queue: string) {
    try {
      return await channel.checkQueue(queue);
    } catch (error) {
      throw new VitaminError(
        'VITAMIN_E_CONFIG',
        `No dead-letter queue '${queue}' for group '${group}': no consumer of this group has started on this broker.`,
        { cause: error },
      );
    }
  }

  private connect(): Promise<Connection> {
    if (this.closed) return Promise.reject(new VitaminError('VITAMIN_E_PUBLISH', 'RabbitMqTransport is closed.'));
    this.connection ??= (async () => {
      const model = await connect(this.options.url);
      model.on('error', () => undefined); // 'close' follows; an unhandled 'error' would crash the process
      model.on('close', () => {
        this.connection = undefined;
      });
      const confirms = await model.createConfirmChannel();
      confirms.on('error', () => undefined);
      await declareExchanges(confirms, this.options);
      return { model, confirms };
    })();
    this.connection.catch(() => {
      this.connection = undefined;
    });
    return this.connection;
  }

  private confirmed(
    channel: ConfirmChannel,
    exchange: string,
    key: string,
    body: Buffer,
    options: Options.Publish,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      try {
        channel.publish(exchange, key, body, options, (error: unknown) => {
          if (error == null) resolve();
          else
            reject(
              new VitaminError('VITAMIN_E_PUBLISH', `RabbitMQ did not confirm the message to '${key}'.`, {
                cause: error,
              }),
            );
        });
      } catch (error) {
        reject(
          new VitaminError('VITAMIN_E_PUBLISH', `Could not publish to '${key}': ${(error as Error).message}`, {
            cause: error,
          }),
        );
      }
    });
  }

  private async startGroup(spec: ConsumerSpec, handler: DeliveryHandler): Promise<GroupConsumer> {
    const { model } = await this.connect();
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    try {
      const queues = await declareGroup(channel, this.options, spec.group, spec.topic);
      await channel.prefetch(spec.prefetch);
      // The handler is in place before the first delivery can arrive.
      const handlers = new Map([[spec.topic, handler]]);
      const consumer: GroupConsumer = { group: spec.group, channel, queues, handlers, tag: '', inFlight: 0 };
      const { consumerTag } = await channel.consume(queues.main, (message) => {
        if (message !== null) this.dispatch(consumer, message);
      });
      consumer.tag = consumerTag;
      return consumer;
    } catch (error) {
      await channel.close().catch(() => undefined);
      throw error;
    }
  }

  private dispatch(consumer: GroupConsumer, message: ConsumeMessage): void {
    const delivery = this.delivery(consumer, message);
    const handler = consumer.handlers.get(delivery.message.topic);
    consumer.inFlight++;
    const handled =
      handler === undefined
        ? delivery.deadLetter('no-handler', `group '${consumer.group}' has no handler for '${delivery.message.topic}'`)
        : handler(delivery);
    void handled.catch(() => undefined).finally(() => consumer.inFlight--);
  }

  private delivery(consumer: GroupConsumer, message: ConsumeMessage): Delivery {
    const envelope = toEnvelope(message);
    const attempt = attemptOf(message, envelope.headers);
    const { channel, queues } = consumer;
    let settled = false;
    const settle = async (forward: () => Promise<void>) => {
      if (settled) return;
      settled = true;
      try {
        await forward();
        channel.ack(message);
      } catch {
        // The channel or connection is gone: the broker redelivers the message, never acked twice.
      }
    };
    return {
      message: envelope,
      attempt,
      ack: () => settle(() => Promise.resolve()),
      retry: (delayMs) =>
        settle(async () => {
          const { confirms } = await this.connect();
          const delay = Math.max(1, Math.round(delayMs));
          const name = queues.retry(delay);
          if (!this.retryQueues.has(name)) {
            await declareRetryQueue(confirms, queues, delay);
            this.retryQueues.add(name);
          }
          const headers = { ...envelope.headers, [HEADERS.attempt]: String(attempt + 1) };
          await this.confirmed(confirms, '', name, message.content, {
            persistent: true,
            messageId: envelope.id,
            headers,
          });
        }),
      deadLetter: (reason, error) =>
        settle(async () => {
          const { confirms } = await this.connect();
          const headers = { ...envelope.headers, ...deadLetterHeaders(reason, error, attempt) };
          await this.confirmed(confirms, this.options.deadLetterExchange, consumer.group, message.content, {
            persistent: true,
            messageId: envelope.id,
            headers,
          });
        }),
    };
  }

  private async stopTopic(consumer: GroupConsumer, topic: string): Promise<void> {
    consumer.handlers.delete(topic);
    if (consumer.handlers.size > 0) return;
    this.consumers.delete(consumer.group);
    await consumer.channel.cancel(consumer.tag).catch(() => undefined);
    while (consumer.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await consumer.channel.close().catch(() => undefined);
  }
}
