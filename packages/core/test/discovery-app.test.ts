import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  Controller,
  createApp,
  createLogger,
  FileRegistry,
  Get,
  HttpError,
  InMemoryConfig,
  isVitaminError,
  Post,
  Provider,
  ProviderClient,
  type App,
  type Instance,
  type Registry,
} from '@vitamin/core';

const logger = createLogger({ level: 'silent' });

@Controller('/ping')
class PingController {
  @Get('/')
  ping() {
    return { pong: true };
  }
}

@Provider({ service: 'echo' })
class EchoClient extends ProviderClient {
  @Get('/echo')
  get() {
    return this.call<{ port: number }>('get');
  }
  @Post('/echo')
  post() {
    return this.call<{ port: number }>('post', { body: {} });
  }
}

/** A node:http server answering `status` with its port, counting hits by method. */
async function server(
  status: number,
): Promise<{ url: string; hits: { GET: number; POST: number }; close(): Promise<void> }> {
  const hits = { GET: 0, POST: 0 };
  const s: Server = createServer((req, res) => {
    hits[req.method as 'GET' | 'POST']++;
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ port: (s.address() as AddressInfo).port }));
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return { url, hits, close: () => new Promise((resolve) => s.close(() => resolve())) };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function app(options: Parameters<typeof createApp>[0]): App {
  const created = createApp({ logger, ...options });
  cleanups.push(() => created.close());
  return created;
}

describe('provider clients over the load balancer (real HTTP)', () => {
  it('retries an idempotent call on the next instance after a 503, never a POST', async () => {
    const [bad, good] = [await server(503), await server(200)];
    cleanups.push(bad.close, good.close);
    const caller = app({
      name: 'caller',
      providers: [EchoClient],
      config: {
        vitamin: { services: { echo: { instances: [bad.url, good.url], consecutiveFailures: 1000 } } },
        // Every call needs a retry here: lift the retry budget, which would otherwise stop them,
        // and let 20 calls run at once (the command's bulkhead admits 10 by default).
        'vitamin.command.default.retryBudgetPercent': 100,
        'vitamin.command.default.maxConcurrent': 64,
      },
    });
    const client = caller.get(EchoClient);
    for (let i = 0; i < 20; i++) expect(await client.get()).toEqual({ port: Number(new URL(good.url).port) });
    // Round robin: each call lands on the bad instance first (the retry takes the good one's turn).
    expect(bad.hits.GET).toBe(20);

    const posts = await Promise.all(Array.from({ length: 20 }, () => client.post().catch((e: unknown) => e)));
    const failed = posts.filter((p) => p instanceof HttpError);
    expect(failed).toHaveLength(10);
    expect(bad.hits.POST + good.hits.POST).toBe(20);
  });

  it('steps around a dead instance and ejects it after 5 connect failures', async () => {
    const good = await server(200);
    const dead = await server(200);
    await dead.close();
    cleanups.push(good.close);
    const caller = app({
      name: 'caller',
      providers: [EchoClient],
      config: {
        vitamin: {
          services: { echo: { instances: [dead.url, good.url, good.url.replace('127.0.0.1', 'localhost')] } },
        },
      },
    });
    const client = caller.get(EchoClient);
    for (let i = 0; i < 30; i++) await client.get();
    const balancer = caller.discovery.balancer('echo');
    expect(balancer.availableEndpoints().map((e) => e.origin)).not.toContain(dead.url);
    expect(balancer.endpoints()).toHaveLength(3);
  });

  it('gives up after maxAttempts and names the last error', async () => {
    const [a, b] = [await server(503), await server(503)];
    cleanups.push(a.close, b.close);
    const caller = app({
      name: 'caller',
      providers: [EchoClient],
      // Attempts are bounded by both the service's maxAttempts and the command's retryMaxAttempts.
      config: {
        vitamin: { services: { echo: { instances: [a.url, b.url], maxAttempts: 4 } } },
        'vitamin.command.default.retryMaxAttempts': 10,
      },
    });
    const error = await caller
      .get(EchoClient)
      .get()
      .catch((e: unknown) => e);
    expect((error as HttpError).status).toBe(503);
    expect(a.hits.GET + b.hits.GET).toBe(4);
  });

  it('follows vitamin.services.<name>.rule live and keeps the last good rule when a value is bad', async () => {
    const config = new InMemoryConfig({ vitamin: { services: { echo: { url: 'http://127.0.0.1:1' } } } });
    const caller = app({ name: 'caller', providers: [EchoClient], config });
    const balancer = caller.discovery.balancer('echo');
    expect(balancer.ruleName).toBe('round-robin');
    config.set({ vitamin: { services: { echo: { rule: 'weighted' } } } });
    expect(balancer.ruleName).toBe('weighted');
    config.set({ vitamin: { services: { echo: { rule: 'fastest' } } } });
    expect(balancer.ruleName).toBe('weighted');
  });

  it('fails with VITAMIN_E_NO_INSTANCE when the service has no instance', async () => {
    const caller = app({ name: 'caller', providers: [EchoClient] });
    const error = await caller
      .get(EchoClient)
      .get()
      .catch((e: unknown) => e);
    expect(isVitaminError(error) && error.code).toBe('VITAMIN_E_NO_INSTANCE');
    expect((error as Error).message).toMatch(/no UP instance of service 'echo'.*vitamin.services.echo.url/);
  });
});

