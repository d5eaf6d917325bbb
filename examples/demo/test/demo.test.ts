import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleOrder } from '../src/load-generator.js';

// The demo runs as `npm run demo` does, as a real process, from the TypeScript sources (the same
// loader hooks as core's process tests), so the test never runs a stale build.
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const HOOKS = new URL('../../../packages/core/test/support/register-ts.mjs', import.meta.url).href;
// The actuator token the demo's services get: as any property, the environment's wins over the
// demo's own (random) one, so the test can read the instances' streams itself.
const ACTUATOR_TOKEN = randomBytes(18).toString('base64url');
const BEARER = { authorization: `Bearer ${ACTUATOR_TOKEN}` };

interface Row {
  url: string;
  pid: number;
}

/** Polls `check` until it returns a value (not undefined), at most `timeoutMs`. */
async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The first `HystrixCommand` event of `key` on a metric stream (an instance's, or the monitor's merged one). */
async function streamEvent(
  url: string,
  key: string,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  expect(res.status).toBe(200);
  const decoder = new TextDecoder();
  let text = '';
  try {
    for await (const chunk of res.body!) {
      text += decoder.decode(chunk as Uint8Array, { stream: true });
      for (const line of text.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const event = JSON.parse(line.slice(6)) as Record<string, unknown>;
        if (event['type'] === 'HystrixCommand' && event['name'] === key) return event;
      }
    }
  } finally {
    controller.abort();
  }
  throw new Error(`no ${key} event on ${url}`);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm run demo, headless', () => {
  let demo: ChildProcess;
  let output = '';
  let exited: Promise<number | string>;
  const rows = new Map<string, Row>();
  let monitor: string;
  let adminToken: string;

  beforeAll(async () => {
    demo = spawn(
      process.execPath,
      ['--conditions=vitamin:source', '--import', HOOKS, MAIN, '--rate', '20', '--monitor-port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, VITAMIN_PROPS__vitamin__actuator__token: ACTUATOR_TOKEN },
      },
    );
    exited = new Promise((resolve) => demo.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    demo.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    demo.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await waitFor('the banner', () => (output.includes('Ctrl-C stops everything') ? true : undefined), 30_000);
    for (const [, name, url, pid] of output.matchAll(/^ {2}(\S+) +(http:\/\/127\.0\.0\.1:\d+) +\(pid (\d+)\)$/gm)) {
      rows.set(name!, { url: url!, pid: Number(pid) });
    }
    monitor = /^ {2}dashboard +(http:\/\/127\.0\.0\.1:\d+) /m.exec(output)?.[1] ?? 'no dashboard URL printed';
    adminToken = /^ {2}admin token +(\S+) /m.exec(output)?.[1] ?? 'no admin token printed';
  }, 40_000);
  afterAll(async () => {
    // Only when a test failed before the demo was stopped: leave nothing running.
    for (const { pid } of rows.values()) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    if (demo.exitCode === null && demo.signalCode === null) demo.kill('SIGKILL');
  });

  it('prints the URL and pid of every process, the dashboard, its admin token and the curl lines to try', () => {
    expect([...rows.keys()].sort()).toEqual(['delivery-service-1', 'delivery-service-2', 'order-service-1']);
    expect(monitor).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(adminToken).toMatch(/^[\w-]{32}$/);
    expect(output).toContain(`curl -sN '${monitor}/turbine.stream?cluster=delivery-service'`);
    expect(output).not.toContain(ACTUATOR_TOKEN);
    const delivery1 = rows.get('delivery-service-1')!.url;
    expect(output).toContain(
      `curl -s -XPUT ${delivery1}/demo/faults -H 'content-type: application/json' -d '{"failureRate":1}'`,
    );
    expect(output).toContain(`curl -s -XPOST ${rows.get('order-service-1')!.url}/orders`);
  });

  it('sends orders that both delivery instances book, as their own metric streams report', async () => {
    for (const name of ['delivery-service-1', 'delivery-service-2']) {
      const event = await waitFor(`bookings on ${name}`, async () => {
        const booking = await streamEvent(`${rows.get(name)!.url}/actuator/hystrix.stream`, 'carrier-booking', BEARER);
        return Number(booking['rollingCountSuccess']) > 0 ? booking : undefined;
      });
      expect(event['isCircuitBreakerOpen']).toBe(false);
    }
    await waitFor('a status line with orders', () =>
      /last 2 s: [1-9]\d* scheduled \(delivery-service-1: \d+, delivery-service-2: \d+\)/.test(output)
        ? true
        : undefined,
    );
  });

  it("keeps the services' actuators closed to callers without the token, health aside", async () => {
    const delivery = rows.get('delivery-service-1')!.url;
    const order = rows.get('order-service-1')!.url;
    expect((await fetch(`${delivery}/actuator/hystrix.stream`)).status).toBe(401);
    expect((await fetch(`${order}/actuator/circuitbreakers`)).status).toBe(401);
    const force = await fetch(`${order}/actuator/circuitbreakers/scheduleDelivery`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer guessed' },
      body: JSON.stringify({ action: 'forceOpen' }),
    });
    expect(force.status).toBe(403);
    expect((await fetch(`${order}/actuator/health`)).status).toBe(200);
  });

  it("serves the dashboard, whose merged stream reports both delivery instances' bookings", async () => {
    const page = await fetch(`${monitor}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>vitamin monitor</title>');
    const merged = await waitFor('both delivery instances on the turbine stream', async () => {
      const booking = await streamEvent(`${monitor}/turbine.stream?cluster=delivery-service`, 'carrier-booking');
      return booking['reportingHosts'] === 2 && Number(booking['requestCount']) > 0 ? booking : undefined;
    });
    expect(merged['isCircuitBreakerOpen']).toBe(false);
    const { instances } = (await (await fetch(`${monitor}/api/instances?cluster=delivery-service`)).json()) as {
      instances: { id: string; stream: string }[];
    };
    expect(instances.map((i) => [i.id, i.stream]).sort()).toEqual([
      ['delivery-service-1', 'streaming'],
      ['delivery-service-2', 'streaming'],
    ]);
  });

  it('opens the circuit when one delivery instance fails, and the fallback accepts orders as pending', async () => {
    const faults = `${rows.get('delivery-service-1')!.url}/demo/faults`;
    const put = (body: object) =>
      fetch(faults, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await put({ failureRate: 1 })).status).toBe(200);
    const from = output.length;
    await waitFor('the circuit to open', () =>
      output.slice(from).includes('circuit scheduleDelivery: open') ? true : undefined,
    );
    expect(output.slice(from)).toMatch(/\d+ pending \([^)]*VITAMIN_E_CIRCUIT_OPEN: \d+/);
    expect((await put({})).status).toBe(200);
  });

  it("forces order-service's circuit open from the dashboard's admin API with the printed token, and no other", async () => {
    const circuit = `${monitor}/api/instances/order-service/order-service-1/circuitbreakers/scheduleDelivery`;
    const steer = (action: string, authorization?: string) =>
      fetch(circuit, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ action }),
      });
    expect((await steer('forceOpen')).status).toBe(401);
    expect((await steer('forceOpen', `Bearer ${ACTUATOR_TOKEN}`)).status).toBe(403);
    const forced = await steer('forceOpen', `Bearer ${adminToken}`);
    expect(forced.status).toBe(200);
    expect(await forced.json()).toMatchObject({
      status: 200,
      answer: { key: 'scheduleDelivery', state: 'forced-open' },
    });
    const order = await fetch(`${rows.get('order-service-1')!.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleOrder(0)),
    });
    expect(await order.json()).toMatchObject({ delivery: { status: 'pending', reason: 'VITAMIN_E_CIRCUIT_OPEN' } });
    expect((await steer('reset', `Bearer ${adminToken}`)).status).toBe(200);
  });

  it('stops everything on SIGINT: exit code 0, no process left, no registry record, no temporary folder', async () => {
    const registryDir = /file registry in (\S+)/.exec(output)?.[1];
    expect(registryDir).toBeDefined();
    expect(existsSync(registryDir!)).toBe(true);
    demo.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain(
      'stopped: every process exited 0, no record left in the registry, temporary folder removed',
    );
    expect(output).toMatch(
      /orders in total: [1-9]\d* scheduled \(delivery-service-1: [1-9]\d*, delivery-service-2: [1-9]\d*\)/,
    );
    for (const [name, { pid }] of rows) expect(isAlive(pid), `${name} (pid ${pid})`).toBe(false);
    expect(existsSync(registryDir!)).toBe(false);
  });
});
