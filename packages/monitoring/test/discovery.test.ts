// The monitor finds clusters and instances through the registries services use, as they come and go.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsRegistry, EtcdRegistry, FileRegistry } from '@vitamin/core';
import { startMonitor } from '@vitamin/monitoring';
import { startDnsServer } from '../../core/test/support/dns-server.js';
import { startEtcd, type EtcdServer } from '../../core/test/support/etcd.js';
import { eventually, getJson } from './support/events.js';
import { callChecks, quietLogger, startService, TOKEN, type RunningService } from './support/services.js';

type Clusters = { clusters: { name: string; instances: number; streaming: number; commands: number }[] };

let a: RunningService;
let b: RunningService;
let etcd: EtcdServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitamin-monitor-registry-'));
  [a, b] = await Promise.all([startService('orders', 'orders-a'), startService('orders', 'orders-b')]);
  await callChecks(a.url, 4);
  await callChecks(b.url, 6);
  etcd = await startEtcd();
});

afterAll(async () => {
  await Promise.all([a?.app.close(), b?.app.close()]);
  await etcd?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const clusterOf = async (url: string, name: string) =>
  (await getJson<Clusters>(`${url}/api/clusters`)).clusters.find((c) => c.name === name);

describe('with a file registry', () => {
  it('discovers a cluster nobody named, and follows its instances as they come and go', async () => {
    const services = new FileRegistry({ dir, pollMs: 50 });
    await services.register(a.instance);
    const monitor = await startMonitor({
      registry: new FileRegistry({ dir, pollMs: 50 }),
      token: TOKEN,
      intervalMs: 100,
      discoveryIntervalMs: 100,
      logger: quietLogger(),
    });
    try {
      expect(monitor.clusters()).toEqual(['orders']);
      await eventually(async () => (await clusterOf(monitor.url, 'orders'))?.streaming === 1, 'orders-a streaming');
      await services.register(b.instance);
      await eventually(async () => (await clusterOf(monitor.url, 'orders'))?.streaming === 2, 'orders-b joins');
      await services.deregister(a.instance);
      const left = await eventually(async () => {
        const c = await clusterOf(monitor.url, 'orders');
        return c?.instances === 1 ? c : undefined;
      }, 'orders-a leaves');
      expect(left).toMatchObject({ instances: 1, streaming: 1 });
      const { instances } = await getJson<{ instances: { id: string }[] }>(`${monitor.url}/api/instances`);
      expect(instances.map((i) => i.id)).toEqual(['orders-b']);
    } finally {
      await monitor.close();
      await services.close();
    }
  });
});

describe('with an etcd registry', () => {
  it('lists the services in etcd and merges the instances registered there', async () => {
    const services = new EtcdRegistry({ endpoints: [etcd.endpoint] });
    const reader = new EtcdRegistry({ endpoints: [etcd.endpoint] });
    await services.register(a.instance);
    await services.register(b.instance);
    const monitor = await startMonitor({ registry: reader, token: TOKEN, intervalMs: 100, logger: quietLogger() });
    try {
      expect(monitor.clusters()).toEqual(['orders']);
      const orders = await eventually(async () => {
        const c = await clusterOf(monitor.url, 'orders');
        return c?.streaming === 2 && c.commands === 1 ? c : undefined;
      }, 'both orders instances streaming from etcd');
      expect(orders).toMatchObject({ instances: 2 });
    } finally {
      await monitor.close();
      await Promise.all([services.close(), reader.close()]);
    }
  });
});

describe('with a DNS registry', () => {
  it('follows the SRV records of a named cluster as they change', async () => {
    const dns = await startDnsServer();
    const name = '_http._tcp.orders.test';
    dns.srv.set(name, [
      { target: '127.0.0.1', port: a.instance.port },
      { target: '127.0.0.1', port: b.instance.port },
    ]);
    const monitor = await startMonitor({
      registry: new DnsRegistry({
        record: 'SRV',
        hostname: (service) => `_http._tcp.${service}.test`,
        servers: [dns.address],
        intervalMs: 50,
      }),
      clusters: ['orders'],
      token: TOKEN,
      intervalMs: 100,
      logger: quietLogger(),
    });
    try {
      await eventually(
        async () => (await clusterOf(monitor.url, 'orders'))?.streaming === 2,
        'both SRV targets streaming',
      );
      dns.srv.set(name, [{ target: '127.0.0.1', port: b.instance.port }]);
      const left = await eventually(async () => {
        const c = await clusterOf(monitor.url, 'orders');
        return c?.instances === 1 ? c : undefined;
      }, 'one SRV target removed');
      expect(left).toMatchObject({ instances: 1, streaming: 1 });
    } finally {
      await monitor.close();
      await dns.close();
    }
  });
});
