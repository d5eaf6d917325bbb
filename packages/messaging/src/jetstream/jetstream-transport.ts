import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
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
import { JetStreamDeadLetters } from './jetstream-dead-letters.js';
import { fromNatsHeaders, toNatsHeaders } from './jetstream-headers.js';
import { JetStreamNames } from './jetstream-names.js';
import {
  resolveJetStreamTransportOptions,
  type JetStreamTransportOptions,
  type ResolvedJetStreamTransportOptions,
} from './jetstream-options.js';
import { ensureConsumer, ensureDeadLetterStream, ensureTopicStream } from './jetstream-topology.js';

interface Connection {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly deadLetters: JetStreamDeadLetters;
}

/**
 * Events over NATS JetStream: a stream per topic (with a `Nats-Msg-Id` dedup window), a durable
 * pull consumer per group with explicit acks, retries as a nak with delay, `max_deliver` set, and
 * a dead-letter stream fed both by the handler's verdict and by the MAX_DELIVERIES advisory.
 * For durability, run the server with `sync_interval: always` (see docs/messaging.md).
 */
export class JetStreamTransport implements MessageTransport {
  private readonly options: ResolvedJetStreamTransportOptions;
  private readonly names: JetStreamNames;
  private connection: Promise<Connection> | undefined;
  private readonly topics = new Map<string, Promise<void>>();

  constructor(options: JetStreamTransportOptions = {}) {
    this.options = resolveJetStreamTransportOptions(options);
    this.names = new JetStreamNames(this.options);
  }

  async publish(message: MessageEnvelope): Promise<void> {
    try {
      const { js } = await this.connect();
      await this.ensureTopic(message.topic);
      await js.publish(this.names.subject(message.topic), message.body, {
        msgID: message.id,
        headers: toNatsHeaders(message.headers),
      });
    } catch (error) {
      if (error instanceof VitaminError) throw error;
      throw new VitaminError(
        'VITAMIN_E_PUBLISH',
        `JetStream did not confirm the message to '${message.topic}': ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  async consume(spec: ConsumerSpec, handler: DeliveryHandler): Promise<Consumption> {
    checkGroup(spec.group, 'JetStreamTransport.consume()');
    const { jsm } = await this.connect();
    await this.ensureTopic(spec.topic);
    await ensureDeadLetterStream(jsm, this.names, this.options);
    const stream = this.names.stream(spec.topic);
    const durables = this.names.consumers(spec.group);
    const settings = {
      maxDeliver: spec.maxAttempts + this.options.deliveryMargin,
      prefetch: spec.prefetch,
      ackWaitMs: this.options.ackWaitMs,
    };
    await ensureConsumer(jsm, stream, durables.main, this.names.subject(spec.topic), { ...settings, deliverNew: true });
    await ensureConsumer(jsm, stream, durables.redrive, this.names.redriveSubject(spec.group, spec.topic), {
      ...settings,
      deliverNew: false,
    });
    const loops = await Promise.all([
      this.run(spec, stream, durables.main, handler),
      this.run(spec, stream, durables.redrive, handler),
    ]);
    return { stop: async () => void (await Promise.all(loops.map((stop) => stop()))) };
  }

  async deadLetters(group: string, limit = 100): Promise<DeadLetter[]> {
    const { jsm, deadLetters } = await this.connect();
    await ensureDeadLetterStream(jsm, this.names, this.options);
    return deadLetters.list(checkGroup(group, 'dlq list'), limit);
  }

  async redrive(group: string, ids?: readonly string[]): Promise<number> {
    const { jsm, deadLetters } = await this.connect();
    await ensureDeadLetterStream(jsm, this.names, this.options);
    return deadLetters.redrive(checkGroup(group, 'dlq redrive'), ids, (topic) => this.ensureTopic(topic));
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.topics.clear();
    if (connection !== undefined) await (await connection.catch(() => undefined))?.nc.close().catch(() => undefined);
  }

  private connect(): Promise<Connection> {
    this.connection ??= (async () => {
      // Reconnect for as long as it takes: consumers resume pulling once the server is back.
      const nc = await connect({ servers: this.options.servers, maxReconnectAttempts: -1 });
      const jsm = await jetstreamManager(nc);
      const js = jetstream(nc);
      return { nc, js, jsm, deadLetters: new JetStreamDeadLetters(js, jsm, this.names) };
    })();
    this.connection.catch(() => {
      this.connection = undefined;
    });
    return this.connection;
  }

  private ensureTopic(topic: string): Promise<void> {
    let ensured = this.topics.get(topic);
    if (ensured === undefined) {
      ensured = this.connect().then(({ jsm }) => ensureTopicStream(jsm, this.names, this.options, topic));
      this.topics.set(topic, ensured);
      ensured.catch(() => this.topics.delete(topic));
    }
    return ensured;
  }

  /** Pulls from one durable consumer and hands each message to the handler; returns how to stop. */
  private async run(spec: ConsumerSpec, stream: string, durable: string, handler: DeliveryHandler) {
    const { nc, js, deadLetters } = await this.connect();
    const advisories = deadLetters.watchMaxDeliveries(nc, stream, durable, spec.group);
    const consumer = await js.consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: spec.prefetch });
    let inFlight = 0;
    const loop = (async () => {
      for await (const m of messages) {
        inFlight++;
        void handler(this.delivery(spec.group, m, deadLetters))
          .catch(() => undefined)
          .finally(() => inFlight--);
      }
    })().catch(() => undefined);
    return async () => {
      advisories.unsubscribe();
      await messages.close().catch(() => undefined);
      await loop;
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    };
  }

  private delivery(group: string, m: JsMsg, deadLetters: JetStreamDeadLetters): Delivery {
    const headers = fromNatsHeaders(m.headers);
    const topic = headers[HEADERS.topic] ?? m.subject;
    const message = {
      id: headers[HEADERS.id] ?? `${m.info.stream}:${m.seq}`,
      topic,
      key: headers[HEADERS.key],
      headers,
      body: m.data,
    };
    const attempt = m.info.deliveryCount;
    let settled = false;
    const settle = async (forward: () => void | Promise<void>) => {
      if (settled) return;
      settled = true;
      try {
        await forward();
      } catch {
        // Connection gone: the server redelivers once the ack wait expires.
      }
    };
    return {
      message,
      attempt,
      ack: () => settle(() => m.ack()),
      retry: (delayMs) => settle(() => m.nak(Math.max(1, Math.round(delayMs)))),
      deadLetter: (reason, error) =>
        settle(async () => {
          const dead = { ...headers, ...deadLetterHeaders(reason, error, attempt) };
          await deadLetters.put(group, topic, m.data, dead, m.info.stream, m.info.streamSequence);
          m.term();
        }),
    };
  }
}
