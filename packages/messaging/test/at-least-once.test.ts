import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createMessaging, JetStreamTransport, RabbitMqTransport, type MessageTransport } from '@vitamin/messaging';
import { deleteJetStreamStreams, deleteRabbitMqQueues } from './support/broker-cleanup.js';
import { BROKERS, unreachable } from './support/brokers.js';
import { killChildConsumers, startChildConsumer } from './support/child-consumer.js';
import { uniqueName } from './support/wait.js';

const prefix = `VKILL${process.pid}`;
const brokers = [
  {
    name: 'RabbitMQ',
    env: { TRANSPORT: 'rabbitmq' } as Record<string, string>,
    skip: await unreachable('rabbitmq'),
    transport: (): MessageTransport => new RabbitMqTransport({ url: BROKERS.rabbitmq.url }),
    cleanup: deleteRabbitMqQueues,
  },
  {
    name: 'NATS JetStream',
    env: { TRANSPORT: 'nats', PREFIX: prefix } as Record<string, string>,
    skip: await unreachable('nats'),
    transport: (): MessageTransport =>
      new JetStreamTransport({ servers: BROKERS.nats.url, streamPrefix: prefix, subjectPrefix: prefix.toLowerCase() }),
    cleanup: () => deleteJetStreamStreams(prefix),
  },
];

describe.each(brokers)('at-least-once over $name', ({ name, env, skip, transport, cleanup }) => {
  afterEach(killChildConsumers);
  afterAll(async () => {
    if (skip === undefined) await cleanup();
  });

  it.skipIf(skip !== undefined)(
    `redelivers a message whose consumer was killed (SIGKILL) mid-handling${skip ? ` — skipped: ${skip}` : ''}`,
    async () => {
      const topic = `${uniqueName('kill')}.created`;
      const group = uniqueName('g');
      const first = startChildConsumer({ ...env, TOPIC: topic, GROUP: group, HANG: '1' });
      await first.next((r) => r.ready === true, 'ready');

      const publisher = createMessaging({ transport: transport() });
      const id = await publisher.publisher.publish(topic, { orderId: 42 });
      const handling = await first.next((r) => r.handling === id, `handling of ${id}`);
      expect(handling.attempt).toBe(1);
      await first.kill('SIGKILL');

      const second = startChildConsumer({ ...env, TOPIC: topic, GROUP: group, HANG: '0' });
      const redelivered = await second.next((r) => r.handling === id, `redelivery of ${id} over ${name}`);
      expect(redelivered).toMatchObject({ handling: id, event: { orderId: 42 } });
      // Deliveries count, including any the broker made to the dead process before it noticed.
      expect(redelivered.attempt).toBeGreaterThanOrEqual(2);
      await second.kill('SIGTERM');
      await publisher.close();
    },
  );
});
