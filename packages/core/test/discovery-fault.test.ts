import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createLogger, EtcdRegistry, Get, Provider, ProviderClient, type App } from '@vitamin/core';
import { startEtcd, type EtcdServer } from './support/etcd.js';
import { spawnTs } from './support/spawn-ts.js';
import { waitFor } from './support/wait-for.js';

const TTL_SECONDS = 2;
const logger = createLogger({ level: 'silent' });

@Provider({ service: 'work' })
class WorkClient extends ProviderClient {
  @Get('/work/{n}')
  work(request: { path: { n: string } }) {
    return this.call<{ instance: string }>('work', request);
  }
}

interface Started {
  readonly id: string;
  readonly child: ChildProcess;
}

let etcd: EtcdServer;
const children: ChildProcess[] = [];
let instances: Started[];
let caller: App | undefined;

// One set of three instance processes serves both tests (starting them is most of the run time):
// the latency test runs first and restores the latency, the kill test comes last.
beforeAll(async () => {
  etcd = await startEtcd();
  instances = await startInstances(3, 'work');
});
afterEach(async () => {
  await caller?.close();
  caller = undefined;
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await etcd.dispose();
});

/** Starts `count` instances of the `work` service, each its own process, registered in etcd. */
async function startInstances(count: number, prefix: string): Promise<Started[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const id = `${prefix}-${i}`;
      const child = spawnTs(new URL('./support/work-instance.ts', import.meta.url), {
        ETCD: etcd.endpoint,
        TTL: String(TTL_SECONDS),
        INSTANCE_ID: id,
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code) => reject(new Error(`instance ${id} exited with ${code}`)));
      });
      return { id, child };
    }),
  );
}

/** Calls from `concurrency` callers until `stop()`; counts successes per instance and failures. */
function load(client: WorkClient, concurrency = 16) {
  const counts = { ok: 0, failed: 0, byInstance: new Map<string, number>(), errors: [] as string[] };
  let running = true;
  const callers = Array.from({ length: concurrency }, async (_, c) => {
    for (let n = 0; running; n++) {
      try {
        const { instance } = await client.work({ path: { n: `${c}-${n}` } });
        counts.ok++;
        counts.byInstance.set(instance, (counts.byInstance.get(instance) ?? 0) + 1);
      } catch (error) {
        counts.failed++;
        if (counts.errors.length < 5) counts.errors.push((error as Error).message);
        // A failure can come back without I/O; let timers run so that stop() is ever seen.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  });
  return {
    counts,
    reset() {
      counts.ok = 0;
      counts.failed = 0;
      counts.byInstance.clear();
    },
    async stop() {
      running = false;
      await Promise.all(callers);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startCaller(config: Record<string, unknown> = {}): App {
  caller = createApp({
    name: 'caller',
    providers: [WorkClient],
    logger,
    registry: new EtcdRegistry({ endpoints: [etcd.endpoint], ttlSeconds: TTL_SECONDS }),
    // 16 callers share one command: its bulkhead must admit them all.
    config: { 'vitamin.command.default.maxConcurrent': 64, ...config },
  });
  return caller;
}

describe('three instances of a service under steady load (real processes, real etcd)', () => {
  it('sends a slowed instance a smaller share of traffic under least-outstanding', async () => {
    const app = startCaller({ vitamin: { services: { work: { rule: 'least-outstanding' } } } });
    const balancer = app.discovery.balancer('work');
    expect(balancer.ruleName).toBe('least-outstanding');
    await waitFor(() => balancer.endpoints().length === 3, 'three instances in the client view');
    const traffic = load(app.get(WorkClient));
    await sleep(1000);
    const slow = instances[0]!;
    const before = (traffic.counts.byInstance.get(slow.id) ?? 0) / traffic.counts.ok;

    slow.child.send({ delayMs: 200 });
    await sleep(200);
    traffic.reset();
    await sleep(1500);
    await traffic.stop();
    const after = (traffic.counts.byInstance.get(slow.id) ?? 0) / traffic.counts.ok;

    slow.child.send({ delayMs: 0 });
    expect(before).toBeGreaterThan(0.2);
    expect(after).toBeLessThan(before / 2);
    expect(traffic.counts.failed).toBe(0);
  });
  it('fails fewer than 0.1 % of calls when one is killed, and drops it within the lease TTL', async () => {
    const app = startCaller();
    const balancer = app.discovery.balancer('work');
    await waitFor(() => balancer.endpoints().length === 3, 'three instances in the client view');
    const traffic = load(app.get(WorkClient));
    await sleep(1000);

    const victim = instances[1]!;
    victim.child.kill('SIGKILL');
    const leftAfterMs = await waitFor(
      () => !balancer.endpoints().some((e) => e.instance.id === victim.id),
      'the killed instance to leave the client view',
      TTL_SECONDS * 1000 + 3000,
    );
    await sleep(500);
    await traffic.stop();

    const { ok, failed, byInstance, errors } = traffic.counts;
    expect(ok).toBeGreaterThan(1000);
    expect(failed / (ok + failed), errors.join('\n')).toBeLessThan(0.001);
    // The lease expires at most TTL after its last keep-alive; etcd's expiry check runs every 500 ms.
    expect(leftAfterMs).toBeLessThanOrEqual(TTL_SECONDS * 1000 + 500);
    expect([...byInstance.keys()].sort()).toEqual(instances.map((i) => i.id).sort());
  });
});
