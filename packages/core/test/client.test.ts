import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AxiosTransport,
  CommandRegistry,
  createClient,
  InMemoryConfig,
  Get,
  HttpError,
  isVitaminError,
  Post,
  Provider,
  ProviderClient,
  UndiciTransport,
  type Transport,
} from '@vitamin/core';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A plain node:http server that records what it receives and answers by path. */
function startRecorder(): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const send = (status: number, payload: unknown, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      };
      if (req.url!.startsWith('/items/missing')) return send(404, { error: 'no-such-item' });
      if (req.url!.startsWith('/items/broken')) return send(503, 'maintenance', 'text/plain');
      if (req.url!.startsWith('/items/slow')) return void setTimeout(() => send(200, { late: true }), 3000);
      if (req.url!.startsWith('/items/empty')) return void res.writeHead(204).end();
      if (req.url!.startsWith('/redirect')) {
        res.writeHead(302, { location: 'http://127.0.0.2:1/steal' });
        return void res.end();
      }
      send(req.method === 'POST' ? 201 : 200, {
        method: req.method,
        url: req.url,
        body: body === '' ? null : JSON.parse(body),
      });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }),
    ),
  );
}

interface Echo {
  method: string;
  url: string;
  body: unknown;
}

@Provider({ service: 'items' })
class ItemClient extends ProviderClient {
  @Get('/items/{id}')
  getItem(request: {
    path: { id: string };
    query?: { fields?: string[]; q?: string };
    header?: Record<string, string>;
  }) {
    return this.call<Echo>('getItem', request);
  }

  @Post('/items', { key: 'createItem' })
  createItem(request: { body: { name: string } }) {
    return this.call<Echo>('createItem', request);
  }

  @Get('/redirect')
  redirect() {
    return this.call<Echo>('redirect');
  }

  notAnOperation() {
    return this.call<Echo>('notAnOperation');
  }
}

let recorder: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => {
  recorder = await startRecorder();
});
afterAll(() => new Promise<void>((resolve) => recorder.server.close(() => resolve())));

const transports: [string, () => Transport][] = [
  ['undici', () => new UndiciTransport()],
  ['axios', () => new AxiosTransport(axios.create())],
];

