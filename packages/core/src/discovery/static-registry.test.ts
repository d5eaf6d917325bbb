import { describe, expect, it } from 'vitest';
import { InMemoryConfig } from '../config/config.js';
import { instanceFromUrl, type Instance } from './instance.js';
import { StaticRegistry } from './static-registry.js';

describe('StaticRegistry', () => {
  it('lists the configured services and those registered in code', async () => {
    const registry = new StaticRegistry({ orders: ['http://127.0.0.1:7001'] });
    expect(await registry.services()).toEqual(['orders']);
    const billing = instanceFromUrl('billing', 'http://127.0.0.1:7002', 'test');
    await registry.register(billing);
    expect(await registry.services()).toEqual(['billing', 'orders']);
    await registry.deregister(billing);
    expect(await registry.services()).toEqual(['orders']);
  });

  it('lists vitamin.services.<name>.instances and the single .url', async () => {
    const config = new InMemoryConfig({
      vitamin: {
        services: {
          orders: { instances: ['http://127.0.0.1:7001', 'http://127.0.0.1:7002/api'] },
          billing: { url: 'http://127.0.0.1:7003' },
        },
      },
    });
    const registry = new StaticRegistry(config);
    expect((await registry.instances('orders')).map((i) => [i.port, i.metadata.basePath])).toEqual([
      [7001, undefined],
      [7002, '/api'],
    ]);
    expect((await registry.instances('billing')).map((i) => i.port)).toEqual([7003]);
    expect(await registry.instances('nobody')).toEqual([]);
  });

  it('follows config changes and registrations in code', async () => {
    const config = new InMemoryConfig({ vitamin: { services: { orders: { instances: ['http://127.0.0.1:7001'] } } } });
    const registry = new StaticRegistry(config);
    const lists: (readonly Instance[])[] = [];
    registry.watch('orders', (list) => lists.push(list));
    config.set({
      vitamin: { services: { orders: { instances: ['http://127.0.0.1:7001', 'http://127.0.0.1:7009'] } } },
    });
    const own = instanceFromUrl('orders', 'http://127.0.0.1:7010', 'test', { id: 'own' });
    await registry.register(own);
    await registry.deregister(own);
    expect(lists.map((l) => l.map((i) => i.port))).toEqual([[7001], [7001, 7009], [7001, 7009, 7010], [7001, 7009]]);
    await registry.close();
  });

  it('refuses a value that is not a URL list, naming the key', () => {
    const config = new InMemoryConfig({ vitamin: { services: { orders: { instances: [42] } } } });
    expect(() => new StaticRegistry(config)).toThrow(/vitamin.services.orders.instances: expected a URL or a list/);
    const bad = new InMemoryConfig({ vitamin: { services: { orders: { instances: ['gopher://x'] } } } });
    expect(() => new StaticRegistry(bad)).toThrow(/vitamin.services.orders.instances\[0\]/);
  });

  it('takes plain lists in code', async () => {
    const registry = new StaticRegistry({ orders: ['http://127.0.0.1:7001'] });
    expect(await registry.instances('orders')).toHaveLength(1);
  });
});
