// The monitor against real vitamin services: streams merged per cluster, exact latency, circuits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTOGRAM_FIELD, LatencyHistogram, StaticRegistry } from '@vitamin/core';
import { startMonitor, type Monitor } from '@vitamin/monitoring';
import { readEvents, eventually, getJson } from './support/events.js';
import { callChecks, CHECK_KEY, quietLogger, startService, TOKEN, type RunningService } from './support/services.js';

const ADMIN = 'admin-secret';
let fast: RunningService;
let slow: RunningService;
let pricing: RunningService;
let registry: StaticRegistry;
let monitor: Monitor;

beforeAll(async () => {
  fast = await startService('stock', 'stock-fast', { version: '1.4.0', zone: 'eu-west-1a' });
  slow = await startService('stock', 'stock-slow', { version: '1.5.0', zone: 'eu-west-1b' });
  pricing = await startService('pricing', 'pricing-1', { version: '2.0.0' });
  registry = new StaticRegistry();
  for (const s of [fast, slow, pricing]) await registry.register(s.instance);
  // 100 fast calls on one instance, 10 calls of ≥ 60 ms on the other, 5 failures on the fast one.
  await callChecks(fast.url, 100);
  await callChecks(slow.url, 10, '?ms=60');
  await callChecks(fast.url, 5, '?fail=yes');
  await callChecks(pricing.url, 3);
  monitor = await startMonitor({
    registry,
    clusters: ['stock', 'pricing'],
    token: TOKEN,
    adminToken: ADMIN,
    intervalMs: 100,
    logger: quietLogger(),
  });
});

afterAll(async () => {
  await monitor?.close();
  await Promise.all([fast, slow, pricing].map((s) => s?.app.close()));
});

const turbineCommand = async (cluster: string, accept: (event: Record<string, unknown>) => boolean) => {
  const events = await readEvents(`${monitor.url}/turbine.stream?cluster=${cluster}`, (seen) =>
    seen.some((e) => e['type'] === 'HystrixCommand' && accept(e)),
  );
  return events.filter((e) => e['type'] === 'HystrixCommand' && accept(e)).at(-1)!;
};

describe('turbine.stream', () => {
  it('sums the counts of every instance of a cluster and counts the reporting hosts', async () => {
    const event = await turbineCommand('stock', (e) => e['reportingHosts'] === 2 && e['requestCount'] === 115);
    expect(event).toMatchObject({
      name: CHECK_KEY,
      group: 'stock',
      reportingHosts: 2,
      requestCount: 115,
      errorCount: 5,
      rollingCountSuccess: 110,
      rollingCountFailure: 5,
      isCircuitBreakerOpen: false,
      vitaminOpenHosts: 0,
    });
    // Turbine's convention: averaged fields are sent multiplied by reportingHosts.
    expect((event['errorPercentage'] as number) / 2).toBe(Math.round((5 / 115) * 100));
  });

  it('merges latency histograms exactly: the cluster p99 is the p99 of every request', async () => {
    // Each instance's own histogram, as its command metrics hold it.
    const own = [fast, slow].map((s) => s.app.commands.commandMetrics().find((c) => c.key === CHECK_KEY)!);
    const merged = new LatencyHistogram();
    for (const metrics of own) merged.merge(LatencyHistogram.decode(metrics.histogram));
    const event = await turbineCommand('stock', (e) => e['requestCount'] === 115);
    const cluster = LatencyHistogram.decode(event[HISTOGRAM_FIELD] as string);
    expect(cluster.count).toBe(115);
    expect(cluster.encode()).toBe(merged.encode());
    const p99 = (event['latencyExecute'] as Record<string, number>)['99']! / 2;
    expect(p99).toBe(Math.round(merged.percentile(99)));
    expect(p99).toBeGreaterThanOrEqual(60);
    // What averaging the instances' p99s (Turbine's way) would have said instead:
    const averaged = own.reduce((sum, m) => sum + m.latency.p99, 0) / 2;
    expect(averaged).toBeLessThan(p99 - 20);
  });

  it('shows a circuit open where one instance has it open, with the count of such instances', async () => {
    const forced = await fetch(`${slow.url}/actuator/circuitbreakers/${CHECK_KEY}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'forceOpen' }),
    });
    expect(forced.status).toBe(200);
    try {
      const event = await turbineCommand('stock', (e) => e['isCircuitBreakerOpen'] === true);
      expect(event).toMatchObject({ vitaminOpenHosts: 1, reportingHosts: 2 });
    } finally {
      await fetch(`${slow.url}/actuator/circuitbreakers/${CHECK_KEY}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'reset' }),
      });
    }
  });

  it('keeps clusters apart and answers 404 for a cluster it does not follow, 400 without one', async () => {
    const event = await turbineCommand('pricing', () => true);
    expect(event).toMatchObject({ reportingHosts: 1, requestCount: 3 });
    const unknown = await fetch(`${monitor.url}/turbine.stream?cluster=nobody`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { message: expect.stringContaining("'nobody'") } });
    expect((await fetch(`${monitor.url}/turbine.stream`)).status).toBe(400);
  });
});