describe('self-registration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitamin-self-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A file registry that also records what the app asks of it, and whether the app still serves at deregistration. */
  class RecordingRegistry extends FileRegistry implements Registry {
    readonly statuses: string[] = [];
    servingAtDeregister: number | undefined;
    override async register(instance: Instance) {
      this.statuses.push(instance.status);
      await super.register(instance);
    }
    override async deregister(instance: Instance) {
      const res = await fetch(`http://${instance.host}:${instance.port}/ping`).catch(() => undefined);
      this.servingAtDeregister = res?.status;
      await super.deregister(instance);
    }
  }

  it('registers STARTING then UP once listening, and deregisters before the server stops', async () => {
    const registry = new RecordingRegistry({ dir });
    const service = createApp({
      name: 'pinger',
      controllers: [PingController],
      logger,
      registry,
      config: { vitamin: { instance: { zone: 'eu-1', version: '1.2.0', metadata: { canary: true } } } },
    });
    const address = await service.listen();
    const reader = new FileRegistry({ dir });
    const [record] = await reader.instances('pinger');
    expect(record).toMatchObject({
      service: 'pinger',
      host: '127.0.0.1',
      port: address.port,
      status: 'UP',
      metadata: { zone: 'eu-1', version: '1.2.0', canary: true },
    });
    expect(registry.statuses).toEqual(['STARTING', 'UP']);
    await service.close();
    expect(registry.servingAtDeregister).toBe(200);
    expect(await reader.instances('pinger')).toEqual([]);
  });

  it('registers nowhere without a configured registry', async () => {
    const service = app({ name: 'quiet', controllers: [PingController] });
    await service.listen();
    expect(service.discovery.registers).toBe(false);
  });

  it('builds the registry vitamin.discovery.registry names', async () => {
    const service = app({
      name: 'filed',
      controllers: [PingController],
      config: { vitamin: { discovery: { registry: 'file', file: { dir } } } },
    });
    const { port } = await service.listen();
    expect(service.discovery.registry.kind).toBe('file');
    expect((await new FileRegistry({ dir }).instances('filed')).map((i) => i.port)).toEqual([port]);
    expect(() =>
      createApp({ name: 'x', logger, config: { vitamin: { discovery: { registry: 'zookeeper' } } } }),
    ).toThrow(/vitamin.discovery.registry: unknown registry 'zookeeper'; use one of static, file, etcd, dns/);
  });
});
