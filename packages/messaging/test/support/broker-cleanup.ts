import { jetstreamManager } from '@nats-io/jetstream';
import { connect as connectNats } from '@nats-io/transport-node';
import { connect as connectAmqp } from 'amqplib';
import { BROKERS } from './brokers.js';
import { usedNames } from './wait.js';

/** Delay queues the tests can create (their backoffs and the default claim TTL). */
const TEST_DELAYS = [1, 10, 20, 40, 80, 160, 200, 1000, 30_000];

/** Deletes the queues of every group the tests named, so that a shared broker does not fill up. */
export async function deleteRabbitMqQueues(): Promise<void> {
  const model = await connectAmqp(BROKERS.rabbitmq.url);
  const channel = await model.createChannel();
  for (const group of usedNames) {
    const main = `vitamin.${group}`;
    for (const queue of [main, `${main}.dlq`, ...TEST_DELAYS.map((d) => `${main}.retry.${d}`)]) {
      await channel.deleteQueue(queue);
    }
  }
  await model.close();
}

/** Deletes every stream whose name starts with `prefix`. */
export async function deleteJetStreamStreams(prefix: string): Promise<void> {
  const nc = await connectNats({ servers: BROKERS.nats.url });
  const jsm = await jetstreamManager(nc);
  for await (const name of jsm.streams.names()) if (name.startsWith(prefix)) await jsm.streams.delete(name);
  await nc.close();
}
