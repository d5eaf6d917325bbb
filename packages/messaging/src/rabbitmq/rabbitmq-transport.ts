import { connect, type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import { VitaminError } from '@vitamin/core';
import { deadLetterHeaders, HEADERS, type DeadLetter, type MessageEnvelope } from '../message/message.js';
import { checkGroup } from '../message/names.js';
import type {
  Consumption,
  ConsumerSpec,
  Delivery,
  DeliveryHandler,
  MessageTransport,
} from '../transport/message-transport.js';
import { attemptOf, toEnvelope } from './amqp-message.js';
import { publishConfirmed } from './rabbitmq-confirm.js';
import { listDeadLetters, redriveDeadLetters } from './rabbitmq-dead-letters.js';
import {
  resolveRabbitMqTransportOptions,
  type ResolvedRabbitMqTransportOptions,
  type RabbitMqTransportOptions,
} from './rabbitmq-options.js';
import {
  declareExchanges,
  declareGroup,
  requireDeadLetterExchange,
  declareRetryQueue,
  type GroupQueues,
} from './rabbitmq-topology.js';

interface Connection {
  readonly model: ChannelModel;
  readonly confirms: ConfirmChannel;
}

/** The one AMQP consumer of a group in this process; it dispatches by topic. */
interface GroupConsumer {
  readonly group: string;
  readonly queues: GroupQueues;
  readonly handlers: Map<string, DeliveryHandler>;
  readonly prefetch: number;
  /** Replaced when the consumer is resumed after its channel or connection was lost. */
  channel: Channel;
  tag: string;
  inFlight: number;
  stopped: boolean;
}

/** Delay before the first attempt to resume a lost consumer, doubling up to {@link RESUME_MAX_MS}. */
const RESUME_FIRST_MS = 200;
const RESUME_MAX_MS = 30_000;

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
    await publishConfirmed(confirms, this.options.exchange, message.topic, message.body as Buffer, {
      persistent: true,
      messageId: message.id,
      contentType: 'application/json',
      headers: message.headers,
    });
  }

  async consume(spec: ConsumerSpec, handler: DeliveryHandler): Promise<Consumption> {
    checkGroup(spec.group, 'RabbitMqTransport.consume()');
    requireDeadLetterExchange(this.options, spec.group);
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
    return listDeadLetters((await this.connect()).model, group, limit);
  }

  async redrive(group: string, ids?: readonly string[]): Promise<number> {
    return redriveDeadLetters((await this.connect()).model, group, ids);
  }

  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = undefined;
    this.consumers.clear();
    if (connection !== undefined) await (await connection.catch(() => undefined))?.model.close().catch(() => undefined);
  }

  private connect(): Promise<Connection> {
    if (this.closed) return Promise.reject(new VitaminError('VITAMIN_E_PUBLISH', 'RabbitMqTransport is closed.'));
    this.connection ??= (async () => {
      const model = await connect(this.options.url, {
        clientProperties: { connection_name: this.options.connectionName },
      });
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

  private async startGroup(spec: ConsumerSpec, handler: DeliveryHandler): Promise<GroupConsumer> {
    const { model } = await this.connect();
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    try {
      const queues = await declareGroup(channel, this.options, spec.group, spec.topic);
      // The handler is in place before the first delivery can arrive.
      const consumer: GroupConsumer = {
        group: spec.group,
        queues,
        handlers: new Map([[spec.topic, handler]]),
        prefetch: spec.prefetch,
        channel,
        tag: '',
        inFlight: 0,
        stopped: false,
      };
      await this.attach(consumer, channel);
      return consumer;
    } catch (error) {
      await channel.close().catch(() => undefined);
      throw error;
    }
  }

  /** Starts consuming the group's queue on `channel`, and resumes on a new one if it is lost. */
  private async attach(consumer: GroupConsumer, channel: Channel): Promise<void> {
    await channel.prefetch(consumer.prefetch);
    const { consumerTag } = await channel.consume(consumer.queues.main, (message) => {
      if (message !== null) this.dispatch(consumer, message);
    });
    consumer.channel = channel;
    consumer.tag = consumerTag;
    channel.once('close', () => {
      if (!this.closed && !consumer.stopped) void this.resume(consumer);
    });
  }

  /**
   * Resumes a consumer whose channel or connection was lost (broker restart, network): reconnects with
   * backoff, declares the group's queues and bindings again and consumes. What the lost channel held
   * is redelivered by the broker.
   */
  private async resume(consumer: GroupConsumer): Promise<void> {
    for (let delay = RESUME_FIRST_MS; !this.closed && !consumer.stopped; delay = Math.min(delay * 2, RESUME_MAX_MS)) {
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      let channel: Channel | undefined;
      try {
        const { model } = await this.connect();
        channel = await model.createChannel();
        channel.on('error', () => undefined);
        for (const topic of consumer.handlers.keys()) await declareGroup(channel, this.options, consumer.group, topic);
        if (this.closed || consumer.stopped) break;
        await this.attach(consumer, channel);
        return;
      } catch {
        await channel?.close().catch(() => undefined);
      }
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
          await publishConfirmed(confirms, '', name, message.content, {
            persistent: true,
            messageId: envelope.id,
            headers,
          });
        }),
      deadLetter: (reason, error) =>
        settle(async () => {
          const { confirms } = await this.connect();
          const headers = { ...envelope.headers, ...deadLetterHeaders(reason, error, attempt) };
          await publishConfirmed(confirms, this.options.deadLetterExchange, consumer.group, message.content, {
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
    consumer.stopped = true;
    this.consumers.delete(consumer.group);
    await consumer.channel.cancel(consumer.tag).catch(() => undefined);
    while (consumer.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await consumer.channel.close().catch(() => undefined);
  }
}
