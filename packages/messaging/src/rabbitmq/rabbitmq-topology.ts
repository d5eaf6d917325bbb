import type { Channel } from 'amqplib';
import { VitaminError } from '@vitamin/core';
import type { ResolvedRabbitMqTransportOptions } from './rabbitmq-options.js';

/** Queue names of one consumer group. */
export interface GroupQueues {
  /** The group's queue, bound to each topic the group consumes. */
  readonly main: string;
  /** Its dead-letter queue, bound to the dead-letter exchange with the group as routing key. */
  readonly dead: string;
  /** Retry delay queue for a delay in ms: messages wait there, then dead-letter back to `main`. */
  retry(delayMs: number): string;
}

export function groupQueues(group: string): GroupQueues {
  const main = `vitamin.${group}`;
  return { main, dead: `${main}.dlq`, retry: (delayMs) => `${main}.retry.${delayMs}` };
}

/** Declares the exchanges (idempotent: same arguments every time). */
export async function declareExchanges(channel: Channel, options: ResolvedRabbitMqTransportOptions): Promise<void> {
  await channel.assertExchange(options.exchange, 'topic', { durable: true });
  if (options.deadLetterExchange) await channel.assertExchange(options.deadLetterExchange, 'direct', { durable: true });
}

/**
 * Refuses to consume without a dead-letter exchange: failed messages would be dropped (since RabbitMQ
 * 4.0 a quorum queue drops a message after 20 deliveries unless one is set).
 * @throws VitaminError `VITAMIN_E_CONFIG`
 */
export function requireDeadLetterExchange(options: ResolvedRabbitMqTransportOptions, group: string): void {
  if (!options.deadLetterExchange) {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `Refused to start the consumer of group '${group}': RabbitMqTransport has no deadLetterExchange, so failed messages would be dropped.`,
    );
  }
}

/**
 * Declares a group's queue (dead-lettering to its DLQ) and DLQ, and binds the queue to `topic`.
 * @throws VitaminError `VITAMIN_E_CONFIG` when no dead-letter exchange is configured, or the queue
 * exists with other arguments (for instance without a dead-letter exchange)
 */
export async function declareGroup(
  channel: Channel,
  options: ResolvedRabbitMqTransportOptions,
  group: string,
  topic: string,
): Promise<GroupQueues> {
  requireDeadLetterExchange(options, group);
  const queues = groupQueues(group);
  const args: Record<string, unknown> = {
    'x-queue-type': options.queueType,
    'x-dead-letter-exchange': options.deadLetterExchange,
    'x-dead-letter-routing-key': group,
  };
  if (options.queueType === 'quorum') args['x-delivery-limit'] = options.deliveryLimit;
  try {
    await channel.assertQueue(queues.dead, { durable: true, arguments: { 'x-queue-type': options.queueType } });
    await channel.bindQueue(queues.dead, options.deadLetterExchange, group);
    await channel.assertQueue(queues.main, { durable: true, arguments: args });
    await channel.bindQueue(queues.main, options.exchange, topic);
  } catch (error) {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `Could not declare the queues of group '${group}' (${queues.main}, ${queues.dead}): ${(error as Error).message}. ` +
        'An existing queue with other arguments (such as no dead-letter exchange) must be migrated first.',
      { cause: error },
    );
  }
  return queues;
}

/** Declares the delay queue for `delayMs`: messages expire there and go back to the group's queue. */
export async function declareRetryQueue(channel: Channel, queues: GroupQueues, delayMs: number): Promise<string> {
  const name = queues.retry(delayMs);
  await channel.assertQueue(name, {
    durable: true,
    arguments: {
      'x-message-ttl': delayMs,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': queues.main,
    },
  });
  return name;
}
