// Question: how much publish and consume throughput do vitamin's RabbitMQ and JetStream transports
// keep compared with the raw client libraries doing the same work (confirmed publishes, manual acks)?
// Run: npm run build && node bench/dist/messaging-throughput.js (brokers on 127.0.0.1:5672 and :4222)
import { createMessaging, JetStreamTransport, RabbitMqTransport, type MessageTransport } from '@vitamin/messaging';
import {
  deleteRabbitMqGroup,
  deleteStreams,
  rawJetStream,
  rawRabbitMq,
  windowed,
  type Scenario,
} from './messaging-baselines.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const COUNT = Number(process.env['COUNT'] ?? 10_000);
const WINDOW = 256;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** vitamin's publisher and consumer pipeline over a transport, as a scenario. */
async function ours(transport: MessageTransport, name: string, cleanup: () => Promise<void>): Promise<Scenario> {
  const messaging = createMessaging({ transport });
  const options = { group: name, prefetch: WINDOW, maxAttempts: 5 };
  // Subscribing once creates the group's queue or durable consumer, so that publishes are kept.
  await (await messaging.subscribe('order.created', options, () => undefined)).stop();
  return {
    publish: (count, window) =>
      windowed(count, window, (n) =>
        messaging.publisher.publish('order.created', { orderId: n, items: ['tea', 'milk'] }),
      ),
    consume: async (count) => {
      let seen = 0;
      let done!: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      const consumption = await messaging.subscribe('order.created', options, () => {
        if (++seen === count) done();
      });
      await finished;
      return () => consumption.stop();
    },
    close: async () => {
      await messaging.close();
      await cleanup();
    },
  };
}

async function measure(make: () => Promise<Scenario>) {
  const scenario = await make();
  let start = performance.now();
  await scenario.publish(COUNT, WINDOW);
  const publish = COUNT / ((performance.now() - start) / 1000);
  start = performance.now();
  const stop = await scenario.consume(COUNT, WINDOW);
  const consume = COUNT / ((performance.now() - start) / 1000);
  await stop();
  await scenario.close();
  return { publish, consume };
}

const transports = [
  {
    label: 'RabbitMQ',
    raw: (round: number) => rawRabbitMq('amqp://guest:guest@127.0.0.1:5672', `bench-raw-${process.pid}-${round}`),
    ours: (round: number) =>
      ours(new RabbitMqTransport(), `bench-${process.pid}-${round}`, () =>
        deleteRabbitMqGroup('amqp://guest:guest@127.0.0.1:5672', `bench-${process.pid}-${round}`),
      ),
  },
  {
    label: 'JetStream',
    raw: (round: number) => rawJetStream('nats://127.0.0.1:4222', `BENCHRAW${process.pid}_${round}`),
    ours: (round: number) =>
      ours(
        new JetStreamTransport({
          streamPrefix: `BENCH${process.pid}_${round}`,
          subjectPrefix: `bench${process.pid}_${round}`,
        }),
        `bench-${process.pid}-${round}`,
        () => deleteStreams('nats://127.0.0.1:4222', `BENCH${process.pid}_${round}`),
      ),
  },
];

console.log(`messaging throughput: ${COUNT} messages, ${WINDOW} in flight, median of ${ROUNDS} rounds (msg/s)`);
for (const { label, raw, ours: vitamin } of transports) {
  const results = {
    raw: [] as { publish: number; consume: number }[],
    ours: [] as { publish: number; consume: number }[],
  };
  for (let round = 0; round < ROUNDS; round++) {
    results.raw.push(await measure(() => raw(round)));
    results.ours.push(await measure(() => vitamin(round)));
  }
  for (const phase of ['publish', 'consume'] as const) {
    const r = median(results.raw.map((x) => x[phase]));
    const o = median(results.ours.map((x) => x[phase]));
    console.log(
      `  ${label.padEnd(10)} ${phase.padEnd(8)} raw ${r.toFixed(0).padStart(6)}  vitamin ${o.toFixed(0).padStart(6)}  ratio ${(o / r).toFixed(3)}`,
    );
  }
}
