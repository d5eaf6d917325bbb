import { describe, expect, it } from 'vitest';
import { createApp, createLogger } from '@vitamin/core';
import { createMessaging, exposeMessagingMetrics, Subscribe } from '@vitamin/messaging';

class Shipping {
  @Subscribe('order.placed', { group: 'shipping', maxAttempts: 1 })
  onPlaced(event: { ok: boolean }) {
    if (!event.ok) throw new Error('cannot ship');
  }
}

describe('consumer metrics on the actuator', () => {
  it('shows handled and dead-lettered counts per topic and group on /actuator/prometheus', async () => {
    const token = 'metrics-token-0123456789';
    const app = createApp({
      name: 'shipping',
      logger: createLogger({ level: 'silent' }),
      config: { vitamin: { actuator: { token } } },
    });
    const messaging = createMessaging();
    await messaging.start([new Shipping()]);
    exposeMessagingMetrics(app, messaging.metrics);
    const { url } = await app.listen();

    await messaging.publisher.publish('order.placed', { ok: true });
    await messaging.publisher.publish('order.placed', { ok: true });
    await messaging.publisher.publish('order.placed', { ok: false });
    for (let i = 0; i < 50 && (messaging.metrics.snapshot()[0]?.deadLettered ?? 0) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const text = await (
      await fetch(`${url}/actuator/prometheus`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(text).toContain(
      'vitamin_messaging_consumer_messages_total{topic="order.placed",group="shipping",outcome="handled"} 2',
    );
    expect(text).toContain(
      'vitamin_messaging_consumer_messages_total{topic="order.placed",group="shipping",outcome="deadLettered"} 1',
    );

    // The metric stream carries one VitaminConsumer event per topic and group.
    const stream = await fetch(`${url}/actuator/hystrix.stream`, { headers: { authorization: `Bearer ${token}` } });
    const reader = stream.body!.getReader();
    let events = '';
    while (!events.includes('VitaminConsumer')) events += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const event = events
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>)
      .find((e) => e['type'] === 'VitaminConsumer');
    expect(event).toMatchObject({ name: 'order.placed/shipping', handled: 2, deadLettered: 1 });
    expect(typeof event!['currentTime']).toBe('number');
    await app.close();
    await messaging.close();
  });
});