describe('stream clients', () => {
  it('are capped: past maxStreamClients the next one gets 503, and a client that leaves frees its place', async () => {
    const small = await startMonitor({ registry, clusters: ['stock'], maxStreamClients: 1, logger: quietLogger() });
    try {
      const first = new AbortController();
      const open = await fetch(`${small.url}/turbine.stream?cluster=stock`, { signal: first.signal });
      expect(open.status).toBe(200);
      const refused = await fetch(`${small.url}/api/dashboard.stream`);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ error: { code: 'VITAMIN_E_STREAM_LIMIT' } });
      first.abort();
      await eventually(async () => {
        const again = await fetch(`${small.url}/api/dashboard.stream`);
        const ok = again.status === 200;
        await again.body?.cancel();
        return ok || undefined;
      }, 'the place freed');
    } finally {
      await small.close();
    }
  });
});

describe('JSON views', () => {
  it('/api/clusters lists each cluster with its instances and commands', async () => {
    const body = await eventually(async () => {
      const view = await getJson<{ clusters: { name: string; streaming: number }[] }>(`${monitor.url}/api/clusters`);
      return view.clusters.find((c) => c.name === 'stock')?.streaming === 2 ? view : undefined;
    }, 'both stock instances streaming');
    expect(body.clusters).toEqual([
      { name: 'pricing', instances: 1, streaming: 1, commands: 1, openCircuits: 0 },
      { name: 'stock', instances: 2, streaming: 2, commands: 1, openCircuits: 0 },
    ]);
  });

  it('/api/instances shows status, version, zone, uptime and health details read with the token', async () => {
    type View = { instances: Record<string, unknown>[] };
    const view = await eventually(async () => {
      const v = await getJson<View>(`${monitor.url}/api/instances?cluster=stock`);
      return v.instances.every((i) => i['health'] !== null && i['loggers'] !== null) ? v : undefined;
    }, 'instance details');
    expect(view.instances.map((i) => [i['id'], i['status'], i['version'], i['zone'], i['stream']])).toEqual([
      ['stock-fast', 'UP', '1.4.0', 'eu-west-1a', 'streaming'],
      ['stock-slow', 'UP', '1.5.0', 'eu-west-1b', 'streaming'],
    ]);
    const first = view.instances[0]!;
    expect(first['uptimeSeconds']).toEqual(expect.any(Number));
    // Components carry details only for an authenticated caller: the monitor sent the token.
    expect(first['health']).toMatchObject({ status: 'UP', components: { lifecycle: { status: 'UP' } } });
    expect(first['loggers']).toMatchObject({ loggers: { root: { level: 'silent' } } });
    expect(first['commands']).toEqual([{ name: CHECK_KEY, isCircuitBreakerOpen: false }]);
  });

  it('/api/catalog lists the operations of each cluster with the versions serving them', async () => {
    type Catalog = { clusters: { name: string; operations: Record<string, unknown>[]; instances: unknown[] }[] };
    const catalog = await eventually(async () => {
      const c = await getJson<Catalog>(`${monitor.url}/api/catalog?cluster=stock`);
      return c.clusters[0]!.operations.length > 0 &&
        c.clusters[0]!.operations[0]!['servedBy'] instanceof Array &&
        (c.clusters[0]!.operations[0]!['servedBy'] as unknown[]).length === 2
        ? c
        : undefined;
    }, 'the stock catalog');
    expect(catalog.clusters[0]!.operations).toEqual([
      {
        method: 'GET',
        path: '/stock/check',
        summary: 'Check the stock of an item',
        operationId: expect.any(String),
        isDeprecated: false,
        servedBy: [
          { instance: 'stock-fast', version: '1.4.0' },
          { instance: 'stock-slow', version: '1.5.0' },
        ],
      },
    ]);
  });
});

