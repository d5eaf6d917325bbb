import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, createLogger, FileRegistry, Get, Provider, ProviderClient, type App } from '@vitamin/core';
import { startInstance, type InstanceProcess } from './support/instance-process.js';

@Provider({ service: 'work-service' })
class WorkClient extends ProviderClient {
  @Get('/work')
  work(): Promise<{ pid: number }> {
    return this.call('work');
  }
}

const dir = mkdtempSync(join(tmpdir(), 'vitamin-rolling-'));
const started: InstanceProcess[] = [];
let caller: App | undefined;
afterAll(async () => {
  await caller?.close();
  await Promise.all(started.map((instance) => instance.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

describe('rolling restart behind the registry', () => {
  it('drops no call of a vitamin client while one of two registered instances restarts', async () => {
    // Both instances register in a shared file registry; the caller finds them there and balances.
    const env = {
      PRE_STOP_DELAY_MS: '700',
      WORK_MS: '5',
      VITAMIN_PROPS__vitamin__discovery__registry: 'file',
      VITAMIN_PROPS__vitamin__discovery__file__dir: dir,
      VITAMIN_PROPS__vitamin__discovery__file__pollMs: '100',
    };
    const a = await startInstance(env);
    const b = await startInstance(env);
    started.push(a, b);
    caller = createApp({
      name: 'caller',
      providers: [WorkClient],
      logger: createLogger({ level: 'silent' }),
      registry: new FileRegistry({ dir, pollMs: 100 }),
      // No retries: every call must succeed on the instance it was sent to, so this measures the
      // shutdown sequence (deregister, preStop delay, drain), not the retry policy.
      config: { 'vitamin.command.default.maxConcurrent': 64, 'vitamin.command.default.retryMaxAttempts': 1 },
    });
    const balancer = caller.discovery.balancer('work-service');
    await caller.listen();
    for (let i = 0; i < 100 && balancer.endpoints().length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(balancer.endpoints()).toHaveLength(2);

    const client = caller.get(WorkClient);
    const counts = { ok: 0, failed: 0 };
    const failures: string[] = [];
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (loading) {
          try {
            await client.work();
            counts.ok++;
          } catch (error) {
            counts.failed++;
            if (failures.length < 5) failures.push((error as Error).message);
            await new Promise((resolve) => setImmediate(resolve));
          }
        }
      }),
    );

    await new Promise((resolve) => setTimeout(resolve, 500));
    const exitCode = await b.stop('SIGTERM');
    const restarted = await startInstance({ ...env, PORT: new URL(b.url).port });
    started.push(restarted);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    loading = false;
    await load;

    expect(failures).toEqual([]);
    expect(counts.failed).toBe(0);
    expect(exitCode).toBe(0);
    expect(counts.ok).toBeGreaterThan(200);
    expect(balancer.endpoints()).toHaveLength(2);
  }, 60_000);
});
