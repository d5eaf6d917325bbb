import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Controller,
  createApp,
  createLogger,
  EtcdRegistry,
  Get,
  instanceFromUrl,
  Param,
  Provider,
  ProviderClient,
  type App,
  type Instance,
} from '@vitamin/core';
import { startEtcd, type EtcdServer } from './support/etcd.js';
import { startTcpProxy } from './support/tcp-proxy.js';
import { waitFor } from './support/wait-for.js';

const logger = createLogger({ level: 'silent' });

@Controller('/who')
class WhoController {
  @Get('/:n')
  who(@Param('n') n: string) {
    return { n };
  }
}

@Provider({ service: 'who' })
class WhoClient extends ProviderClient {
  @Get('/who/{n}')
  who(request: { path: { n: string } }) {
    return this.call<{ n: string }>('who', request);
  }
}

let etcd: EtcdServer;
beforeAll(async () => {
  etcd = await startEtcd();
});
afterAll(() => etcd.dispose());

describe('EtcdRegistry against a real etcd', () => {
  it('lists the services that have records', async () => {
    const owner = new EtcdRegistry({ endpoints: [etcd.endpoint], prefix: '/listing/' });
    expect(await owner.services()).toEqual([]);
    await owner.register(instanceFromUrl('payments', 'http://127.0.0.1:7101', 'test', { id: 'p1' }));
    await owner.register(instanceFromUrl('audit', 'http://127.0.0.1:7102', 'test', { id: 'a1' }));
    await owner.register(instanceFromUrl('audit', 'http://127.0.0.1:7103', 'test', { id: 'a2' }));
    expect(await owner.services()).toEqual(['audit', 'payments']);
    await owner.close();
  });

  it('registers, updates and deregisters; a watch sees each change within a second', async () => {
    const owner = new EtcdRegistry({ endpoints: [etcd.endpoint], ttlSeconds: 5 });
    const reader = new EtcdRegistry({ endpoints: [etcd.endpoint] });
    const seen: (readonly Instance[])[] = [];
    const stop = reader.watch('orders', (list) => seen.push(list));
    await waitFor(() => seen.length === 1, 'the first list');
    expect(seen[0]).toEqual([]);

    const a = instanceFromUrl('orders', 'http://127.0.0.1:7001', 'test', { id: 'a', status: 'STARTING' });
    let start = Date.now();
    await owner.register(a);
    await waitFor(() => seen.at(-1)?.length === 1, 'the registration', 1000);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(seen.at(-1)![0]).toEqual(a);

    await owner.register({ ...a, status: 'UP' });
    await waitFor(() => seen.at(-1)?.[0]?.status === 'UP', 'the status change', 1000);
    expect(await reader.instances('orders')).toEqual([{ ...a, status: 'UP' }]);

    start = Date.now();
    await owner.deregister(a);
    await waitFor(() => seen.at(-1)?.length === 0, 'the deregistration', 1000);
    expect(Date.now() - start).toBeLessThan(1000);
    stop();
    await Promise.all([owner.close(), reader.close()]);
  });

  it('skips records that are not valid instances instead of trusting them', async () => {
    const raw = new Etcd3({ hosts: [etcd.endpoint] });
    await raw.put('/vitamin/services/evil/x').value('{"id":"../../etc","service":"evil","host":"h","port":1}');
    await raw.put('/vitamin/services/evil/y').value('not json');
    const good = instanceFromUrl('evil', 'http://127.0.0.1:7002', 'test', { id: 'good' });
    await raw.put('/vitamin/services/evil/good').value(JSON.stringify(good));
    const reader = new EtcdRegistry({ endpoints: [etcd.endpoint] });
    expect(await reader.instances('evil')).toEqual([good]);
    await reader.close();
    raw.close();
  });

  it('registers again when its lease is lost', async () => {
    const owner = new EtcdRegistry({ endpoints: [etcd.endpoint], ttlSeconds: 3 });
    const instance = instanceFromUrl('billing', 'http://127.0.0.1:7003', 'test', { id: 'b1' });
    await owner.register(instance);
    const raw = new Etcd3({ hosts: [etcd.endpoint] });
    const key = '/vitamin/services/billing/b1';
    const { kvs } = await raw.get(key).exec();
    await raw.leaseClient.leaseRevoke({ ID: kvs[0]!.lease });
    expect(await raw.get(key).string()).toBeNull();
    // The keep-alive learns that the lease is gone, a new lease is granted and the record put again.
    let back: string | null = null;
    const deadline = Date.now() + 8000;
    while (back === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      back = await raw.get(key).string();
    }
    expect(JSON.parse(back!)).toEqual(instance);
    await owner.close();
    expect(await raw.get(key).string()).toBeNull();
    raw.close();
  });

  it('rejects a TTL below one second', () => {
    expect(() => new EtcdRegistry({ ttlSeconds: 0.5 })).toThrow(/ttlSeconds must be a whole number/);
  });
});

