import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createLogger,
  DynamicProperty,
  EtcdConfigStore,
  loadConfig,
  type ConfigOptions,
  type LayeredConfig,
} from '../src/index.js';
import { startEtcd, type EtcdServer } from './support/etcd.js';
import { eventually } from './support/eventually.js';
import { startTcpProxy } from './support/tcp-proxy.js';

const quiet = createLogger({ level: 'silent' });

describe('configuration from files, etcd and the environment', () => {
  let etcd: EtcdServer;
  let store: EtcdConfigStore;
  let dir: string;
  const opened: LayeredConfig[] = [];

  beforeAll(async () => {
    etcd = await startEtcd();
    store = new EtcdConfigStore([etcd.endpoint]);
    dir = mkdtempSync(join(tmpdir(), 'vitamin-config-'));
  });
  afterAll(async () => {
    await Promise.all(opened.map((config) => config.close()));
    store.close();
    await etcd.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (service: string, options: Partial<ConfigOptions> = {}): Promise<LayeredConfig> => {
    const config = await loadConfig({
      service,
      configDir: join(dir, 'config'),
      logger: quiet,
      env: {},
      watchFiles: false,
      etcd: {
        endpoints: [etcd.endpoint],
        instanceId: 'i-1',
        snapshotFile: join(dir, `${service}.snapshot.json`),
        timeoutMs: 500,
        retryMinMs: 50,
        retryMaxMs: 200,
      },
      ...options,
    });
    opened.push(config);
    return config;
  };

  it('takes every key from the highest of the eight sources that sets it', async () => {
    const layers = ['code', 'app', 'profile', 'service-file', 'global', 'service', 'instance', 'env'];
    const keysFrom = (level: number): Record<string, string> =>
      Object.fromEntries(layers.slice(level).map((name) => [`p.${name}`, layers[level]!]));
    mkdirSync(join(dir, 'config'), { recursive: true });
    const yaml = (record: Record<string, string>) =>
      Object.entries(record)
        .map(([k, v]) => `${k}: ${v}\n`)
        .join('');
    writeFileSync(join(dir, 'config', 'application.yaml'), yaml(keysFrom(1)));
    writeFileSync(join(dir, 'config', 'application-prod.yaml'), yaml(keysFrom(2)));
    writeFileSync(join(dir, 'config', 'ranked.yaml'), yaml(keysFrom(3)));
    await store.set('global', keysFrom(4));
    await store.set('service', keysFrom(5), { service: 'ranked' });
    await store.set('instance', keysFrom(6), { service: 'ranked', instance: 'i-1' });
    await store.set('instance', { 'p.env': 'other instance' }, { service: 'ranked', instance: 'i-2' });
    const env = Object.fromEntries(
      Object.entries(keysFrom(7)).map(([k, v]) => [`VITAMIN_PROPS__${k.replace('.', '__')}`, v]),
    );

    const config = await open('ranked', { profile: 'prod', properties: keysFrom(0), env });
    const dflt = new DynamicProperty(config, 'p.default', { default: 'default' });

    const sources = ['code', 'file:', 'file:', 'file:', 'etcd:global', 'etcd:service', 'etcd:instance', 'env'];
    for (const [index, name] of layers.entries()) {
      expect(config.get(`p.${name}`), name).toBe(name);
      expect(config.describe(`p.${name}`)?.source, name).toContain(sources[index]);
    }
    expect(config.describe('p.profile')?.source).toMatch(/application-prod\.yaml$/);
    expect(config.describe('p.service-file')?.source).toMatch(/ranked\.yaml$/);
    expect([dflt.value, config.describe('p.default')?.source]).toEqual(['default', 'default']);
    rmSync(join(dir, 'config'), { recursive: true });
  });

  it('applies keys written in one etcd transaction together, with old and new values', async () => {
    await store.set('service', { 'pool.min': 1, 'pool.max': 2 }, { service: 'atomic' });
    const config = await open('atomic');
    const min = new DynamicProperty(config, 'pool.min', { default: 0 });
    const max = new DynamicProperty(config, 'pool.max', { default: 0 });
    const seen: unknown[] = [];
    min.onChange((value, previous) => seen.push({ min: [previous, value], max: max.value }));
    config.subscribe((changed) => seen.push([...changed].sort()));
    await store.set('service', { 'pool.min': 10, 'pool.max': 20 }, { service: 'atomic' });
    await eventually(() => seen.length >= 2, 'the change');
    expect(seen).toEqual([{ min: [1, 10], max: 20 }, ['pool.max', 'pool.min']]);
  });

  it('refuses a value that fails validation, keeps the last good one and lists the refusal', async () => {
    await store.set('service', { 'pool.size': 4 }, { service: 'strict' });
    const config = await open('strict');
    const size = new DynamicProperty(config, 'pool.size', { default: 1, schema: z.number().int().min(1).max(64) });
    await store.set('service', { 'pool.size': 1000 }, { service: 'strict' });
    await eventually(() => config.refusals().length === 1, 'the refusal');
    expect(size.value).toBe(4);
    expect(config.refusals()[0]).toMatchObject({ key: 'pool.size', source: 'etcd:service', value: 1000 });
    await store.set('service', { 'pool.size': 16 }, { service: 'strict' });
    await eventually(() => size.value === 16, 'the next good value');
  });

  it('refuses store keys that try path traversal or prototype pollution, and applies the rest', async () => {
    const raw = new Etcd3({ hosts: [etcd.endpoint] });
    const attempts = [
      '/vitamin/config/evil/%2e%2e/x',
      '/vitamin/config/evil/%252F..%252Fetc/passwd',
      '/vitamin/config/evil/a.__proto__.polluted',
      '/vitamin/config/evil/constructor.prototype.polluted',
      '/vitamin/config/evil/..',
    ];
    for (const key of attempts) await raw.put(key).value('1');
    await raw.put('/vitamin/config/evil/fine.key').value('ok');
    raw.close();
    const config = await open('evil');
    expect(config.get('fine.key')).toBe('ok');
    expect(config.keys().filter((key) => key !== 'fine.key' && !key.startsWith('p.'))).toEqual([]);
    expect(
      config
        .refusals()
        .map((r) => r.key)
        .sort(),
    ).toEqual([...attempts].sort());
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('starts from the snapshot when etcd is down at boot, or fails fast without one', async () => {
    await store.set('service', { 'feature.on': true, 'db.password': 's3cret' }, { service: 'snap' });
    const first = await open('snap');
    expect(first.get('feature.on')).toBe(true);
    await first.close();
    await etcd.stop();
    try {
      const fromSnapshot = await open('snap');
      expect(fromSnapshot.describe('feature.on')).toEqual({ key: 'feature.on', value: true, source: 'etcd:service' });
      expect(fromSnapshot.describe('db.password')?.value).toBe('******');
      const failing = open('nosnap', {
        etcd: { endpoints: [etcd.endpoint], failFast: true, snapshotFile: join(dir, 'none.json'), timeoutMs: 300 },
      });
      await expect(failing).rejects.toMatchObject({ code: 'VITAMIN_E_CONFIG_STORE_UNAVAILABLE' });
      await expect(failing).rejects.toThrow(/unreachable at boot and there is no snapshot \(.*none\.json\)/);
    } finally {
      await etcd.start();
    }
  });

  it('starts on local sources when etcd is down at boot without a snapshot, and catches up when it returns', async () => {
    await store.set('service', { 'late.value': 'remote' }, { service: 'late' });
    await etcd.stop();
    let config: LayeredConfig;
    try {
      config = await open('late', { properties: { 'late.value': 'local' } });
      expect(config.describe('late.value')).toEqual({ key: 'late.value', value: 'local', source: 'code' });
    } finally {
      await etcd.start();
    }
    await eventually(() => config.get('late.value') === 'remote', 'the store values after etcd started', 10_000);
  });

  it('keeps the last values while etcd is down mid-run and re-syncs when it returns', async () => {
    await store.set('service', { 'retry.max': 3 }, { service: 'flaky' });
    const config = await open('flaky');
    const retries = new DynamicProperty(config, 'retry.max', { default: 0 });
    await etcd.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([retries.value, config.get('retry.max')]).toEqual([3, 3]);
    await etcd.start();
    await store.set('service', { 'retry.max': 5 }, { service: 'flaky' });
    await eventually(() => retries.value === 5, 'the value written after etcd came back', 10_000);
  });

  it('re-lists after a partition during which the revisions it had were compacted', async () => {
    const proxy = await startTcpProxy(etcd.endpoint);
    try {
      await store.set('service', { 'cut.value': 1, 'cut.gone': 'x' }, { service: 'cut' });
      const config = await open('cut', {
        etcd: {
          endpoints: [proxy.endpoint],
          instanceId: 'i-1',
          snapshotFile: join(dir, 'cut.snapshot.json'),
          timeoutMs: 300,
          retryMinMs: 50,
          retryMaxMs: 200,
        },
      });
      const value = new DynamicProperty(config, 'cut.value', { default: 0 });
      proxy.cut();
      for (let i = 2; i <= 20; i++) await store.set('service', { 'cut.value': i }, { service: 'cut' });
      await store.delete('service', 'cut.gone', { service: 'cut' });
      const raw = new Etcd3({ hosts: [etcd.endpoint] });
      const revision = (await raw.get('any').exec()).header.revision;
      await raw.kv.compact({ revision, physical: true });
      raw.close();
      expect(value.value).toBe(1);
      proxy.restore();
      await eventually(() => value.value === 20, 'the value written during the partition', 10_000);
      expect(config.get('cut.gone')).toBeUndefined();
    } finally {
      await proxy.close();
    }
  });
});
