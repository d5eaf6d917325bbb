import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileRegistry } from './file-registry.js';
import { instanceFromUrl, type Instance } from './instance.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitamin-file-registry-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const instance = (port: number, id = `i${port}`) =>
  instanceFromUrl('orders', `http://127.0.0.1:${port}`, 'test', { id });

describe('FileRegistry over a shared folder', () => {
  it('lists the services that have live instances, and none before the folder exists', async () => {
    const registry = new FileRegistry({ dir: join(dir, 'not-yet') });
    expect(await registry.services()).toEqual([]);
    const other = new FileRegistry({ dir });
    await other.register(instance(7001));
    await other.register(instanceFromUrl('billing', 'http://127.0.0.1:7002', 'test', { id: 'b1' }));
    expect(await other.services()).toEqual(['billing', 'orders']);
    await other.deregister(instance(7001));
    expect(await other.services()).toEqual(['billing']);
    await other.close();
  });

  it('sees what another registry on the same folder registers and deregisters', async () => {
    const a = new FileRegistry({ dir });
    const b = new FileRegistry({ dir });
    await a.register(instance(7001));
    await b.register(instance(7002));
    expect((await a.instances('orders')).map((i) => i.port)).toEqual([7001, 7002]);
    await b.deregister(instance(7002));
    expect((await a.instances('orders')).map((i) => i.port)).toEqual([7001]);
    await Promise.all([a.close(), b.close()]);
    expect(await b.instances('orders')).toEqual([]);
  });

  it('ignores a record whose heartbeat is older than staleAfterMs, and heartbeats keep it fresh', async () => {
    let now = 1_000_000;
    const owner = new FileRegistry({ dir, now: () => now, heartbeatMs: 20, staleAfterMs: 1000 });
    let readerNow = now;
    const reader = new FileRegistry({ dir, now: () => readerNow, staleAfterMs: 1000 });
    await owner.register(instance(7001));
    readerNow += 1001;
    expect(await reader.instances('orders')).toEqual([]);
    now = readerNow; // the owner's clock moves on: its next heartbeat refreshes the record
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await reader.instances('orders')).toHaveLength(1);
    await owner.close();
  });

  it('never shows half a record to a reader while 8 writers rewrite theirs concurrently', async () => {
    const writers = Array.from({ length: 8 }, () => new FileRegistry({ dir }));
    const reader = new FileRegistry({ dir });
    const big = (port: number): Instance => ({ ...instance(port), metadata: { blob: 'x'.repeat(1000) } });
    let reads = 0;
    let writing = true;
    const readLoop = (async () => {
      while (writing) {
        const list = await reader.instances('orders');
        for (const i of list) expect(i.metadata.blob).toHaveLength(1000);
        reads++;
      }
    })();
    for (let round = 0; round < 25; round++) {
      await Promise.all(writers.map((w, n) => w.register(big(7000 + n))));
    }
    writing = false;
    await readLoop;
    expect(reads).toBeGreaterThan(5);
    expect(await reader.instances('orders')).toHaveLength(8);
    expect(readdirSync(join(dir, 'orders')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await Promise.all(writers.map((w) => w.close()));
  });

  it('watches by polling and calls back only on change', async () => {
    const registry = new FileRegistry({ dir, pollMs: 20 });
    const lists: (readonly Instance[])[] = [];
    const stop = registry.watch('orders', (list) => lists.push(list));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(lists).toEqual([[]]);
    await registry.register(instance(7001));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(lists.map((l) => l.length)).toEqual([0, 1]);
    stop();
    await registry.close();
  });

  it('refuses a service name that would leave the folder', async () => {
    const registry = new FileRegistry({ dir });
    await expect(registry.instances('../etc')).rejects.toThrow(/service/);
  });
});