describe.each(transports)('provider client over %s', (_name, makeTransport) => {
  let transport: Transport;
  let client: ItemClient;
  beforeAll(() => {
    transport = makeTransport();
    client = createClient(ItemClient, { baseUrl: recorder.url, transport, timeoutMs: 200 });
  });
  afterAll(() => transport.close());

  it('sends path, query and headers and returns the parsed body', async () => {
    const result = await client.getItem({
      path: { id: 'a b/c' },
      query: { fields: ['x', 'y'], q: 'é&' },
      header: { 'X-Trace': 't1' },
    });
    expect(result).toEqual({ method: 'GET', url: '/items/a%20b%2Fc?fields=x&fields=y&q=%C3%A9%26', body: null });
    expect(recorder.seen.at(-1)!.headers['x-trace']).toBe('t1');
    expect(recorder.seen.at(-1)!.headers['accept']).toBe('application/json');
  });

  it('sends a JSON body', async () => {
    const result = await client.createItem({ body: { name: 'tea' } });
    expect(result).toEqual({ method: 'POST', url: '/items', body: { name: 'tea' } });
    expect(recorder.seen.at(-1)!.headers['content-type']).toBe('application/json');
  });

  it('keeps a hostile path parameter inside one segment of the same host', async () => {
    await client.getItem({ path: { id: '../../admin?x=1#y' } });
    expect(recorder.seen.at(-1)!.url).toBe('/items/..%2F..%2Fadmin%3Fx%3D1%23y');
    const count = recorder.seen.length;
    await expect(client.getItem({ path: { id: '..' } })).rejects.toThrow(/would change the path/);
    expect(recorder.seen.length).toBe(count);
  });

  it('turns a non-2xx answer into an HttpError with status and parsed body', async () => {
    const error = await client.getItem({ path: { id: 'missing' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    const http = error as HttpError<{ error: string }>;
    expect([http.status, http.body, http.isBadRequest]).toEqual([404, { error: 'no-such-item' }, true]);
    expect(http.upstream).toEqual({ service: 'items', method: 'GET', url: `${recorder.url}/items/missing` });
    expect(http.message).toContain('ItemClient#getItem');
  });

  it('keeps a text error body as text', async () => {
    const error = (await client.getItem({ path: { id: 'broken' } }).catch((e: unknown) => e)) as HttpError;
    expect([error.status, error.body]).toEqual([503, 'maintenance']);
  });

  it('returns undefined for 204', async () => {
    expect(await client.getItem({ path: { id: 'empty' } })).toBeUndefined();
  });

  it('does not follow redirects to another host', async () => {
    const error = (await client.redirect().catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(302);
  });

  it('refuses a header with CR or LF before sending anything', async () => {
    const count = recorder.seen.length;
    const error = await client
      .getItem({ path: { id: '1' }, header: { 'x-user': 'bob\r\nx-admin: true' } })
      .catch((e: unknown) => e);
    expect(isVitaminError(error) && error.code).toBe('VITAMIN_E_INVALID_REQUEST');
    expect(recorder.seen.length).toBe(count);
  });

  it('times out a slow attempt with a retryable VITAMIN_E_TIMEOUT', async () => {
    // Transport timeouts are coarse (undici checks them about once a second); commands add precise deadlines.
    // Here the command's own deadline and retries are out of the way, so the attempt's timeout shows.
    const config = new InMemoryConfig({ 'vitamin.command.default': { timeoutMs: 5000, retryMaxAttempts: 1 } });
    const commands = new CommandRegistry({ config });
    const attemptOnly = createClient(ItemClient, { baseUrl: recorder.url, transport, timeoutMs: 200, commands });
    const start = Date.now();
    const error = await attemptOnly.getItem({ path: { id: 'slow' } }).catch((e: unknown) => e);
    commands.close();
    expect(Date.now() - start).toBeLessThan(2500);
    expect(isVitaminError(error) && [error.code, error.retryable]).toEqual(['VITAMIN_E_TIMEOUT', true]);
  });

  it("applies each request's own timeout, whatever timeout the origin was first called with", async () => {
    const get = (over: Transport, id: string, timeoutMs: number) =>
      over.request({
        origin: recorder.url,
        method: 'GET',
        path: `/items/${id}`,
        headers: {},
        body: undefined,
        timeoutMs,
      });
    const [hasty, patient] = [makeTransport(), makeTransport()];
    try {
      expect((await get(hasty, '1', 10_000)).status).toBe(200);
      const start = Date.now();
      const error = await get(hasty, 'slow', 200).catch((e: unknown) => e);
      expect(Date.now() - start).toBeLessThan(2500);
      expect(isVitaminError(error) && error.code).toBe('VITAMIN_E_TIMEOUT');
      // And the other way round: a longer timeout than the first one lets a slow answer arrive.
      expect((await get(patient, '1', 200)).status).toBe(200);
      expect((await get(patient, 'slow', 10_000)).status).toBe(200);
    } finally {
      await Promise.all([hasty.close(), patient.close()]);
    }
  });

  it('reports a refused connection as a retryable VITAMIN_E_CONNECT', async () => {
    const closed = await startRecorder();
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const dead = createClient(ItemClient, { baseUrl: closed.url, transport });
    const error = await dead.getItem({ path: { id: '1' } }).catch((e: unknown) => e);
    expect(isVitaminError(error) && [error.code, error.retryable]).toEqual(['VITAMIN_E_CONNECT', true]);
  });

  it('names the method when it is not a declared operation', async () => {
    await expect(client.notAnOperation()).rejects.toThrow(/ItemClient.notAnOperation is not a bound operation/);
  });
});

describe('base URL', () => {
  it('keeps a path prefix of the base URL', async () => {
    const transport = new UndiciTransport();
    const client = createClient(ItemClient, { baseUrl: `${recorder.url}/v2/`, transport });
    expect((await client.getItem({ path: { id: '1' } })).url).toBe('/v2/items/1');
    await transport.close();
  });

  it.each(['ftp://x', 'not a url', 'http://user:pw@127.0.0.1:1'])('refuses %s', (baseUrl) => {
    expect(() => createClient(ItemClient, { baseUrl, transport: new UndiciTransport() })).toThrow(/ItemClient baseUrl/);
  });
});
