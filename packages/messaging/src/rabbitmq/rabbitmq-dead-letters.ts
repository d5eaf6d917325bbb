import type { Channel, ChannelModel } from 'amqplib';
import { VitaminError } from '@vitamin/core';
import { toDeadLetter, withoutDeadLetterHeaders, type DeadLetter } from '../message/message.js';
import { checkGroup } from '../message/names.js';
import { toEnvelope } from './amqp-message.js';
import { publishConfirmed } from './rabbitmq-confirm.js';
import { groupQueues } from './rabbitmq-topology.js';

async function checkDeadLetterQueue(channel: Channel, group: string, queue: string) {
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

/**
 * Waits (at most 2 s) until `count` messages are ready in `queue` again: a quorum queue returns the
 * messages of a closed channel asynchronously, and a redrive right after a listing must see them.
 */
async function awaitReady(model: ChannelModel, queue: string, count: number): Promise<void> {
  if (count === 0) return;
  const channel = await model.createChannel();
  channel.on('error', () => undefined);
  try {
    for (let waited = 0; waited < 2000; waited += 10) {
      if ((await channel.checkQueue(queue)).messageCount >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await channel.close().catch(() => undefined);
  }
}

/** Reads up to `limit` dead letters of a group without removing them (fetched, then returned). */
export async function listDeadLetters(model: ChannelModel, group: string, limit: number): Promise<DeadLetter[]> {
  const { dead } = groupQueues(checkGroup(group, 'dlq list'));
  const channel = await model.createChannel();
  channel.on('error', () => undefined);
  const letters: DeadLetter[] = [];
  try {
    await checkDeadLetterQueue(channel, group, dead);
    while (letters.length < limit) {
      const message = await channel.get(dead, { noAck: false });
      if (message === false) break;
      letters.push(toDeadLetter(toEnvelope(message)));
    }
  } finally {
    // Closing the channel returns every fetched message to the dead-letter queue.
    await channel.close().catch(() => undefined);
  }
  await awaitReady(model, dead, letters.length);
  return letters;
}

/**
 * Moves dead letters (all, or those with the given ids) straight to the group's own queue — other
 * groups handled the event already — with the dead-letter headers removed; returns how many.
 */
export async function redriveDeadLetters(
  model: ChannelModel,
  group: string,
  ids: readonly string[] | undefined,
): Promise<number> {
  const queues = groupQueues(checkGroup(group, 'dlq redrive'));
  const channel = await model.createConfirmChannel();
  channel.on('error', () => undefined);
  let moved = 0;
  try {
    // Letters left out stay unacknowledged on this channel until it closes, so each is seen once.
    const { messageCount } = await checkDeadLetterQueue(channel, group, queues.dead);
    for (let i = 0; i < messageCount; i++) {
      const message = await channel.get(queues.dead, { noAck: false });
      if (message === false) break;
      const envelope = toEnvelope(message);
      if (ids !== undefined && !ids.includes(envelope.id)) continue;
      await publishConfirmed(channel, '', queues.main, message.content, {
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
