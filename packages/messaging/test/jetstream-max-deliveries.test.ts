import { afterAll, describe, expect, it } from 'vitest';
import { createMessaging, JetStreamTransport } from '@vitamin/messaging';
import { deleteJetStreamStreams } from './support/broker-cleanup.js';
import { BROKERS, unreachable } from './support/brokers.js';
import { uniqueName, waitFor } from './support/wait.js';

const skip = await unreachable('nats');
const prefix = `VMAXD${process.pid}`;

describe.skipIf(skip !== undefined)(`JetStream max deliveries${skip ? ` (skipped: ${skip})` : ''}`, () => {
  afterAll(() => deleteJetStreamStreams(prefix));

  it('moves a message the server gave up on to the DLQ, from the MAX_DELIVERIES advisory', async () => {
    // max_deliver = 1 + 0, ack wait 500 ms: a handler that never settles exhausts the deliveries.
    const transport = new JetStreamTransport({
      servers: BROKERS.nats.url,
      streamPrefix: prefix,
      subjectPrefix: prefix.toLowerCase(),
      ackWaitMs: 500,
      deliveryMargin: 0,
    });
    const messaging = createMessaging({ transport });
    const topic = `${uniqueName('stuck')}.created`;
    const group = uniqueName('g');
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    let deliveries = 0;
    await messaging.subscribe(topic, { group, maxAttempts: 1 }, async () => {
      deliveries++;
      await stuck;
    });
    const id = await messaging.publisher.publish(topic, { n: 1 });
    await waitFor(async () => (await transport.deadLetters(group)).length === 1, 'the advisory-driven dead letter');
    const [letter] = await transport.deadLetters(group);
    expect(letter).toMatchObject({ reason: 'max-deliveries', attempts: 1 });
    expect(letter!.message.id).toBe(id);
    expect(letter!.error).toMatch(/delivered 1 times without being settled/);
    expect(deliveries).toBe(1);
    release();
    await messaging.close();
  });
});
