import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type App, type Properties } from '@vitamin/core';
import { deliveryService, FAULTS_ENABLED } from '@vitamin-examples/delivery-service';
import { orderService } from '../src/index.js';

const logger = createLogger({ level: 'silent' });
/** A parsed response body, read field by field in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const newOrder = {
  item: 'espresso machine',
  quantity: 1,
  weightKg: 7.5,
  address: { street: '1 Quay St', city: 'Leith', postcode: 'EH6 6AA' },
};

async function send(url: string, body?: unknown, method = 'POST'): Promise<{ status: number; body: Json }> {
  const init =
    body === undefined
      ? { method }
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json() };
}

/** Two delivery instances and one order service, finding each other through a file registry in a temp folder. */
async function startSystem(orderConfig: Properties = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'order-e2e-'));
  const registry = { 'vitamin.discovery.file.dir': dir, 'vitamin.discovery.file.pollMs': 100 };
  const deliveries = [1, 2].map((n) =>
    deliveryService({
      logger,
      config: { ...registry, 'vitamin.instance.id': `delivery-${n}`, [FAULTS_ENABLED]: true },
    }),
  );
  const deliveryUrls = await Promise.all(deliveries.map(async (app) => (await app.listen()).url));
  const order = orderService({ logger, config: { ...registry, ...orderConfig } });
  const { url } = await order.listen();
  const apps: App[] = [order, ...deliveries];
  return {
    url,
    order,
    deliveryUrls,
    async stop() {
      await Promise.all(apps.map((app) => app.close()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe('order-service → delivery-service through the registry and the generated client', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  it('accepts an order with its delivery booked, and serves it back', async () => {
    const created = await send(`${system.url}/orders`, newOrder);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      item: 'espresso machine',
      status: 'accepted',
      delivery: { status: 'scheduled', carrier: 'freight', priceCents: 1990 + 80 * 8 },
    });
    const fetched = await send(`${system.url}/orders/${created.body.id}`, undefined, 'GET');
    expect(fetched).toEqual({ status: 200, body: created.body });
  });

  it('balances the bookings over both delivery instances', async () => {
    const instances = new Set<string>();
    for (let i = 0; i < 6; i++) instances.add((await send(`${system.url}/orders`, newOrder)).body.delivery.instance);
    expect([...instances].sort()).toEqual(['delivery-1', 'delivery-2']);
  });

  it('answers 400 naming the bad field, and 404 for an unknown order', async () => {
    const bad = await send(`${system.url}/orders`, { ...newOrder, quantity: 0 });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'quantity']);
    const unknown = await send(`${system.url}/orders/nope`, undefined, 'GET');
    expect([unknown.status, unknown.body]).toEqual([404, { error: 'unknown-order', id: 'nope' }]);
  });
});

describe('a failing delivery instance: the circuit opens and the fallback answers', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;

  beforeAll(async () => {
    // As in the demo: no outlier ejection, so the failing instance keeps its share of the calls.
    system = await startSystem({
      'vitamin.services.delivery-service.maxEjectedPercent': 0,
      'vitamin.command.default.sleepWindowMs': 300,
    });
  });
  afterAll(() => system?.stop());

  const circuit = (key: string) => system.order.commands.commandMetrics().find((c) => c.key === key)?.circuit;

  it('accepts orders with delivery pending while delivery fails, and books again once it recovers', async () => {
    const failing = system.deliveryUrls[0]!;
    expect((await send(`${failing}/demo/faults`, { failureRate: 1 }, 'PUT')).status).toBe(200);

    const reasons: string[] = [];
    for (let i = 0; i < 40 && circuit('scheduleDelivery') !== 'open'; i++) {
      const { status, body } = await send(`${system.url}/orders`, newOrder);
      expect([status, body.status]).toEqual([201, 'accepted']);
      if (body.delivery.status === 'pending') reasons.push(body.delivery.reason);
    }
    expect(circuit('scheduleDelivery')).toBe('open');
    expect(reasons).toContain('delivery-service answered 502');

    const shortCircuited = await send(`${system.url}/orders`, newOrder);
    expect(shortCircuited.body.delivery).toEqual({ status: 'pending', reason: 'VITAMIN_E_CIRCUIT_OPEN' });

    await send(`${failing}/demo/faults`, {}, 'PUT');
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the sleep window: the next call probes
    const statuses: string[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(`${system.url}/orders`, newOrder)).body.delivery.status);
    expect(statuses).toEqual(['scheduled', 'scheduled', 'scheduled', 'scheduled']);
    expect(circuit('scheduleDelivery')).toBe('closed');
  });
});
