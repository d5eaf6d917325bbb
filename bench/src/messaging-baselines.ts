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
  // The same queue as vitamin declares: quorum, dead-lettering to a DLQ, with a delivery limit.
  await confirms.assertExchange(`${name}.dlx`, 'direct', { durable: true });
  await confirms.assertQueue(`${name}.dlq`, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await confirms.bindQueue(`${name}.dlq`, `${name}.dlx`, name);
  await confirms.assertQueue(name, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-dead-letter-exchange': `${name}.dlx`,
      'x-dead-letter-routing-key': name,
      'x-delivery-limit': 20,
    },
  });
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
      await confirms.deleteQueue(`${name}.dlq`);
      await confirms.deleteExchange(`${name}.x`);
      await confirms.deleteExchange(`${name}.dlx`);
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

/** Deletes the queues vitamin's RabbitMQ transport made for a group, so that rounds never add up. */
export async function deleteRabbitMqGroup(url: string, group: string): Promise<void> {
  const model = await connectAmqp(url);
  const channel = await model.createChannel();
  for (const queue of [`vitamin.${group}`, `vitamin.${group}.dlq`]) await channel.deleteQueue(queue);
  await model.close();
}

/** Deletes every stream whose name starts with `prefix`. */
export async function deleteStreams(servers: string, prefix: string): Promise<void> {
  const nc = await connectNats({ servers });
  const jsm = await jetstreamManager(nc);
  for await (const name of jsm.streams.names()) if (name.startsWith(prefix)) await jsm.streams.delete(name);
  await nc.close();
}
