import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsServer } from '../../test/support/dns-server.js';
import { DnsRegistry } from './dns-registry.js';
import type { Instance } from './instance.js';

let dns: DnsServer;
beforeAll(async () => {
  dns = await startDnsServer();
});
afterAll(() => dns.close());

describe('DnsRegistry over a real DNS server on 127.0.0.1', () => {
  it('turns A records of a headless service into instances on the configured port', async () => {
    dns.a.set('orders.shop.svc.cluster.local', ['10.0.0.7', '10.0.0.5']);
    const registry = new DnsRegistry({
      servers: [dns.address],
      hostname: (service) => `${service}.shop.svc.cluster.local`,
      port: 8080,
    });
    const found = await registry.instances('orders');
    expect(found.map((i) => [i.id, i.host, i.port, i.status, i.service])).toEqual([
      ['10.0.0.5-8080', '10.0.0.5', 8080, 'UP', 'orders'],
      ['10.0.0.7-8080', '10.0.0.7', 8080, 'UP', 'orders'],
    ]);
    await registry.close();
  });

  it('reads host, port and weight from SRV records', async () => {
    dns.srv.set('_http._tcp.billing.shop', [
      { target: 'billing-0.billing.shop', port: 9001, weight: 3 },
      { target: 'billing-1.billing.shop', port: 9002, weight: 1 },
    ]);
    const registry = new DnsRegistry({
      servers: [dns.address],
      record: 'SRV',
      hostname: (s) => `_http._tcp.${s}.shop`,
    });
    const found = await registry.instances('billing');
    expect(found.map((i) => [i.host, i.port, i.metadata.weight])).toEqual([
      ['billing-0.billing.shop', 9001, 3],
      ['billing-1.billing.shop', 9002, 1],
    ]);
    await registry.close();
  });

  it('watches by looking up again on its interval, and reports a failed look-up without dropping the list', async () => {
    dns.a.set('pay', ['10.1.0.1']);
    const registry = new DnsRegistry({ servers: [dns.address], intervalMs: 50 });
    const lists: (readonly Instance[])[] = [];
    const errors: Error[] = [];
    const stop = registry.watch(
      'pay',
      (l) => lists.push(l),
      (e) => errors.push(e),
    );
    await until(() => lists.length === 1);
    dns.a.set('pay', ['10.1.0.1', '10.1.0.2']);
    await until(() => lists.at(-1)?.length === 2);
    dns.a.delete('pay');
    await until(() => errors.length === 1);
    expect(lists.at(-1)).toHaveLength(2);
    dns.a.set('pay', ['10.1.0.3']);
    await until(() => lists.at(-1)?.[0]?.host === '10.1.0.3');
    stop();
    await registry.close();
  });

  it('ignores register and deregister: the platform registers pods', async () => {
    const registry = new DnsRegistry({ servers: [dns.address] });
    await expect(registry.register()).resolves.toBeUndefined();
    await registry.close();
  });
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
