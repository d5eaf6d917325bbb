import { describe, expect, it } from 'vitest';
import { Controller, createApp, createLogger, currentTrace, Post, type TraceContext } from '@vitamin/core';
import { createMessaging, Subscribe, type MessageContext } from '@vitamin/messaging';

class Shipping {
  readonly seen: { trace: TraceContext | undefined; context: MessageContext }[] = [];

  @Subscribe('order.placed', { group: 'shipping' })
  onPlaced(_event: unknown, context: MessageContext) {
    this.seen.push({ trace: currentTrace(), context });
  }
}

describe('trace context through messages', () => {
  it('continues the trace of the HTTP request that published in the consumer handler', async () => {
    const messaging = createMessaging();
    const shipping = new Shipping();
    await messaging.start([shipping]);

    @Controller('/orders')
    class Orders {
      @Post('')
      async place() {
        await messaging.publisher.publish('order.placed', { id: 1 });
        return { traceId: currentTrace()!.traceId, spanId: currentTrace()!.spanId };
      }
    }
    const app = createApp({ name: 'orders', controllers: [Orders], logger: createLogger({ level: 'silent' }) });
    const { url } = await app.listen();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await fetch(`${url}/orders`, {
      method: 'POST',
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const request = (await res.json()) as { traceId: string; spanId: string };
    for (let i = 0; i < 50 && shipping.seen.length === 0; i++) await new Promise((r) => setTimeout(r, 10));

    expect(request.traceId).toBe(traceId);
    const [{ trace, context }] = shipping.seen as [(typeof shipping.seen)[number]];
    expect(context.trace.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(trace?.traceId).toBe(traceId);
    expect(trace?.spanId).not.toBe(request.spanId);
    await app.close();
    await messaging.close();
  });

  it('starts a new trace for a message published outside any trace', async () => {
    const messaging = createMessaging();
    const shipping = new Shipping();
    await messaging.start([shipping]);
    await messaging.publisher.publish('order.placed', { id: 2 });
    for (let i = 0; i < 50 && shipping.seen.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(shipping.seen[0]!.context.trace.traceparent).toBeUndefined();
    expect(shipping.seen[0]!.trace?.traceId).toMatch(/^[0-9a-f]{32}$/);
    await messaging.close();
  });
});
