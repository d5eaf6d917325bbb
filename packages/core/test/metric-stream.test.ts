import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { createApp, createLogger, HISTOGRAM_FIELD, HYSTRIX_PERCENTILES, type App } from '@vitamin/core';
import { RecordedCommands } from './support/command-source.js';

const TOKEN = 'stream-token';
const quiet = () => createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
const commands = new RecordedCommands();
let app: App;
let port: number;

/** Opens a raw stream connection; resolves with the socket once the response head arrived. */
function openStream(paused = false): Promise<{ socket: Socket; head: string; received: () => string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (!text.includes('\r\n\r\n')) return;
      if (paused) {
        socket.off('data', onData);
        socket.pause();
      }
      resolve({ socket, head: text.slice(0, text.indexOf('\r\n\r\n')), received: () => text });
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(`GET /actuator/hystrix.stream HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${TOKEN}\r\n\r\n`);
  });
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  commands.record(
    'Orders#get',
    'orders',
    { success: 45, failure: 4, timeout: 1, bulkheadRejected: 2 },
    [2, 3, 5, 8, 13, 21],
  );
  commands.record('Orders#list', 'orders', { success: 3 }, [1]);
  app = createApp({
    name: 'stream-service',
    logger: quiet(),
    config: { vitamin: { actuator: { token: TOKEN } } },
    actuator: { commands, streamIntervalMs: 50, streamMaxClients: 2, streamMaxBufferedBytes: 64 * 1024 },
  });
  port = (await app.listen()).port;
});

afterAll(() => app.close());

describe('hystrix.stream', () => {
  it('runs no timer while nobody listens', () => {
    expect(app.actuator!.stream.isRunning).toBe(false);
  });

  it('sends one HystrixCommand event per command and one HystrixThreadPool event per group in Hystrix format', async () => {
    const { socket, head, received } = await openStream();
    expect(head).toMatch(/content-type: text\/event-stream/i);
    await until(() => received().split('data: ').length > 3, 2000);
    socket.destroy();
    const events = received()
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>);
    const command = events.find((e) => e['type'] === 'HystrixCommand' && e['name'] === 'Orders#get')!;
    expect(command).toMatchObject({
      group: 'orders',
      threadPool: 'orders',
      rollingCountSuccess: 45,
      rollingCountFailure: 4,
      rollingCountTimeout: 1,
      rollingCountSemaphoreRejected: 2,
      rollingCountThreadPoolRejected: 0,
      rollingCountShortCircuited: 0,
      errorCount: 7,
      requestCount: 52,
      errorPercentage: 13,
      isCircuitBreakerOpen: false,
      currentConcurrentExecutionCount: 1,
      latencyExecute_mean: 9,
      propertyValue_executionIsolationStrategy: 'SEMAPHORE',
      propertyValue_circuitBreakerRequestVolumeThreshold: 20,
      propertyValue_executionTimeoutInMilliseconds: 1000,
      reportingHosts: 1,
    });
    expect(Object.keys(command['latencyExecute'] as object).sort()).toEqual([...HYSTRIX_PERCENTILES].sort());
    expect(command['latencyExecute']).toEqual({
      0: 2,
      25: 3,
      50: 5,
      75: 13,
      90: 21,
      95: 21,
      99: 21,
      99.5: 21,
      100: 21,
    });
    expect(command['latencyTotal']).toEqual(command['latencyExecute']);
    expect(typeof command['currentTime']).toBe('number');
    for (const [field, value] of Object.entries(command)) {
      if (/^(rollingCount|rollingMax|current|errorCount|requestCount|errorPercentage|latency\w*_mean)/.test(field)) {
        expect(Number.isInteger(value), field).toBe(true);
      }
    }
    expect(typeof command[HISTOGRAM_FIELD]).toBe('string');
    const pool = events.find((e) => e['type'] === 'HystrixThreadPool')!;
    expect(pool).toMatchObject({
      name: 'orders',
      currentActiveCount: 1,
      rollingCountThreadsExecuted: 7,
      reportingHosts: 1,
    });
    expect(
      events.filter((e) => e['type'] === 'HystrixThreadPool' && e['currentTime'] === pool['currentTime']),
    ).toHaveLength(1);
  });

  it('releases a subscriber within 1 s of a disconnect and stops its timer', async () => {
    const { socket } = await openStream();
    expect(app.actuator!.stream.clientCount).toBe(1);
    expect(app.actuator!.stream.isRunning).toBe(true);
    socket.destroy();
    await until(() => app.actuator!.stream.clientCount === 0, 1000);
    expect(app.actuator!.stream.isRunning).toBe(false);
  });

  it('answers 503 past the client limit', async () => {
    const clients = [await openStream(), await openStream()];
    const agent = new Agent();
    const res = await request(`http://127.0.0.1:${port}/actuator/hystrix.stream`, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(503);
    expect(await res.body.json()).toEqual({
      error: { code: 'VITAMIN_E_STREAM_LIMIT', message: 'Too many stream clients' },
    });
    for (const { socket } of clients) socket.destroy();
    await agent.close();
    await until(() => app.actuator!.stream.clientCount === 0, 1000);
  });

  it('disconnects a client that stops reading, and keeps serving one that reads', async () => {
    for (let i = 0; i < 60; i++) commands.record(`Bulk#op${i}`, 'bulk', { success: i }, [i]);
    const slow = await openStream(true);
    const fast = await openStream();
    try {
      await until(() => app.actuator!.stream.clientCount === 1, 15_000);
      const closed = new Promise((resolve) => slow.socket.once('close', resolve));
      slow.socket.resume();
      await closed;
      // The reader that kept up is still served.
      const before = fast.received().length;
      await until(() => fast.received().length > before, 2000);
    } finally {
      slow.socket.destroy();
      fast.socket.destroy();
      for (let i = 0; i < 60; i++) commands.forget(`Bulk#op${i}`);
    }
  });

  it('ends every stream when the app closes, so shutdown is not held open', async () => {
    const other = createApp({
      name: 'closing',
      logger: quiet(),
      config: { vitamin: { actuator: { token: TOKEN } } },
      actuator: { commands, streamIntervalMs: 50 },
    });
    const { port: otherPort } = await other.listen();
    const socket = connect(otherPort, '127.0.0.1');
    socket.write(`GET /actuator/hystrix.stream HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${TOKEN}\r\n\r\n`);
    socket.resume();
    await until(() => other.actuator!.stream.clientCount === 1, 2000);
    const ended = new Promise((resolve) => socket.once('close', resolve));
    const started = Date.now();
    await other.close();
    await ended;
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
