import { describe, expect, it } from 'vitest';
import { backoffDelay, resolveSubscribeOptions } from './subscription-options.js';
import { defineSubscription, Subscribe, subscriptionsOf } from './subscribe.js';

describe('@Subscribe', () => {
  it('only records the topic, method and options on the class', () => {
    class Deliveries {
      @Subscribe('order.created', { group: 'delivery', maxAttempts: 3 })
      onCreated() {}

      @Subscribe('order.cancelled', { group: 'delivery', idempotent: true })
      onCancelled() {}
    }
    expect(subscriptionsOf(Deliveries)).toEqual([
      { method: 'onCreated', topic: 'order.created', options: { group: 'delivery', maxAttempts: 3 } },
      { method: 'onCancelled', topic: 'order.cancelled', options: { group: 'delivery', idempotent: true } },
    ]);
  });

  it('has a plain-function twin that records the same', () => {
    class Plain {
      handle() {}
    }
    defineSubscription(Plain, 'handle', 'order.created', { group: 'g' });
    expect(subscriptionsOf(Plain)).toEqual([{ method: 'handle', topic: 'order.created', options: { group: 'g' } }]);
  });

  it('refuses topics and groups that brokers would read as patterns, naming where', () => {
    class Bad {
      handle() {}
    }
    expect(() => defineSubscription(Bad, 'handle', 'order.*', { group: 'g' })).toThrow(
      /Invalid topic "order\.\*" in Bad\.handle/,
    );
    expect(() => defineSubscription(Bad, 'handle', 'order.#', { group: 'g' })).toThrow(/Invalid topic/);
    expect(() => defineSubscription(Bad, 'handle', 'order', { group: 'a.b' })).toThrow(
      /Invalid consumer group "a\.b" in Bad\.handle/,
    );
    expect(() => defineSubscription(Bad, 'handle', 'order', { group: '' })).toThrow(/Invalid consumer group/);
  });
});

describe('backoff', () => {
  it('grows exponentially from initialMs and stops at maxMs', () => {
    const { backoff } = resolveSubscribeOptions({
      group: 'g',
      backoff: { initialMs: 100, multiplier: 3, maxMs: 1000 },
    });
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(backoff, attempt))).toEqual([100, 300, 900, 1000, 1000]);
  });

  it('fills in defaults and keeps what is given', () => {
    expect(resolveSubscribeOptions({ group: 'g', maxAttempts: 2 })).toMatchObject({
      group: 'g',
      maxAttempts: 2,
      idempotent: false,
      prefetch: 16,
      backoff: { initialMs: 1000, multiplier: 2, maxMs: 60_000 },
    });
  });
});
