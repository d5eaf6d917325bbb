import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The demo runs as `npm run demo` does, as a real process, from the TypeScript sources (the same
// loader hooks as core's process tests), so the test never runs a stale build.
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const HOOKS = new URL('../../../packages/core/test/support/register-ts.mjs', import.meta.url).href;

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

/** The first `HystrixCommand` event of `key` on an instance's metric stream. */
async function streamEvent(url: string, key: string): Promise<Record<string, unknown>> {
  const controller = new AbortController();
  const res = await fetch(`${url}/actuator/hystrix.stream`, { signal: controller.signal });
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
  throw new Error(`no ${key} event on ${url}/actuator/hystrix.stream`);
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

  beforeAll(async () => {
    demo = spawn(process.execPath, ['--conditions=vitamin:source', '--import', HOOKS, MAIN, '--rate', '20'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => demo.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    demo.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    demo.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await waitFor('the banner', () => (output.includes('Ctrl-C stops everything') ? true : undefined), 30_000);
    for (const [, name, url, pid] of output.matchAll(/^ {2}(\S+) +(http:\/\/127\.0\.0\.1:\d+) +\(pid (\d+)\)$/gm)) {
      rows.set(name!, { url: url!, pid: Number(pid) });
    }
  }, 40_000);
  afterAll(async () => {
    // Only when a test failed before the demo was stopped: leave nothing running.
    for (const { pid } of rows.values()) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    if (demo.exitCode === null && demo.signalCode === null) demo.kill('SIGKILL');
  });

  it('prints the URL and pid of every process and the curl lines to try', () => {
    expect([...rows.keys()].sort()).toEqual(['delivery-service-1', 'delivery-service-2', 'order-service-1']);
    const delivery1 = rows.get('delivery-service-1')!.url;
    expect(output).toContain(
      `curl -s -XPUT ${delivery1}/demo/faults -H 'content-type: application/json' -d '{"failureRate":1}'`,
    );
    expect(output).toContain(`curl -s -XPOST ${rows.get('order-service-1')!.url}/orders`);
  });

  it('sends orders that both delivery instances book, as their own metric streams report', async () => {
    for (const name of ['delivery-service-1', 'delivery-service-2']) {
      const event = await waitFor(`bookings on ${name}`, async () => {
        const booking = await streamEvent(rows.get(name)!.url, 'carrier-booking');
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
