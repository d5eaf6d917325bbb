import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger, loadConfig, type LayeredConfig } from '@vitamin/core';
import { createCli } from '../src/cli.js';
import { createConfigCommand } from '../src/config-command.js';
import { startEtcd, type EtcdServer } from '../../core/test/support/etcd.js';

describe('vitamin config', () => {
  let etcd: EtcdServer;
  let service: LayeredConfig;
  const dir = mkdtempSync(join(tmpdir(), 'vitamin-cli-'));
  const out: string[] = [];
  const err: string[] = [];
  const run = async (...args: string[]) => {
    out.length = 0;
    err.length = 0;
    const program = new Command('vitamin').exitOverride();
    program.addCommand(createConfigCommand({ out: (l) => out.push(l), err: (l) => err.push(l) }));
    await program.parseAsync(['node', 'vitamin', 'config', ...args, '--endpoints', etcd.endpoint]);
    return out.join('\n');
  };

  beforeAll(async () => {
    etcd = await startEtcd();
    service = await loadConfig({
      service: 'orders',
      env: {},
      watchFiles: false,
      logger: createLogger({ level: 'silent' }),
      etcd: { endpoints: [etcd.endpoint], instanceId: 'i-7', snapshotFile: join(dir, 'snapshot.json') },
      configDir: '/nonexistent',
    });
  });
  afterAll(async () => {
    await service.close();
    await etcd.dispose();
    rmSync(dir, { recursive: true, force: true });
    process.exitCode = undefined;
  });

  it('sets properties at the global, service and instance levels, and a running service applies them', async () => {
    expect(await run('set', 'vitamin.command.default.timeoutMs', '2000')).toBe(
      'vitamin.command.default.timeoutMs = 2000 (global)',
    );
    await run('set', 'orders.limit', '5', '--service', 'orders');
    await run('set', 'orders.limit', '7', '--service', 'orders', '--instance', 'i-7');
    const deadline = Date.now() + 2000;
    while (service.get('orders.limit') !== 7 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(service.describe('orders.limit')).toEqual({ key: 'orders.limit', value: 7, source: 'etcd:instance' });
    expect(service.get('vitamin.command.default.timeoutMs')).toBe(2000);
  });

  it('gets one level and lists a level with masked secrets', async () => {
    await run('set', 'db.password', 'hunter2', '--service', 'orders');
    await run('set', 'db.url', 'postgres://app:hunter2@db/orders', '--service', 'orders');
    expect(await run('get', 'orders.limit', '--service', 'orders')).toBe('5');
    expect(await run('get', 'db.password', '--service', 'orders')).toBe('******');
    expect(await run('list', '--service', 'orders')).toBe(
      ['db.password = ******', 'db.url = postgres://app:******@db/orders', 'orders.limit = 5'].join('\n'),
    );
    expect(await run('list', 'db.', '--service', 'orders')).not.toContain('hunter2');
    expect(await run('list', '--service', 'orders', '--instance', 'i-7')).toBe('orders.limit = 7');
  });

  it('reports a property that is not set, and deletes one', async () => {
    await run('get', 'nothing.here', '--service', 'orders');
    expect(err).toEqual(['nothing.here is not set at the service orders level']);
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    expect(await run('delete', 'orders.limit', '--service', 'orders')).toBe('orders.limit deleted (service orders)');
    expect(await run('list', 'orders.', '--service', 'orders')).toBe('');
  });

  it('refuses unsafe keys and names before touching the store', async () => {
    await expect(run('set', 'a.__proto__.b', '1')).rejects.toThrow("segment '__proto__' is not allowed");
    await expect(run('set', 'a', '1', '--service', '..%252F')).rejects.toThrow("service name '..%252F' is not valid");
    await expect(run('get', 'a', '--level', 'service')).rejects.toThrow('a service name is required');
  });

  it('is registered as a verb of the vitamin command', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await createCli().parseAsync([
        'node',
        'vitamin',
        'config',
        'get',
        'vitamin.command.default.timeoutMs',
        '--endpoints',
        etcd.endpoint,
      ]);
      expect(log).toHaveBeenCalledWith('2000');
    } finally {
      log.mockRestore();
    }
  });
});
