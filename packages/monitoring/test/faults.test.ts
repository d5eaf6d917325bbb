// Instances that misbehave: garbage on the stream, silence, refusal. None of it reaches the aggregate.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticRegistry } from '@vitamin/core';
import { startMonitor, type Monitor } from '@vitamin/monitoring';
import { eventually, getJson, readEvents } from './support/events.js';
import { callChecks, CHECK_KEY, quietLogger, startService, TOKEN, type RunningService } from './support/services.js';

/** A raw HTTP server that answers every request with `serve`, counting connections. */
async function rawServer(
  serve: (res: ServerResponse, connection: number) => void,
): Promise<{ server: Server; url: string; connections: () => number }> {
  let connections = 0;
  const server = createServer((_req, res) => serve(res, ++connections));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

const streamHead = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/event-stream' });
const validEvent = (name: string, requestCount: number) =>
  `data: ${JSON.stringify({ type: 'HystrixCommand', name, group: 'g', currentTime: Date.now(), isCircuitBreakerOpen: false, requestCount, errorCount: 0, rollingCountSuccess: requestCount, rollingCountFailure: 0, rollingCountTimeout: 0, rollingCountShortCircuited: 0, rollingCountSemaphoreRejected: 0, rollingCountThreadPoolRejected: 0, currentConcurrentExecutionCount: 0, latencyExecute: { '50': 1, '99': 2 }, latencyExecute_mean: 1 })}\n\n`;

let good: RunningService;
const servers: Server[] = [];
let notJson: Awaited<ReturnType<typeof rawServer>>;
let badFields: Awaited<ReturnType<typeof rawServer>>;
let refusing: Awaited<ReturnType<typeof rawServer>>;
let monitor: Monitor;
const log: string[] = [];

beforeAll(async () => {
  good = await startService('stock', 'stock-good');
  await callChecks(good.url, 30);
  // Valid events first, then a line that is not JSON: the same command name as the real one.
  notJson = await rawServer((res) => {
    streamHead(res);
    res.write(validEvent(CHECK_KEY, 1000));
    res.write('data: {"type":"HystrixCommand","name":\n\n');
  });
  // Well-formed JSON with counts that are not numbers.
  badFields = await rawServer((res) => {
    streamHead(res);
    res.write(
      `data: ${JSON.stringify({ type: 'HystrixCommand', name: CHECK_KEY, currentTime: 1, isCircuitBreakerOpen: false, requestCount: 'lots' })}\n\n`,
    );
  });
  refusing = await rawServer((res) => res.writeHead(403, { 'content-type': 'application/json' }).end('{}'));
  servers.push(notJson.server, badFields.server, refusing.server);
  // Good and bad instances in one cluster.
  monitor = await startMonitor({
    registry: new StaticRegistry({
      stock: [good.url, notJson.url, badFields.url],
      locked: [refusing.url],
    }),
    clusters: ['stock', 'locked'],
    token: TOKEN,
    intervalMs: 100,
    staleAfterMs: 600,
    reconnectMinMs: 100,
    reconnectMaxMs: 400,
    logger: quietLogger(log),
  });
});

afterAll(async () => {
  await monitor?.close();
  await good?.app.close();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

type Instances = { instances: { id: string; cluster: string; stream: string; streamReason: string | null }[] };
const instance = async (port: string) => {
  const { instances } = await getJson<Instances>(`${monitor.url}/api/instances`);
  return instances.find((i) => i.id.endsWith(port.split(':').at(-1)!))!;
};

describe('a stream that sends garbage', () => {
  it('is dropped with the reason shown and logged, and never poisons the aggregate', async () => {
    const dropped = await eventually(async () => {
      const i = await instance(notJson.url);
      return i.streamReason?.includes('sent garbage') ? i : undefined;
    }, 'the not-JSON stream dropped');
    expect(dropped.streamReason).toMatch(/sent garbage: not JSON/);
    const fields = await eventually(async () => {
      const i = await instance(badFields.url);
      return i.streamReason?.includes('requestCount') ? i : undefined;
    }, 'the bad-field stream dropped');
    expect(fields.streamReason).toMatch(/HystrixCommand 'stock-check': requestCount is not a number/);
    expect(log.some((line) => line.includes('sent garbage') && line.includes('stock/'))).toBe(true);
    // Only the real instance counts, however many times the bad ones reconnect.
    for (let batch = 0; batch < 5; batch++) {
      const events = await readEvents(`${monitor.url}/turbine.stream?cluster=stock`, (seen) => seen.length > 0);
      expect(events.find((e) => e['name'] === CHECK_KEY)).toMatchObject({ reportingHosts: 1, requestCount: 30 });
    }
    expect(notJson.connections()).toBeGreaterThan(1);
  });
});

describe('an instance that stops answering', () => {
  it('is dropped after staleAfterMs, leaves the aggregate, and is reconnected with backoff', async () => {
    // Sends one valid batch on its first connection, then nothing at all, ever.
    const silent = await rawServer((res, connection) => {
      streamHead(res);
      if (connection === 1) res.write(validEvent('silent-command', 7));
    });
    servers.push(silent.server);
    const quiet = await startMonitor({
      registry: new StaticRegistry({ quiet: [silent.url] }),
      clusters: ['quiet'],
      intervalMs: 100,
      staleAfterMs: 600,
      reconnectMinMs: 100,
      reconnectMaxMs: 400,
      logger: quietLogger(),
    });
    try {
      const first = await readEvents(`${quiet.url}/turbine.stream?cluster=quiet`, (seen) =>
        seen.some((e) => e['name'] === 'silent-command'),
      );
      expect(first.find((e) => e['name'] === 'silent-command')).toMatchObject({ requestCount: 7 });
      const dropped = await eventually(async () => {
        const [i] = (await getJson<Instances>(`${quiet.url}/api/instances`)).instances;
        return i?.streamReason !== null ? i : undefined;
      }, 'the silent stream dropped');
      expect(dropped.streamReason).toBe('stopped answering (timeout)');
      const { clusters } = await getJson<{ clusters: { commands: number }[] }>(`${quiet.url}/api/clusters`);
      expect(clusters[0]).toMatchObject({ commands: 0 });
      await eventually(() => silent.connections() >= 3 || undefined, 'reconnections of the silent instance', 5000);
    } finally {
      await quiet.close();
    }
  });

  it('shows a refusing instance with its status, and keeps trying', async () => {
    const refused = await eventually(async () => {
      const i = await instance(refusing.url);
      return i.streamReason !== null ? i : undefined;
    }, 'the refusing stream reported');
    expect(refused.streamReason).toMatch(/answered 403/);
    await eventually(() => refusing.connections() >= 2 || undefined, 'a second attempt');
  });
});