describe('admin actions', () => {
  const action = (path: string, body: unknown, token?: string) =>
    fetch(`${monitor.url}/api/instances/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    });

  it('changes a log level on the instance through its actuator, with the admin token only', async () => {
    expect((await action('stock/stock-fast/loggers/root', { level: 'debug' })).status).toBe(401);
    expect((await action('stock/stock-fast/loggers/root', { level: 'debug' }, 'wrong')).status).toBe(403);
    const done = await action('stock/stock-fast/loggers/root', { level: 'debug' }, ADMIN);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 200, answer: { logger: 'root', level: 'debug' } });
    expect(fast.app.logger.level).toBe('debug');
    expect(slow.app.logger.level).toBe('silent');
  });

  it('forces a circuit open and closed on one instance', async () => {
    const done = await action(`stock/stock-slow/circuitbreakers/${CHECK_KEY}`, { action: 'forceOpen' }, ADMIN);
    expect(await done.json()).toMatchObject({ status: 200, answer: { key: CHECK_KEY, state: 'forced-open' } });
    const back = await action(`stock/stock-slow/circuitbreakers/${CHECK_KEY}`, { action: 'reset' }, ADMIN);
    expect(await back.json()).toMatchObject({ answer: { state: 'closed' } });
  });

  it('refuses an instance the registry does not name, and bad input, without calling anyone', async () => {
    expect((await action('stock/elsewhere/loggers/root', { level: 'debug' }, ADMIN)).status).toBe(404);
    expect((await action('stock/stock-fast/shutdown/now', {}, ADMIN)).status).toBe(404);
    const invalid = await action('stock/stock-fast/loggers/root', { level: 'loud' }, ADMIN);
    expect(invalid.status).toBe(502);
    expect(await invalid.json()).toMatchObject({ status: 400 });
    const huge = await action('stock/stock-fast/loggers/root', { level: 'x'.repeat(20_000) }, ADMIN);
    expect([huge.status, ((await huge.json()) as { error: { code: string } }).error.code]).toEqual([
      413,
      'VITAMIN_E_BODY_TOO_LARGE',
    ]);
    const notJson = await fetch(`${monitor.url}/api/instances/stock/stock-fast/loggers/root`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: '{"level":',
    });
    expect(notJson.status).toBe(400);
  });

  it('has no admin actions at all when started without an admin token', async () => {
    const readOnly = await startMonitor({ registry, clusters: ['stock'], token: TOKEN, logger: quietLogger() });
    try {
      const refused = await fetch(`${readOnly.url}/api/instances/stock/stock-fast/loggers/root`, {
        method: 'POST',
        headers: { authorization: 'Bearer anything' },
        body: '{"level":"debug"}',
      });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { message: expect.stringContaining('admin token') } });
    } finally {
      await readOnly.close();
    }
  });
});
