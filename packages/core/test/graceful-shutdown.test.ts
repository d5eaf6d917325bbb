import { afterEach, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { startInstance, type InstanceProcess } from './support/instance-process.js';

const started: InstanceProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((instance) => instance.stop('SIGKILL')));
});

async function start(env: Record<string, string>): Promise<InstanceProcess> {
  const instance = await startInstance(env);
  started.push(instance);
  return instance;
}

function isConnectError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

describe('graceful shutdown of real processes', () => {
  it('drops no request while one of two instances is restarted under steady load', async () => {
    const env = { PRE_STOP_DELAY_MS: '300', WORK_MS: '5' };
    const a = await start(env);
    let b = await start(env);
    const port = new URL(b.url).port;
    const agent = new Agent({ connections: 16 });
    // The balancer's view: instances whose readiness answers 200, polled every 50 ms, as a
    // Kubernetes Service or the registry would; a connect error moves the call to the other URL.
    const ready = new Map<string, boolean>([
      [a.url, true],
      [b.url, true],
    ]);
    let polling = true;
    const poll = (async () => {
      while (polling) {
        for (const url of ready.keys()) {
          try {
            const res = await request(`${url}/actuator/health/readiness`, { dispatcher: agent });
            await res.body.dump();
            ready.set(url, res.statusCode === 200);
          } catch {
            ready.set(url, false);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const counts = { ok: 0, failed: 0, failovers: 0 };
    const failures: string[] = [];
    let next = 0;
    const pick = () => {
      const urls = [...ready].filter(([, up]) => up).map(([url]) => url);
      const list = urls.length > 0 ? urls : [...ready.keys()];
      return list[next++ % list.length]!;
    };
    const call = async (url: string, retry: boolean): Promise<void> => {
      try {
        const res = await request(`${url}/work`, { dispatcher: agent });
        await res.body.json();
        if (res.statusCode === 200) {
          counts.ok++;
        } else {
          counts.failed++;
          failures.push(`${url} ${res.statusCode}`);
        }
      } catch (error) {
        if (retry && isConnectError(error)) {
          counts.failovers++;
          const other = [...ready.keys()].find((u) => u !== url)!;
          await call(other, false);
        } else {
          counts.failed++;
          failures.push(`${url} ${String(error)}`);
        }
      }
    };
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (loading) await call(pick(), true);
      }),
    );

    await new Promise((resolve) => setTimeout(resolve, 500));
    const exitCode = await b.stop('SIGTERM');
    started.splice(started.indexOf(b), 1);
    b = await start({ ...env, PORT: port });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const beforeEnd = counts.ok;
    loading = false;
    await load;
    polling = false;
    await poll;
    await agent.close();

    expect(failures).toEqual([]);
    expect(counts.failed).toBe(0);
    expect(exitCode).toBe(0);
    expect(beforeEnd).toBeGreaterThan(200);
    console.info(`rolling restart: ${counts.ok} requests ok, ${counts.failovers} failovers, 0 failed`);
  }, 60_000);

  it('exits at once with 1 on a second signal while draining', async () => {
    const instance = await start({ WORK_MS: '20000', SHUTDOWN_TIMEOUT_MS: '20000' });
    const agent = new Agent();
    const pending = request(`${instance.url}/work`, { dispatcher: agent }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    instance.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(instance.child.exitCode).toBeNull();
    instance.child.kill('SIGTERM');
    expect(await instance.exited).toBe(1);
    await pending;
    await agent.close();
  });
});
