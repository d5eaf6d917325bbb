import { describe, expect, it } from 'vitest';
import { Subscribe } from '../subscription/subscribe.js';
import type { MessageContext } from '../consumer/message-context.js';
import { createMessaging } from './create-messaging.js';

class Deliveries {
  readonly scheduled: number[] = [];

  @Subscribe<{ orderId: number }>('order.created', { group: 'delivery' })
  onCreated(event: { orderId: number }, context: MessageContext) {
    this.scheduled.push(event.orderId * (context.attempt === 1 ? 1 : -1));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('createMessaging', () => {
  it('starts a consumer for each @Subscribe method of the given instances, bound to them', async () => {
    const messaging = createMessaging();
    const deliveries = new Deliveries();
    await messaging.start([deliveries]);
    await messaging.publisher.publish('order.created', { orderId: 7 });
    await settle();
    expect(deliveries.scheduled).toEqual([7]);
    expect(messaging.metrics.snapshot()).toEqual([
      {
        topic: 'order.created',
        group: 'delivery',
        handled: 1,
        failed: 0,
        retried: 0,
        deadLettered: 0,
        duplicates: 0,
        filtered: 0,
      },
    ]);
    await messaging.close();
  });

  it('refuses a subscription with a maxAttempts below 1', async () => {
    const messaging = createMessaging();
    await expect(messaging.subscribe('order.created', { group: 'g', maxAttempts: 0 }, () => undefined)).rejects.toThrow(
      /maxAttempts must be a whole number ≥ 1, got 0/,
    );
    await messaging.close();
  });

  it('dead-letters a message that is not JSON without calling the handler', async () => {
    const messaging = createMessaging();
    let calls = 0;
    await messaging.subscribe('order.created', { group: 'g' }, () => void calls++);
    await messaging.transport.publish({ id: 'raw', topic: 'order.created', headers: {}, body: Buffer.from('{oops') });
    await settle();
    const [letter] = await messaging.transport.deadLetters('g');
    expect(letter).toMatchObject({ reason: 'invalid', attempts: 1 });
    expect(letter!.error).toMatch(/^body is not JSON/);
    expect(calls).toBe(0);
    await messaging.close();
  });
});
