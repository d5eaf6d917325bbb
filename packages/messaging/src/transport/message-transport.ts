import type { DeadLetter, DeadLetterReason, MessageEnvelope } from '../message/message.js';

/** What a transport needs to know to consume one topic for one consumer group. */
export interface ConsumerSpec {
  readonly topic: string;
  readonly group: string;
  /** Deliveries after which the broker itself gives up (crash loops); the runtime dead-letters at the same count. */
  readonly maxAttempts: number;
  /** Unacknowledged messages one consumer holds at a time. */
  readonly prefetch: number;
}

/**
 * One delivery of a message to a consumer. Exactly one of `ack`, `retry` or `deadLetter` settles
 * it; later calls do nothing (acknowledging twice closes a RabbitMQ channel).
 */
export interface Delivery {
  readonly message: MessageEnvelope;
  /** 1 for the first delivery, counting retries and redeliveries after a crash. */
  readonly attempt: number;
  /** Done: the broker forgets the message. */
  ack(): Promise<void>;
  /** Deliver again after `delayMs`, as attempt `attempt + 1`. */
  retry(delayMs: number): Promise<void>;
  /** Move to the group's dead-letter queue with the reason, last error and attempt count. */
  deadLetter(reason: DeadLetterReason, error: string): Promise<void>;
}

/** Handles one delivery; it must settle the delivery itself. */
export type DeliveryHandler = (delivery: Delivery) => Promise<void>;

/** A running consumer. */
export interface Consumption {
  /** Stops taking new messages, waits for the ones in hand, and releases the consumer. */
  stop(): Promise<void>;
}

/**
 * A message broker as vitamin uses it. The broker does the durable work (storage, redelivery,
 * delays, dead letters); implementations only map these calls onto it.
 */
export interface MessageTransport {
  /** Sends one message; resolves once the broker has confirmed it is stored. */
  publish(message: MessageEnvelope): Promise<void>;
  /** Starts a consumer of `spec.topic` for `spec.group`. */
  consume(spec: ConsumerSpec, handler: DeliveryHandler): Promise<Consumption>;
  /** Reads up to `limit` dead letters of a group without removing them. */
  deadLetters(group: string, limit?: number): Promise<DeadLetter[]>;
  /** Sends dead letters of a group (all, or those with the given ids) back to that group only; returns how many. */
  redrive(group: string, ids?: readonly string[]): Promise<number>;
  /** Closes connections; consumers stop without acknowledging what they hold (the broker redelivers it). */
  close(): Promise<void>;
}
