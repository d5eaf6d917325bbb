import { afterAll, describe, expect, it } from 'vitest';
import {
  createMessaging,
  InMemoryIdempotencyStore,
  JetStreamTransport,
  RedisIdempotencyStore,
  type IdempotencyStore,
} from '@vitamin/messaging';
import { deleteJetStreamStreams } from './support/broker-cleanup.js';
import { BROKERS, unreachable } from './support/brokers.js';
import { uniqueName, waitFor } from './support/wait.js';

const redisSkip = await unreachable('redis');
const natsSkip = await unreachable('nats');

function describeStore(
  name: string,
  make: () => IdempotencyStore,
  expire: (ms: number) => Promise<void>,
  skip?: string,
) {
  describe.skipIf(skip !== undefined)(`${name} idempotency store${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const store = make();
    afterAll(() => store.close());

    it('claims a key once, reports it busy while claimed and done once completed', async () => {
      const key = uniqueName('k');
      expect(await store.claim(key, 10_000)).toBe('claimed');
      expect(await store.claim(key, 10_000)).toBe('busy');
      await store.complete(key, 10_000);
      expect(await store.claim(key, 10_000)).toBe('done');
    });

    it('lets a released claim be claimed again, but never releases a done key', async () => {
      const key = uniqueName('k');
      expect(await store.claim(key, 10_000)).toBe('claimed');
      await store.release(key);
      expect(await store.claim(key, 10_000)).toBe('claimed');
      await store.complete(key, 10_000);
      await store.release(key);
      expect(await store.claim(key, 10_000)).toBe('done');
    });

    it('lets the claim of a crashed consumer expire, so that the message runs again, once', async () => {
      const key = uniqueName('k');
      expect(await store.claim(key, 50)).toBe('claimed');
      await expire(60);
      expect(await store.claim(key, 10_000)).toBe('claimed');
      expect(await store.claim(key, 10_000)).toBe('busy');
    });
  });
}

let now = 0;
describeStore(
  'in-memory',
  () => new InMemoryIdempotencyStore(() => now),
  (ms) => Promise.resolve(void (now += ms)),
);
describeStore(
  'Redis',
  () => new RedisIdempotencyStore({ url: BROKERS.redis.url, prefix: `vitamin-test:${process.pid}:` }),
  (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  redisSkip,
);

describe.skipIf(redisSkip !== undefined || natsSkip !== undefined)(
  `duplicates beyond the broker's dedup window${(redisSkip ?? natsSkip) ? ` (skipped: ${redisSkip ?? natsSkip})` : ''}`,
  () => {
    const prefix = `VDUP${process.pid}`;
    afterAll(() => deleteJetStreamStreams(prefix));

    it('runs the effect once when JetStream stores the same message id twice', async () => {
      // A dedup window of 100 ms: the second publish lands after it, so the stream keeps both copies.
      const transport = new JetStreamTransport({
        servers: BROKERS.nats.url,
        streamPrefix: prefix,
        subjectPrefix: prefix.toLowerCase(),
        duplicateWindowMs: 100,
      });
      const messaging = createMessaging({
        transport,
        retentionMs: 60_000,
        idempotencyStore: new RedisIdempotencyStore({ url: BROKERS.redis.url, prefix: `vitamin-test:${process.pid}:` }),
      });
      const topic = `${uniqueName('dup')}.created`;
      let effects = 0;
      await messaging.subscribe(topic, { group: uniqueName('g'), idempotent: true }, () => void effects++);
      const id = uniqueName('order');
      await messaging.publisher.publish(topic, { n: 1 }, { id });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await messaging.publisher.publish(topic, { n: 1 }, { id });
      await waitFor(() => messaging.metrics.snapshot()[0]?.duplicates === 1, 'the duplicate');
      expect(effects).toBe(1);
      expect(messaging.metrics.snapshot()[0]).toMatchObject({ handled: 1, duplicates: 1 });
      await messaging.close();
    });
  },
);
