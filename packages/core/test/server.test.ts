import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Body,
  Controller,
  createApp,
  createLogger,
  Get,
  Header,
  HttpError,
  Param,
  Post,
  Query,
  type App,
} from '@vitamin/core';

const Order = z.object({
  item: z.string().min(1),
  quantity: z.number().int().positive(),
  note: z.string().optional(),
});

@Controller('/orders')
class OrderController {
  readonly received: unknown[] = [];

  @Post('', { status: 201 })
  create(@Body(Order) order: z.infer<typeof Order>, @Header('x-tenant') tenant: string | undefined) {
    this.received.push(order);
    return { ...order, tenant: tenant ?? null };
  }

  @Get('/:id')
  get(@Param('id', z.coerce.number().int()) id: number, @Query('expand') expand: string | undefined) {
    if (id === 404) throw new HttpError(404, 'missing', { error: 'order-not-found', id });
    return { id, expand: expand ?? null };
  }

  @Get('/search/all')
  search(@Query(z.object({ tag: z.array(z.string()).or(z.string()) }).loose()) query: Record<string, unknown>) {
    return { query, polluted: ({} as Record<string, unknown>)['isAdmin'] ?? null };
  }

  @Get('/boom/sync')
  boom(): never {
    throw new Error('secret connection string postgres://admin:hunter2@db');
  }

  @Get('/boom/async')
  async boomAsync(): Promise<never> {
    await Promise.resolve();
    throw new TypeError('cannot read properties of undefined (internal detail)');
  }

  @Post('/nothing')
  nothing(): void {}
}

const logLines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString());
    done();
  },
});

let app: App;
let base: string;

beforeAll(async () => {
  app = createApp({
    name: 'orders',
    controllers: [OrderController],
    logger: createLogger({ name: 'orders', destination: sink }),
    server: { bodyLimit: 1024, headersTimeoutMs: 300, maxHeaderSize: 2048 },
  });
  base = (await app.listen()).url;
});
afterAll(() => app.close());

const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(base + path, { method: 'POST', body, headers });

describe('decorated HTTP server over real sockets', () => {
  it('passes a valid body, a header and the status of the route to the handler', async () => {
    const res = await post('/orders', JSON.stringify({ item: 'tea', quantity: 2 }), {
      'content-type': 'application/json',
      'x-tenant': 'acme',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ item: 'tea', quantity: 2, tenant: 'acme' });
  });

  it('answers 400 naming the bad field, and the handler never sees the body', async () => {
    const controller = app.get(OrderController);
    const before = controller.received.length;
    const res = await post('/orders', JSON.stringify({ item: 'tea', quantity: -1 }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; message: string; details: { in: string; path: string }[] };
    };
    expect(body.error.code).toBe('VITAMIN_E_VALIDATION');
    expect(body.error.message).toMatch(/^Invalid request: body field 'quantity': /);
    expect(body.error.details).toEqual([expect.objectContaining({ in: 'body', path: 'quantity' })]);
    expect(controller.received.length).toBe(before);
  });

  it('reports every bad field of a request at once', async () => {
    const res = await post('/orders', JSON.stringify({ quantity: 'two' }));
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['item', 'quantity']);
  });

  it('validates and converts path parameters', async () => {
    expect(await (await fetch(`${base}/orders/7?expand=lines`)).json()).toEqual({ id: 7, expand: 'lines' });
    const bad = await fetch(`${base}/orders/seven`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/path field 'id'/);
  });

  it('answers a thrown HttpError with its status and body', async () => {
    const res = await fetch(`${base}/orders/404`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'order-not-found', id: 404 });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${base}/nowhere?x=1`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'VITAMIN_E_NOT_FOUND', message: 'No route for GET /nowhere' } });
  });

  it.each(['/orders/boom/sync', '/orders/boom/async'])(
    'answers a failing handler (%s) with 500 and no stack trace or message, and logs it',
    async (path) => {
      const res = await fetch(base + path);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'VITAMIN_E_INTERNAL', message: 'Internal server error' } });
      expect(text).not.toMatch(/hunter2|internal detail|at \w+ \(/);
      expect(logLines.some((line) => line.includes('handler failed') && line.includes(path))).toBe(true);
    },
  );

  it('refuses malformed JSON with 400', async () => {
    const res = await post('/orders', '{"item": "tea", ');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VITAMIN_E_BAD_JSON');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await post('/orders', 'item=tea', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await post('/orders', JSON.stringify({ item: 'x'.repeat(2000), quantity: 1 }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VITAMIN_E_BODY_TOO_LARGE');
  });

  it('answers an empty body of a route that needs one with 400', async () => {
    const res = await post('/orders', '');
    expect(res.status).toBe(400);
  });

  it('answers 204 when a handler returns nothing', async () => {
    expect((await post('/orders/nothing', '')).status).toBe(204);
  });

  it('drops __proto__ and constructor keys from bodies and never pollutes objects', async () => {
    const res = await post(
      '/orders',
      '{"item":"tea","quantity":1,"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}',
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ item: 'tea', quantity: 1, tenant: null });
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });

  it('never lets __proto__ in a query reach a prototype', async () => {
    const res = await fetch(`${base}/orders/search/all?tag=a&tag=b&__proto__[isAdmin]=true&__proto__=x`);
    const body = (await res.json()) as { query: Record<string, unknown>; polluted: unknown };
    expect(body.query['tag']).toEqual(['a', 'b']);
    expect(body.polluted).toBeNull();
  });

  it('answers an oversized header block with 431', async () => {
    const res = await fetch(`${base}/orders/1`, { headers: { 'x-big': 'y'.repeat(4096) } });
    expect(res.status).toBe(431);
  });

  it('cuts off a client that sends its headers too slowly', async () => {
    const socket = connect(Number(new URL(base).port), '127.0.0.1');
    socket.write('GET /orders/1 HTTP/1.1\r\nHost: x\r\n');
    const start = Date.now();
    const answer = await new Promise<string>((resolve) => {
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
