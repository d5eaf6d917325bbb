import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Controller,
  createApp,
  createLogger,
  EtcdConfigStore,
  Get,
  Inject,
  LayeredConfig,
  Service,
  Value,
  type App,
} from '@vitamin/core';
import { startEtcd, type EtcdServer } from './support/etcd.js';
import { eventually } from './support/eventually.js';

@Service()
class Pricing {
  @Value('shop.discount', { default: 0 })
  readonly discount!: number;
}

@Controller('/shop')
class ShopController {
  @Value('shop.banner', { default: 'hello' })
  readonly banner!: string;

  @Value('shop.maxItems', { default: 10, schema: z.number().int().positive() })
  readonly maxItems!: number;

  constructor(@Inject(Pricing) private readonly pricing: Pricing) {}

  @Get('')
  get() {
    return { banner: this.banner, maxItems: this.maxItems, discount: this.pricing.discount };
  }
}

const quiet = createLogger({ level: 'silent' });

describe('an app on the layered configuration', () => {
  let etcd: EtcdServer;
  let store: EtcdConfigStore;
  let dir: string;
  let app: App;
  let url: string;
  const read = async () => (await (await fetch(`${url}/shop`)).json()) as Record<string, unknown>;

  beforeAll(async () => {
    etcd = await startEtcd();
    store = new EtcdConfigStore([etcd.endpoint]);
    dir = mkdtempSync(join(tmpdir(), 'vitamin-app-config-'));
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'shop.yaml'), 'shop:\n  maxItems: 20\n');
    await store.set('global', { 'shop.discount': 5 });
    app = createApp({
      name: 'shop',
      controllers: [ShopController],
      configDir: join(dir, 'config'),
      etcd: { endpoints: [etcd.endpoint], instanceId: 'i-1', snapshotFile: join(dir, 'snapshot.json') },
      logger: quiet,
    });
    url = (await app.listen()).url;
  });
  afterAll(async () => {
    await app?.close();
    store.close();
    await etcd.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives @Value fields of controllers and injected services their values from every source', async () => {
    expect(await read()).toEqual({ banner: 'hello', maxItems: 20, discount: 5 });
    expect((app.config as LayeredConfig).describe('shop.discount')).toEqual({
      key: 'shop.discount',
      value: 5,
      source: 'etcd:global',
    });
  });

  it('serves a property changed in etcd within 1 s', async () => {
    const started = performance.now();
    await store.set('service', { 'shop.banner': 'sale' }, { service: 'shop' });
    let body = await read();
    while (body['banner'] !== 'sale' && performance.now() - started < 2000) body = await read();
    const elapsed = performance.now() - started;
    expect(body['banner']).toBe('sale');
    expect(elapsed).toBeLessThan(1000);
  });

  it('refuses an invalid value for a @Value field and keeps serving the last good one', async () => {
    const config = app.config as LayeredConfig;
    await store.set('instance', { 'shop.maxItems': -3 }, { service: 'shop', instance: 'i-1' });
    await eventually(() => config.refusals().some((r) => r.key === 'shop.maxItems'), 'the refusal');
    expect((await read())['maxItems']).toBe(20);
    expect(config.refusals().find((r) => r.key === 'shop.maxItems')).toMatchObject({
      source: 'etcd:instance',
      value: -3,
    });
    await store.delete('instance', 'shop.maxItems', { service: 'shop', instance: 'i-1' });
  });

  it('picks up an edit of a watched YAML file, and refuses a malformed one', async () => {
    const config = app.config as LayeredConfig;
    writeFileSync(join(dir, 'config', 'shop.yaml'), 'shop:\n  maxItems: 30\n');
    await eventually(() => config.get('shop.maxItems') === 30, 'the file edit');
    expect((await read())['maxItems']).toBe(30);
    writeFileSync(join(dir, 'config', 'shop.yaml'), 'shop:\n  maxItems: [30\n');
    await eventually(() => config.refusals().some((r) => r.reason.includes('invalid YAML')), 'the refusal');
    expect(config.refusals().at(-1)?.reason).toMatch(/shop\.yaml:3:1: invalid YAML/);
    expect((await read())['maxItems']).toBe(30);
  });

  it('does not start with a malformed YAML file, naming file, line and reason', () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'application.yaml'), 'shop:\n  banner: ok\n  banner: twice\n');
    expect(() => createApp({ name: 'shop', configDir: bad, logger: quiet })).toThrow(
      /bad\/application\.yaml:3:3: invalid YAML: Map keys must be unique/,
    );
  });
});
