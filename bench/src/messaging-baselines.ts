// Raw client baselines for messaging-throughput: the same work as vitamin's transports, written
// directly against amqplib and @nats-io/jetstream.
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect as connectNats, headers } from '@nats-io/transport-node';
import { connect as connectAmqp } from 'amqplib';

/** Publishes `count` messages and then consumes them; each phase timed on its own. */
export interface Scenario {
  publish(count: number, window: number): Promise<void>;
  /** Resolves once `count` messages were handled, with how to stop the consumer (not timed). */
  consume(count: number, prefetch: number): Promise<() => Promise<unknown>>;
  close(): Promise<void>;
}

const body = (n: number) => Buffer.from(JSON.stringify({ orderId: n, items: ['tea', 'milk'] }));

/** At most `window` operations in flight. */
export async function windowed(count: number, window: number, op: (n: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await op(next++);
  };
  await Promise.all(Array.from({ length: Math.min(window, count) }, worker));
}

/** Confirmed publishes to a durable topic exchange, a quorum queue, manual acks. */
export async function rawRabbitMq(url: string, name: string): Promise<Scenario> {
  const model = await connectAmqp(url);
  const confirms = await model.createConfirmChannel();
  await confirms.assertExchange(`${name}.x`, 'topic', { durable: true });
  await confirms.assertQueue(name, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await confirms.bindQueue(name, `${name}.x`, 'order.created');
  return {
    publish: (count, window) =>
      windowed(
        count,
        window,
        (n) =>
          new Promise<void>((resolve, reject) => {
            const headers = { 'x-vitamin-id': `${n}`, 'x-vitamin-topic': 'order.created' };
            confirms.publish(
              `${name}.x`,
              'order.created',
              body(n),
              { persistent: true, messageId: `${n}`, headers },
              (error) => (error ? reject(error) : resolve()),
            );
          }),
      ),
    consume: async (count, prefetch) => {
      const channel = await model.createChannel();
      await channel.prefetch(prefetch);
      let seen = 0;
      await new Promise<void>((resolve) => {
        void channel.consume(name, (message) => {
          if (message === null) return;
          JSON.parse(message.content.toString());
          channel.ack(message);
          if (++seen === count) resolve();
        });
      });
      return () => channel.close();
    },
    close: async () => {
      await confirms.deleteQueue(name);
      await confirms.deleteExchange(`${name}.x`);
      await model.close();
    },
  };
}

/** Publishes with Nats-Msg-Id to a stream, a durable pull consumer with explicit acks. */
export async function rawJetStream(servers: string, name: string): Promise<Scenario> {
  const nc = await connectNats({ servers });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const subject = `${name.toLowerCase()}.ev.order.created`;
  await jsm.streams.add({ name, subjects: [subject] });
  await jsm.consumers.add(name, {
    durable_name: 'bench',
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: subject,
    max_ack_pending: 256,
    max_deliver: 5,
  });
  return {
    publish: (count, window) =>
      windowed(count, window, (n) => {
        const h = headers();
        h.set('x-vitamin-id', `${n}`);
        h.set('x-vitamin-topic', 'order.created');
        return js.publish(subject, body(n), { msgID: `${n}`, headers: h });
      }),
    consume: async (count, prefetch) => {
      const consumer = await js.consumers.get(name, 'bench');
      const messages = await consumer.consume({ max_messages: prefetch });
      let seen = 0;
      for await (const m of messages) {
        m.json();
        m.ack();
        if (++seen === count) break;
      }
      return () => messages.close();
    },
    close: async () => {
      await jsm.streams.delete(name);
      await nc.close();
    },
  };
}
