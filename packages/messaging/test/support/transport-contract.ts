import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createMessaging,
  HEADERS,
  type MessageContext,
  type Messaging,
  type MessageTransport,
} from '@vitamin/messaging';
import { uniqueName, waitFor } from './wait.js';

/** Makes a fresh transport; `undefined` with a reason means the broker is unreachable. */
export type TransportFactory = () => MessageTransport;

const fast = { initialMs: 20, multiplier: 2, maxMs: 200 };

/**
 * The behaviour every transport must have: the same tests run against the in-memory transport and
 * against each real broker.
 */
export function describeTransportContract(
  name: string,
  makeTransport: TransportFactory,
  skipReason?: string,
  cleanup?: () => Promise<void>,
): void {
  describe.skipIf(skipReason !== undefined)(`${name} transport${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    const open: Messaging[] = [];
    const messaging = () => {
      const m = createMessaging({
        transport: makeTransport(),
        traceContext: () => ({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }),
      });
      open.push(m);
      return m;
    };
    const topic = () => `${uniqueName('t')}.created`;
    afterEach(async () => {
      await Promise.all(open.splice(0).map((m) => m.close()));
    });
    afterAll(async () => {
      await cleanup?.();
    });

    it('delivers each event once per group, with key, attempt and trace context', async () => {
      const m = messaging();
      const t = topic();
      const [a, b] = [uniqueName('a'), uniqueName('b')];
      const seenA: [unknown, MessageContext][] = [];
      const seenB: unknown[] = [];
      await m.subscribe(t, { group: a }, (event, context) => void seenA.push([event, context]));
      await m.subscribe(t, { group: b }, (event) => void seenB.push(event));
      const id = await m.publisher.publish(t, { orderId: 1 }, { key: 'k1', headers: { 'x-tenant': 'acme' } });
      await waitFor(() => seenA.length === 1 && seenB.length === 1, 'both groups');
      const [event, context] = seenA[0]!;
      expect(event).toEqual({ orderId: 1 });
      expect(seenB).toEqual([{ orderId: 1 }]);
      expect(context).toMatchObject({ id, topic: t, key: 'k1', group: a, attempt: 1 });
      expect(context.headers['x-tenant']).toBe('acme');
      expect(context.trace.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    });

    it('retries a failing handler with backoff until it succeeds', async () => {
      const m = messaging();
      const t = topic();
      const group = uniqueName('g');
      const attempts: number[] = [];
      await m.subscribe(t, { group, maxAttempts: 5, backoff: fast }, (_event, context) => {
        attempts.push(context.attempt);
        if (context.attempt < 3) throw new Error('not yet');
      });
      await m.publisher.publish(t, { n: 1 });
      await waitFor(() => m.metrics.snapshot()[0]?.handled === 1, 'handled');
      expect(attempts).toEqual([1, 2, 3]);
      expect(m.metrics.snapshot()[0]).toMatchObject({ failed: 2, retried: 2, deadLettered: 0 });
    });

    it('dead-letters after maxAttempts with the last error and attempt count, and redrives to that group only', async () => {
      const m = messaging();
      const t = topic();
      const [group, other] = [uniqueName('g'), uniqueName('o')];
      let broken = true;
      const handled: unknown[] = [];
      const otherSeen: unknown[] = [];
      await m.subscribe(t, { group, maxAttempts: 3, backoff: fast }, (event, context) => {
        if (broken) throw new Error(`boom at attempt ${context.attempt}`);
        handled.push(event);
      });
      await m.subscribe(t, { group: other }, (event) => void otherSeen.push(event));
      const id = await m.publisher.publish(t, { n: 2 });
      await waitFor(async () => (await m.transport.deadLetters(group)).length === 1, 'dead letter');
      const [letter] = await m.transport.deadLetters(group);
      expect(letter).toMatchObject({ reason: 'exhausted', error: 'boom at attempt 3', attempts: 3 });
      expect(letter!.message.id).toBe(id);
      expect(letter!.message.headers[HEADERS.error]).toBe('boom at attempt 3');
      expect(m.metrics.snapshot().find((c) => c.group === group)).toMatchObject({
        failed: 3,
        retried: 2,
        deadLettered: 1,
      });

      broken = false;
      expect(await m.transport.redrive(group)).toBe(1);
      await waitFor(() => handled.length === 1, 'redriven message handled');
      expect(handled).toEqual([{ n: 2 }]);
      expect(await m.transport.deadLetters(group)).toEqual([]);
      expect(otherSeen).toEqual([{ n: 2 }]);
    });

    it('sends a schema-invalid message straight to the dead-letter queue', async () => {
      const m = messaging();
      const t = topic();
      const group = uniqueName('g');
      const handled: unknown[] = [];
      const schema = z.object({ orderId: z.number() });
      await m.subscribe(t, { group, schema, maxAttempts: 5 }, (event) => void handled.push(event));
      await m.publisher.publish(t, { orderId: 'nope' });
      await m.publisher.publish(t, { orderId: 7 });
      await waitFor(async () => (await m.transport.deadLetters(group)).length === 1 && handled.length === 1, 'both');
      const [letter] = await m.transport.deadLetters(group);
      expect(letter).toMatchObject({ reason: 'invalid', attempts: 1 });
      expect(letter!.error).toContain('orderId');
      expect(handled).toEqual([{ orderId: 7 }]);
    });

    it('runs the effect of an idempotent handler once for a duplicated message', async () => {
      const m = messaging();
      const t = topic();
      const group = uniqueName('g');
      let effects = 0;
      await m.subscribe(t, { group, idempotent: true }, () => void effects++);
      await m.publisher.publish(t, { n: 1 }, { id: 'same-id' });
      await m.publisher.publish(t, { n: 1 }, { id: 'same-id' });
      await m.publisher.publish(t, { n: 2 });
      await waitFor(() => {
        const c = m.metrics.snapshot()[0];
        return c !== undefined && c.handled + c.duplicates >= 2 && effects >= 2;
      }, 'handled');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(effects).toBe(2);
    });

    it('filters and translates before the handler', async () => {
      const m = messaging();
      const t = topic();
      const group = uniqueName('g');
      const seen: string[] = [];
      await m.subscribe<{ kind: string; id: number }, string>(
        t,
        { group, filter: (e) => e.kind === 'paid', translate: (e) => `order-${e.id}` },
        (event) => void seen.push(event),
      );
      await m.publisher.publish(t, { kind: 'draft', id: 1 });
      await m.publisher.publish(t, { kind: 'paid', id: 2 });
      await waitFor(() => seen.length === 1 && m.metrics.snapshot()[0]?.filtered === 1, 'filtered and handled');
      expect(seen).toEqual(['order-2']);
    });

    it('ignores a second settlement of the same delivery and keeps consuming', async () => {
      const transport = makeTransport();
      const t = topic();
      const group = uniqueName('g');
      const ids: string[] = [];
      const consumption = await transport.consume({ topic: t, group, maxAttempts: 3, prefetch: 4 }, async (d) => {
        await d.ack();
        await d.ack();
        await d.retry(10);
        await d.deadLetter('exhausted', 'late');
        ids.push(d.message.id);
      });
      const m = createMessaging({ transport });
      open.push(m);
      await m.publisher.publish(t, { n: 1 }, { id: 'one' });
      await m.publisher.publish(t, { n: 2 }, { id: 'two' });
      await waitFor(() => ids.length === 2, 'both messages');
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(ids).toEqual(['one', 'two']);
      expect(await transport.deadLetters(group)).toEqual([]);
      await consumption.stop();
    });
  });
}
