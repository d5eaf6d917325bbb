import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createMessaging,
  JetStreamTransport,
  RabbitMqTransport,
  RedisIdempotencyStore,
  type Messaging,
  type MessageTransport,
} from '@vitamin/messaging';
import { deleteJetStreamStreams, deleteRabbitMqQueues } from './support/broker-cleanup.js';
import { BROKERS, unreachable } from './support/brokers.js';
import { uniqueName, waitFor } from './support/wait.js';

const TOTAL = 10_000;
const redisSkip = await unreachable('redis');
const prefix = `VSOAK${process.pid}`;
const brokers = [
  {
    name: 'RabbitMQ',
    skip: (await unreachable('rabbitmq')) ?? redisSkip,
    transport: (): MessageTransport => new RabbitMqTransport({ url: BROKERS.rabbitmq.url }),
    cleanup: deleteRabbitMqQueues,
  },
  {
    name: 'NATS JetStream',
    skip: (await unreachable('nats')) ?? redisSkip,
    transport: (): MessageTransport =>
      new JetStreamTransport({
        servers: BROKERS.nats.url,
        streamPrefix: prefix,
        subjectPrefix: prefix.toLowerCase(),
        ackWaitMs: 4000,
      }),
    cleanup: () => deleteJetStreamStreams(prefix),
  },
];

const Event = z.object({ n: z.number(), poison: z.boolean() });

describe.each(brokers)('soak over $name', ({ skip, transport, cleanup }) => {
  afterAll(async () => {
    if (skip === undefined) await cleanup();
  });

  it.skipIf(skip !== undefined)(
    `10,000 events, 5 % poison, consumer restarted twice: good ones once by effect, poison in the DLQ, none lost${skip ? ` — skipped: ${skip}` : ''}`,
    async () => {
      const topic = `${uniqueName('soak')}.created`;
      const group = uniqueName('g');
      const effects = new Map<string, number>();
      const storePrefix = `vitamin-test:${uniqueName('soak')}:`;

      const startConsumer = async (): Promise<Messaging> => {
        const m = createMessaging({
          transport: transport(),
          idempotencyStore: new RedisIdempotencyStore({ url: BROKERS.redis.url, prefix: storePrefix }),
          claimTtlMs: 1000,
          retentionMs: 120_000,
        });
        await m.subscribe(
          topic,
          {
            group,
            schema: Event,
            idempotent: true,
            maxAttempts: 3,
            prefetch: 64,
            backoff: { initialMs: 10, maxMs: 40 },
          },
          async (event, context) => {
            if (event.poison) throw new Error(`poison ${event.n}`);
            await new Promise((resolve) => setImmediate(resolve));
            effects.set(context.id, (effects.get(context.id) ?? 0) + 1);
          },
        );
        return m;
      };
      /** A crash: the connection drops with messages in hand; their handlers finish but cannot ack. */
      const crash = async (m: Messaging) => {
        await m.transport.close();
      };

      let consumer = await startConsumer();
      const publisher = createMessaging({ transport: transport() });
      const good = new Set<string>();
      const poison = new Set<string>();
      for (let start = 0; start < TOTAL; start += 500) {
        const batch = [];
        for (let n = start; n < start + 500; n++) {
          const id = `soak-${n}`;
          // Every 20th event is poison: half always throw, half fail the schema.
          const isPoison = n % 20 === 7;
          (isPoison ? poison : good).add(id);
          const event = isPoison && n % 40 === 7 ? { n, poison: 'yes' } : { n, poison: isPoison };
          batch.push(publisher.publisher.publish(topic, event, { id }));
        }
        await Promise.all(batch);
        if (start === 3000 || start === 6500) {
          await crash(consumer);
          consumer = await startConsumer();
        }
      }
      expect(poison.size).toBe(TOTAL * 0.05);

      const deadIds = new Set<string>();
      const deadReasons = new Map<string, string>();
      await waitFor(
        async () => {
          if ([...good].some((id) => !effects.has(id))) return false;
          for (const letter of await consumer.transport.deadLetters(group, 2 * poison.size)) {
            deadIds.add(letter.message.id);
          }
          return deadIds.size >= poison.size;
        },
        'every event handled or dead-lettered',
        50_000,
      ).catch(async (error: Error) => {
        // Say what is missing, so that a failure explains itself.
        for (const letter of await consumer.transport.deadLetters(group, 2 * TOTAL)) {
          deadReasons.set(letter.message.id, `${letter.reason}: ${letter.error}`);
        }
        const missing = [...good].filter((id) => !effects.has(id));
        const why = missing.slice(0, 5).map((id) => `${id} → ${deadReasons.get(id) ?? 'not in the DLQ'}`);
        const deadPoison = [...poison].filter((id) => deadReasons.has(id)).length;
        throw new Error(
          `${error.message}: ${missing.length} good events unhandled (${why.join('; ')}), ${deadPoison}/${poison.size} poison in the DLQ`,
        );
      });
      expect([...good].filter((id) => effects.get(id) !== 1)).toEqual([]);
      expect([...effects.keys()].filter((id) => !good.has(id))).toEqual([]);
      expect([...deadIds].sort()).toEqual([...poison].sort());
      await consumer.close();
      await publisher.close();
    },
    90_000,
  );
});
