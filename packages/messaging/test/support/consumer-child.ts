// A consumer in its own process, so that a test can kill it with SIGKILL mid-handling.
// Environment: TRANSPORT (rabbitmq | nats), TOPIC, GROUP, PREFIX (NATS stream/subject prefix),
// HANG=1 to never finish a handler (the test kills the process meanwhile).
import { createMessaging, JetStreamTransport, RabbitMqTransport } from '@vitamin/messaging';
import { BROKERS } from './brokers.js';

const env = process.env;
const prefix = env['PREFIX'] ?? 'VITAMIN';
const transport =
  env['TRANSPORT'] === 'nats'
    ? new JetStreamTransport({
        servers: BROKERS.nats.url,
        streamPrefix: prefix,
        subjectPrefix: prefix.toLowerCase(),
        ackWaitMs: 1000,
      })
    : new RabbitMqTransport({ url: BROKERS.rabbitmq.url });
const messaging = createMessaging({ transport });
await messaging.subscribe(env['TOPIC']!, { group: env['GROUP']!, prefetch: 1 }, async (event, context) => {
  process.send?.({ handling: context.id, attempt: context.attempt, event });
  if (env['HANG'] === '1') await new Promise(() => undefined);
});
process.send?.({ ready: true });
