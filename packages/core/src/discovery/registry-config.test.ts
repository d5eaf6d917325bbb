import { describe, expect, it } from 'vitest';
import { InMemoryConfig } from '../config/config.js';
import { registryFromConfig } from './registry-config.js';

const config = (discovery: Record<string, unknown>) => new InMemoryConfig({ vitamin: { discovery } });

describe('registryFromConfig', () => {
  it('builds nothing when vitamin.discovery.registry is not set', () => {
    expect(registryFromConfig(new InMemoryConfig({}))).toBeUndefined();
  });

  it.each([
    ['static', {}],
    ['file', { file: { dir: '/tmp/x', heartbeatMs: '2000' } }],
    ['etcd', { etcd: { endpoints: 'http://10.0.0.1:2379, http://10.0.0.2:2379', ttlSeconds: 5 } }],
    ['dns', { dns: { record: 'SRV', suffix: '.shop.svc.cluster.local', servers: ['10.96.0.10'] } }],
  ])('builds the %s registry from its properties', async (kind, options) => {
    const registry = registryFromConfig(config({ registry: kind, ...options }))!;
    expect(registry.kind).toBe(kind);
    await registry.close();
  });

  it.each([
    [
      { registry: 'file', file: { heartbeatMs: 'often' } },
      /vitamin.discovery.file.heartbeatMs: 'often' is not a valid number/,
    ],
    [{ registry: 'etcd', etcd: { endpoints: [1, 2] } }, /vitamin.discovery.etcd.endpoints: '1,2' is not a valid list/],
    [{ registry: 'etcd', etcd: { ttlSeconds: 0.5 } }, /ttlSeconds must be a whole number/],
    [{ registry: 'dns', dns: { record: 'MX' } }, /vitamin.discovery.dns.record: 'MX' is not A or SRV/],
  ])('refuses %o, naming the key', (discovery, message) => {
    expect(() => registryFromConfig(config(discovery))).toThrow(message);
  });
});