describe('a client while etcd is down', () => {
  const apps: App[] = [];
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  const service = async () => {
    const app = createApp({
      name: 'who',
      controllers: [WhoController],
      logger,
      registry: new EtcdRegistry({ endpoints: [etcd.endpoint] }),
    });
    apps.push(app);
    await app.listen();
    return app;
  };

  it('keeps calling the last known instances, reports DEGRADED with staleness, and re-syncs when etcd returns', async () => {
    await service();
    await service();
    const caller = createApp({
      name: 'caller',
      providers: [WhoClient],
      logger,
      registry: new EtcdRegistry({ endpoints: [etcd.endpoint] }),
      // 50 calls at once: more than the command's default bulkhead of 10 admits.
      config: { 'vitamin.command.default.maxConcurrent': 64 },
    });
    apps.push(caller);
    const client = caller.get(WhoClient);
    const balancer = caller.discovery.balancer('who');
    await waitFor(() => balancer.endpoints().length === 2, 'two instances');
    expect(caller.discovery.health()[0]).toMatchObject({ service: 'who', registry: 'etcd', state: 'UP', staleMs: 0 });

    await etcd.stop();
    await waitFor(() => caller.discovery.health()[0]!.state === 'DEGRADED', 'the view to turn DEGRADED');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, n) => client.who({ path: { n: String(n) } })));
    expect(answers).toHaveLength(50);
    expect(balancer.endpoints()).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = caller.discovery.health()[0]!;
    expect(health.instances).toBe(2);
    expect(health.staleMs).toBeGreaterThanOrEqual(300);

    await etcd.start();
    await service();
    await waitFor(() => balancer.endpoints().length === 3, 'the third instance after etcd returned', 15_000);
    expect(caller.discovery.health()[0]).toMatchObject({ state: 'UP', staleMs: 0, instances: 3 });
    await client.who({ path: { n: 'after' } });
  });
});

describe('a watch cut off while its history was compacted', () => {
  it('lists again instead of resuming, and ends up with exactly what etcd holds', async () => {
    const raw = new Etcd3({ hosts: [etcd.endpoint] });
    const put = (id: string, port: number) =>
      raw
        .put(`/vitamin/services/compact/${id}`)
        .value(JSON.stringify(instanceFromUrl('compact', `http://127.0.0.1:${port}`, 't', { id })));
    await put('a', 7101);
    await put('b', 7102);
    const proxy = await startTcpProxy(etcd.endpoint);
    const reader = new EtcdRegistry({ endpoints: [proxy.endpoint], maxBackoffMs: 300 });
    const lists: (readonly Instance[])[] = [];
    const errors: Error[] = [];
    const stop = reader.watch(
      'compact',
      (l) => lists.push(l),
      (e) => errors.push(e),
    );
    await waitFor(() => lists.at(-1)?.length === 2, 'the first list');

    // Partition the reader from etcd; meanwhile the keys change and their history is compacted away,
    // so the revision the watch would resume from no longer exists.
    proxy.cut();
    await waitFor(() => errors.length === 1, 'the watch to notice the partition');
    await raw.delete().key('/vitamin/services/compact/a');
    await put('c', 7103);
    for (let i = 0; i < 5; i++) await put('b', 7102);
    const { header } = await raw.get('/vitamin/services/compact/b').exec();
    await raw.kv.compact({ revision: header.revision, physical: true });
    proxy.restore();

    await waitFor(
      () =>
        (lists.at(-1) ?? [])
          .map((i) => i.id)
          .sort()
          .join() === 'b,c',
      'the view to match etcd after the compaction',
      10_000,
    );
    expect(
      lists
        .at(-1)!
        .map((i) => i.port)
        .sort(),
    ).toEqual([7102, 7103]);
    stop();
    await reader.close();
    await proxy.close();
    raw.close();
  });
});
