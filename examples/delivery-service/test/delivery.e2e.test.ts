import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, FileRegistry, type App } from '@vitamin/core';
import { deliveryService, FAULTS_ENABLED } from '../src/index.js';

const logger = createLogger({ level: 'silent' });
const address = { street: '1 Quay St', city: 'Leith', postcode: 'EH6 6AA' };
/** A parsed response body, read field by field in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function post(url: string, body: unknown, method = 'POST'): Promise<{ status: number; body: Json }> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('delivery-service over real HTTP', () => {
  let dir: string;
  let service: App;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'delivery-e2e-'));
    service = deliveryService({
      logger,
      config: { 'vitamin.discovery.file.dir': dir, 'vitamin.instance.id': 'delivery-service-e2e' },
    });
    ({ url } = await service.listen());
  });
  afterAll(async () => {
    await service?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('schedules a delivery and says which instance booked it', async () => {
    const { status, body } = await post(`${url}/deliveries`, { orderId: 'o-1', address, parcels: [{ weightKg: 2.5 }] });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      orderId: 'o-1',
      status: 'scheduled',
      carrier: 'parcel-post',
      priceCents: 499 + 120 * 3,
      instance: 'delivery-service-e2e',
    });
    expect(body.eta).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('quotes parcel post up to 5 kg and freight above', async () => {
    const light = await post(`${url}/deliveries/quotes`, { address, parcels: [{ weightKg: 1 }, { weightKg: 4 }] });
    const heavy = await post(`${url}/deliveries/quotes`, { address, parcels: [{ weightKg: 5 }, { weightKg: 0.5 }] });
    expect(light.body).toEqual({ carrier: 'parcel-post', priceCents: 499 + 120 * 5, etaDays: 1 });
    expect(heavy.body).toEqual({ carrier: 'freight', priceCents: 1990 + 80 * 6, etaDays: 1 });
  });

  it('answers 400 naming the bad field', async () => {
    const { status, body } = await post(`${url}/deliveries`, {
      orderId: 'o-2',
      address: { ...address, postcode: 'x/../y' },
      parcels: [{ weightKg: 1 }],
    });
    expect(status).toBe(400);
    expect(body.error.details[0].path).toBe('address.postcode');
  });

  it('keeps the fault switch off unless configured', async () => {
    const { status, body } = await post(`${url}/demo/faults`, { failureRate: 1 }, 'PUT');
    expect(status).toBe(404);
    expect(body.message).toContain(FAULTS_ENABLED);
    expect((await post(`${url}/deliveries`, { orderId: 'o-3', address, parcels: [{ weightKg: 1 }] })).status).toBe(201);
  });

  it('registers itself in the file registry, and leaves it when it stops', async () => {
    const registry = new FileRegistry({ dir });
    try {
      const [instance] = await registry.instances('delivery-service');
      expect(instance).toMatchObject({ id: 'delivery-service-e2e', status: 'UP', port: Number(new URL(url).port) });
      const other = deliveryService({ logger, config: { 'vitamin.discovery.file.dir': dir } });
      await other.listen();
      expect((await registry.instances('delivery-service')).length).toBe(2);
      await other.close();
      expect((await registry.instances('delivery-service')).map((i) => i.id)).toEqual(['delivery-service-e2e']);
    } finally {
      await registry.close();
    }
  });

  it('describes its API at /openapi.json', async () => {
    const spec = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, Record<string, Json>> };
    expect(spec.paths['/deliveries']!['post'].operationId).toBe('scheduleDelivery');
    expect(spec.paths['/deliveries/quotes']!['post'].operationId).toBe('quoteDelivery');
    expect(Object.keys(spec.paths['/deliveries']!['post'].responses)).toEqual(['201', '502', 'default']);
  });
});

describe('the fault switch, when configured', () => {
  let dir: string;
  let service: App;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'delivery-faults-'));
    service = deliveryService({ logger, config: { 'vitamin.discovery.file.dir': dir, [FAULTS_ENABLED]: true } });
    ({ url } = await service.listen());
  });
  afterAll(async () => {
    await service?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const schedule = () => post(`${url}/deliveries`, { orderId: 'o', address, parcels: [{ weightKg: 1 }] });

  it('makes bookings fail with 502 at failureRate 1, and stops when set to {}', async () => {
    expect((await post(`${url}/demo/faults`, { failureRate: 1 }, 'PUT')).body).toEqual({
      latencyMs: 0,
      failureRate: 1,
    });
    const failed = await schedule();
    expect(failed.status).toBe(502);
    expect(failed.body).toMatchObject({ error: 'carrier-unavailable' });
    expect((await post(`${url}/demo/faults`, {}, 'PUT')).body).toEqual({ latencyMs: 0, failureRate: 0 });
    expect((await schedule()).status).toBe(201);
  });

  it('makes bookings slow by latencyMs', async () => {
    await post(`${url}/demo/faults`, { latencyMs: 300 }, 'PUT');
    const started = performance.now();
    expect((await schedule()).status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await post(`${url}/demo/faults`, {}, 'PUT');
    expect(((await (await fetch(`${url}/demo/faults`)).json()) as Json).latencyMs).toBe(0);
  });

  it('refuses settings out of range, naming the field', async () => {
    const { status, body } = await post(`${url}/demo/faults`, { failureRate: 2 }, 'PUT');
    expect(status).toBe(400);
    expect(body.error.details[0].path).toBe('failureRate');
  });
});
