// Commands end to end: provider clients and @Command services over real HTTP on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AxiosTransport,
  Command,
  Controller,
  CommandRegistry,
  createApp,
  createClient,
  Get,
  InMemoryConfig,
  Post,
  Provider,
  ProviderClient,
  Service,
  UndiciTransport,
  type Transport,
} from '@vitamin/core';

/** A server whose behaviour each test sets, which reports requests that close before an answer. */
interface Dependency {
  server: Server;
  url: string;
  requests: number;
  answer: (path: string, attempt: number) => { status: number; body: unknown } | 'never';
  closedUnanswered: () => Promise<number>;
}

function startDependency(): Promise<Dependency> {
  const waiting: ((count: number) => void)[] = [];
  let unanswered = 0;
  const dependency: Dependency = {
    server: createServer((req, res) => {
      dependency.requests++;
      const answer = dependency.answer(req.url!, dependency.requests);
      if (answer === 'never') {
        res.on('close', () => {
          unanswered++;
          waiting.splice(0).forEach((resolve) => resolve(unanswered));
        });
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    }),
    url: '',
    requests: 0,
    answer: () => ({ status: 200, body: { ok: true } }),
    closedUnanswered: () => new Promise((resolve) => waiting.push(resolve)),
  };
  return new Promise((resolve) =>
    dependency.server.listen(0, '127.0.0.1', () => {
      dependency.url = `http://127.0.0.1:${(dependency.server.address() as AddressInfo).port}`;
      resolve(dependency);
    }),
  );
}

@Provider({ service: 'stock' })
class StockClient extends ProviderClient {
  @Get('/stock/{sku}')
  level(request: { path: { sku: string } }) {
    return this.call<{ ok: boolean }>('level', request);
  }

  @Post('/reservations', { key: 'reserve' })
  reserve(request: { body: { sku: string } }) {
    return this.call<{ ok: boolean }>('reserve', request);
  }
}

let dependency: Dependency;
beforeAll(async () => {
  dependency = await startDependency();
});
afterEach(() => {
  dependency.requests = 0;
  dependency.answer = () => ({ status: 200, body: { ok: true } });
});
afterAll(() => new Promise<void>((resolve) => dependency.server.close(() => resolve())));

const transports: [string, () => Transport][] = [
  ['undici', () => new UndiciTransport()],
  ['axios', () => new AxiosTransport(axios.create())],
];

describe.each(transports)('provider operations as commands over %s', (_name, makeTransport) => {
  let transport: Transport;
  let commands: CommandRegistry;
  let client: StockClient;
  beforeAll(() => {
    transport = makeTransport();
  });
  afterAll(() => transport.close());
  afterEach(() => commands.close());

  // The attempt timeout is far beyond any test, so only the command's abort can end a hanging request.
  function connect(properties: Record<string, unknown> = {}): StockClient {
    commands = new CommandRegistry({ config: new InMemoryConfig(properties) });
    client = createClient(StockClient, { baseUrl: dependency.url, transport, timeoutMs: 600_000, commands });
    return client;
  }

  it('aborts the HTTP request when the command times out: the server sees it closed', async () => {
    connect({ 'vitamin.command.StockClient#level.timeoutMs': 100 });
    dependency.answer = () => 'never';
    const closed = dependency.closedUnanswered();
    const error = await client.level({ path: { sku: 'a' } }).catch((e: { code: string }) => e.code);
    expect(error).toBe('VITAMIN_E_COMMAND_TIMEOUT');
    expect(await closed).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(commands.get('StockClient#level')!.bulkhead.active).toBe(0);
  });

  it('names the command <Client>#<method> (or the operation key) in the provider service group', async () => {
    connect();
    await client.level({ path: { sku: 'a' } });
    await client.reserve({ body: { sku: 'a' } });
    expect(commands.commandMetrics().map((m) => [m.key, m.group, m.counts.success])).toEqual([
      ['StockClient#level', 'stock', 1],
      ['reserve', 'stock', 1],
    ]);
    expect(commands.groupMetrics()[0]).toMatchObject({ group: 'stock', counts: { success: 2 } });
  });

  it('retries an idempotent operation after a 503, and never a POST', async () => {
    connect();
    dependency.answer = (_path, attempt) =>
      attempt === 1 ? { status: 503, body: {} } : { status: 200, body: { ok: true } };
    await expect(client.level({ path: { sku: 'a' } })).resolves.toEqual({ ok: true });
    expect(dependency.requests).toBe(2);
    dependency.requests = 0;
    await expect(client.reserve({ body: { sku: 'a' } })).rejects.toMatchObject({ status: 503 });
    expect(dependency.requests).toBe(1);
  });

  it('keeps retries within the budget under a failing dependency', async () => {
    connect({ 'vitamin.command.default': { retryMaxAttempts: 4, retryBaseDelayMs: 0, circuitEnabled: false } });
    dependency.answer = () => ({ status: 503, body: {} });
    for (let i = 0; i < 100; i++) await client.level({ path: { sku: 'a' } }).catch(() => undefined);
    expect(dependency.requests).toBeLessThanOrEqual(100 + 0.2 * 100 + 10);
    expect(dependency.requests).toBeGreaterThan(100);
  });

  it('does not count 4xx answers against the circuit', async () => {
    connect();
    dependency.answer = () => ({ status: 404, body: { error: 'no such sku' } });
    for (let i = 0; i < 30; i++) await client.level({ path: { sku: 'x' } }).catch(() => undefined);
    const policy = commands.get('StockClient#level')!;
    expect(policy.breaker.state).toBe('closed');
    expect(policy.metrics.eventCounts()).toMatchObject({ badRequest: 30, failure: 0 });
  });
});

@Service()
class Quotes {
  calls = 0;

  @Command({ key: 'quote', timeoutMs: 50, fallback: 'cached' })
  quote(sku: string): Promise<string> {
    this.calls++;
    return sku === 'slow' ? new Promise(() => {}) : Promise.resolve(`live ${sku}`);
  }

  cached(sku: string, cause: unknown): string {
    return `cached ${sku} (${(cause as { code: string }).code})`;
  }
}

describe('@Command on a service', () => {
  it('compiles the method into a command with its fallback when the app creates the service', async () => {
    const app = createApp({
      name: 'shop',
      providers: [Quotes],
      config: { vitamin: { command: { quote: { timeoutMs: 20 } } } },
    });
    const quotes = app.get(Quotes);
    await expect(quotes.quote('tea')).resolves.toBe('live tea');
    await expect(quotes.quote('slow')).resolves.toBe('cached slow (VITAMIN_E_COMMAND_TIMEOUT)');
    expect(quotes.calls).toBe(2);
    expect(app.commands.get('quote')).toMatchObject({ group: 'Quotes', options: { timeoutMs: 20 } });
    expect(app.commands.commandMetrics()[0]!.counts).toMatchObject({ success: 1, timeout: 1, fallbackSuccess: 1 });
    await app.close();
  });

  it('refuses a fallback that names no method, when the service is created', () => {
    @Service()
    class Broken {
      @Command({ fallback: 'missing' })
      run(): Promise<void> {
        return Promise.resolve();
      }
    }
    const app = createApp({ name: 'shop', providers: [Broken] });
    expect(() => app.get(Broken)).toThrow(/@Command on Broken.run: fallback 'missing' is not a method/);
  });
});

@Controller('/quotes')
class QuoteController {
  @Get('/{sku}')
  @Command({ key: 'quote-route', timeoutMs: 30, fallback: 'unavailable' })
  quote(): Promise<{ price: number }> {
    return new Promise(() => {});
  }

  unavailable(): { price: number } {
    return { price: -1 };
  }
}

describe('@Command on a controller', () => {
  it('answers a request with the fallback when the handler times out', async () => {
    const app = createApp({
      name: 'shop',
      controllers: [QuoteController],
      config: { vitamin: { server: { port: 0 } } },
    });
    const { url } = await app.listen();
    const response = await fetch(`${url}/quotes/tea`);
    expect(await response.json()).toEqual({ price: -1 });
    expect(app.commands.get('quote-route')!.metrics.eventCounts()).toMatchObject({ timeout: 1, fallbackSuccess: 1 });
    await app.close();
  });
});
