import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { FileRegistry } from './file-registry.js';
import { instanceFromUrl } from './instance.js';
import { InstanceCache } from './instance-cache.js';
import { StaticRegistry } from './static-registry.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vitamin-cache-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const until = async (check: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('InstanceCache', () => {
  it('keeps the last list while the registry fails, logs once, reports DEGRADED with staleness, and recovers', async () => {
    const dir = join(root, 'registry');
    const lines: { msg: string; level: number }[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as { msg: string; level: number });
        done();
      },
    });
    let now = 1_000;
    const owner = new FileRegistry({ dir, heartbeatMs: 60_000 });
    await owner.register(instanceFromUrl('orders', 'http://127.0.0.1:7001', 'test', { id: 'a' }));
    const reader = new FileRegistry({ dir, pollMs: 10 });
    const cache = new InstanceCache(reader, 'orders', { logger: createLogger({ destination }), now: () => now });
    await cache.ready;
    expect(cache.instances.map((i) => i.id)).toEqual(['a']);
    expect(cache.health()).toEqual({ service: 'orders', registry: 'file', state: 'UP', staleMs: 0, instances: 1 });

    // The registry becomes unreadable: its folder is replaced by a file.
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'not a folder');
    await until(() => cache.health().state === 'DEGRADED');
    now += 4_000;
    await new Promise((resolve) => setTimeout(resolve, 60)); // several more failed polls
    expect(cache.instances.map((i) => i.id)).toEqual(['a']);
    expect(cache.health()).toMatchObject({ state: 'DEGRADED', staleMs: 4_000, instances: 1 });
    expect(lines.filter((l) => l.msg.startsWith('registry unreachable or empty'))).toHaveLength(1);

    // A registry folder holding one new record replaces the file in one rename.
    const fresh = new FileRegistry({ dir: join(root, 'fresh') });
    await fresh.register(instanceFromUrl('orders', 'http://127.0.0.1:7002', 'test', { id: 'b' }));
    rmSync(dir);
    renameSync(join(root, 'fresh'), dir);
    await until(() => cache.health().state === 'UP');
    expect(cache.instances.map((i) => i.id)).toEqual(['b']);
    expect(lines.filter((l) => l.msg === 'registry reachable again')).toHaveLength(1);
    cache.close();
    await Promise.all([owner.close(), reader.close(), fresh.close()]);
  });

  it('keeps the last UP instances when the registry answers with none, and takes the next list that has some', async () => {
    const registry = new StaticRegistry();
    const [a, b, c] = [7001, 7002, 7003].map((port) =>
      instanceFromUrl('orders', `http://127.0.0.1:${port}`, 'test', { id: `i${port}` }),
    );
    const cache = new InstanceCache(registry, 'orders');
    await registry.register(a!);
    await registry.register(b!);
    await registry.deregister(a!);
    expect(cache.instances.map((i) => i.id)).toEqual(['i7002']);
    await registry.register({ ...b!, status: 'OUT_OF_SERVICE' });
    expect(cache.instances.map((i) => [i.id, i.status])).toEqual([['i7002', 'UP']]);
    expect(cache.health()).toMatchObject({
      state: 'DEGRADED',
      error: 'the registry lists no UP instance; keeping the last 1',
    });
    await registry.register(c!);
    expect(cache.instances.map((i) => i.id).sort()).toEqual(['i7002', 'i7003']);
    expect(cache.health().state).toBe('UP');
    cache.close();
  });
});
