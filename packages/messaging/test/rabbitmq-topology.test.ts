import { connect } from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import { RabbitMqTransport } from '@vitamin/messaging';
import { deleteRabbitMqQueues } from './support/broker-cleanup.js';
import { BROKERS, unreachable } from './support/brokers.js';
import { uniqueName } from './support/wait.js';

const skip = await unreachable('rabbitmq');
const spec = (group: string) => ({ topic: 'order.created', group, maxAttempts: 3, prefetch: 1 });

describe.skipIf(skip !== undefined)(`RabbitMQ topology${skip ? ` (skipped: ${skip})` : ''}`, () => {
  afterAll(deleteRabbitMqQueues);

  it('refuses to start a consumer without a dead-letter exchange', async () => {
    const transport = new RabbitMqTransport({ url: BROKERS.rabbitmq.url, deadLetterExchange: '' });
    await expect(transport.consume(spec(uniqueName('g')), () => Promise.resolve())).rejects.toMatchObject({
      code: 'VITAMIN_E_CONFIG',
      message: expect.stringMatching(/no deadLetterExchange/),
    });
    await transport.close();
  });

  it('refuses a group queue that already exists without dead-lettering, naming it', async () => {
    const group = uniqueName('g');
    const model = await connect(BROKERS.rabbitmq.url);
    const channel = await model.createChannel();
    await channel.assertQueue(`vitamin.${group}`, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await model.close();

    const transport = new RabbitMqTransport({ url: BROKERS.rabbitmq.url });
    await expect(transport.consume(spec(group), () => Promise.resolve())).rejects.toMatchObject({
      code: 'VITAMIN_E_CONFIG',
      message: expect.stringContaining(`vitamin.${group}`),
    });
    await transport.close();
  });
});
