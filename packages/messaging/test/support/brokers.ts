import { connect } from 'node:net';

/** The real brokers on this machine, as the tests use them. */
export const BROKERS = {
  rabbitmq: { host: '127.0.0.1', port: 5672, url: 'amqp://guest:guest@127.0.0.1:5672' },
  nats: { host: '127.0.0.1', port: 4222, url: 'nats://127.0.0.1:4222' },
  redis: { host: '127.0.0.1', port: 6379, url: 'redis://127.0.0.1:6379' },
} as const;

/**
 * Why tests of `broker` must skip, or `undefined` when it is reachable. `.ci/check-brokers` makes CI
 * fail instead, so that these tests are never skipped silently there.
 */
export async function unreachable(broker: keyof typeof BROKERS): Promise<string | undefined> {
  const { host, port } = BROKERS[broker];
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    const done = (reason: string | undefined) => {
      socket.destroy();
      if (reason !== undefined) console.warn(`skipping ${broker} tests: ${reason}`);
      resolve(reason);
    };
    socket.once('connect', () => done(undefined));
    socket.once('timeout', () => done(`${broker} is not reachable at ${host}:${port} (timeout)`));
    socket.once('error', (error) => done(`${broker} is not reachable at ${host}:${port} (${error.message})`));
  });
}
