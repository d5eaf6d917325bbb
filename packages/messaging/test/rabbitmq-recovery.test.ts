import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createMessaging, RabbitMqTransport } from '@vitamin/messaging';
import { deleteRabbitMqQueues } from './support/broker-cleanup.js';
import { BROKERS, unreachable } from './support/brokers.js';
import { uniqueName, waitFor } from './support/wait.js';

const run = promisify(execFile);
const rabbitmqctl = async (...args: string[]) => (await run('rabbitmqctl', args, { timeout: 20_000 })).stdout;
const skip =
  (await unreachable('rabbitmq')) ??
  (await rabbitmqctl('list_connections', 'pid').then(
    () => undefined,
    (error: Error) => `rabbitmqctl cannot reach the broker (${error.message.split('\n')[0]})`,
  ));

/** Has the broker close the connection named `name`, as a broker restart or a network cut would. */
async function closeConnection(name: string): Promise<void> {
  const lines = (await rabbitmqctl('list_connections', 'pid', 'client_properties')).split('\n');
  const pids = lines.filter((line) => line.includes(`"${name}"`)).map((line) => line.split('\t')[0]!);
  expect(pids).toHaveLength(1);
  await rabbitmqctl('close_connection', pids[0]!, 'test: connection lost');
}

describe.skipIf(skip !== undefined)(`RabbitMQ consumer recovery${skip ? ` (skipped: ${skip})` : ''}`, () => {
  afterAll(deleteRabbitMqQueues);

  it('resumes consuming after the broker closes the connection', async () => {
    const connectionName = uniqueName('vitamin-test');
    const consumer = createMessaging({
      transport: new RabbitMqTransport({ url: BROKERS.rabbitmq.url, connectionName }),
    });
    const publisher = createMessaging({ transport: new RabbitMqTransport({ url: BROKERS.rabbitmq.url }) });
    const topic = `${uniqueName('recover')}.created`;
    const seen: number[] = [];
    await consumer.subscribe<{ n: number }>(topic, { group: uniqueName('g') }, (event) => void seen.push(event.n));
    await publisher.publisher.publish(topic, { n: 1 });
    await waitFor(() => seen.length === 1, 'the first event');

    await closeConnection(connectionName);
    await publisher.publisher.publish(topic, { n: 2 });
    await waitFor(() => seen.length === 2, 'the event published after the connection was lost');
    expect(seen).toEqual([1, 2]);
    await consumer.close();
    await publisher.close();
  }, 60_000);
});
