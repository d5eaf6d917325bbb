import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { Writable } from 'node:stream';
import {
  Controller,
  createApp,
  createLogger,
  Get,
  InMemoryConfig,
  Param,
  Provider,
  ProviderClient,
  type App,
  type HealthResult,
} from '@vitamin/core';
import { RecordedCommands } from './support/command-source.js';
import { promtoolCheck } from './support/promtool.js';

const TOKEN = 'actuator-token-0123456789';
const SECRETS = ['hunter2', 's3cr3t-api', 'tok-9f8e7d', TOKEN, 'pa55word', 'env-s3cret', 'argv-s3cret'];

@Controller('/hello')
class HelloController {
  @Get('/:name')
  hello(@Param('name') name: string) {
    return { hello: name };
  }
}

@Provider({ service: 'hello-service' })
class HelloClient extends ProviderClient {
  @Get('/hello/{name}')
  hello(request: { path: { name: string } }): Promise<{ hello: string }> {
    return this.call('hello', request);
  }
}

/** A JSON body, read loosely by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const quiet = () => createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
const agent = new Agent();
const commands = new RecordedCommands();
let dependency: HealthResult = { status: 'UP', details: { pool: 3 } };
let app: App;
let url: string;

async function get(path: string, token?: string) {
  const headers = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const res = await request(`${url}${path}`, { dispatcher: agent, headers });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) as Json };
}

async function post(path: string, body: unknown, token = TOKEN) {
  const res = await request(`${url}${path}`, {
    dispatcher: agent,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, json: (await res.body.json()) as Json };
}

beforeAll(async () => {
  // Secrets the process was started with must not show either.
  process.env['DB_PASSWORD'] = 'env-s3cret';
  process.argv.push('--db-password=argv-s3cret');
  commands.record(
    'HelloClient#hello',
    'hello-service',
    { success: 18, failure: 2, timeout: 1, shortCircuited: 3 },
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 40],
  );
  app = createApp({
    name: 'hello-service',
    controllers: [HelloController],
    logger: quiet(),
    config: {
      vitamin: { actuator: { token: TOKEN }, info: { version: '1.2.3', git: { commit: 'abc1234' } } },
      db: { password: 'hunter2', url: 'postgres://app:pa55word@db:5432/app' },
      payments: { apiKey: 's3cr3t-api' },
      AUTH_TOKEN: 'tok-9f8e7d',
      feature: { enabled: true },
    },
    actuator: {
      commands,
      circuitBreakers: commands,
      indicators: [{ name: 'database', check: () => dependency }],
    },
  });
  url = (await app.listen()).url;
});

afterAll(async () => {
  delete process.env['DB_PASSWORD'];
  process.argv.splice(process.argv.indexOf('--db-password=argv-s3cret'), 1);
  await app.close();
  await agent.close();
});

describe('actuator over HTTP', () => {
  it('serves health with indicator statuses, details only to an authenticated caller', async () => {
    const open = await get('/actuator/health');
    expect(open.status).toBe(200);
    expect(open.json()).toEqual({
      status: 'UP',
      components: { circuitBreakers: { status: 'UP' }, database: { status: 'UP' }, lifecycle: { status: 'UP' } },
    });
    const authed = (await get('/actuator/health', TOKEN)).json();
    expect(authed.components.database).toEqual({ status: 'UP', details: { pool: 3 } });
  });

  it('answers 503 when an indicator is DOWN, 200 when DEGRADED, and keeps liveness apart', async () => {
    dependency = { status: 'DOWN' };
    expect((await get('/actuator/health')).status).toBe(503);
    expect((await get('/actuator/health/readiness')).json().status).toBe('DOWN');
    const liveness = await get('/actuator/health/liveness');
    expect([liveness.status, liveness.json()]).toEqual([200, { status: 'UP', components: {} }]);
    dependency = { status: 'DEGRADED' };
    expect((await get('/actuator/health/readiness')).status).toBe(200);
    dependency = { status: 'UP', details: { pool: 3 } };
  });

  it('serves info: name, version, instance id, git commit and uptime', async () => {
    const info = (await get('/actuator/info')).json();
    expect(info).toMatchObject({ name: 'hello-service', version: '1.2.3', git: { commit: 'abc1234' } });
    expect(info.instanceId).toMatch(/^hello-service-/);
    expect(info.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it.each(['prometheus', 'env', 'config', 'loggers', 'circuitbreakers', 'hystrix.stream'])(
    'refuses %s without a token (401) and with a wrong one (403), saying nothing more',
    async (endpoint) => {
      const none = await get(`/actuator/${endpoint}`);
      expect([none.status, none.headers['www-authenticate'], none.json()]).toEqual([
        401,
        'Bearer',
        { error: { code: 'VITAMIN_E_UNAUTHORIZED', message: 'Authentication required' } },
      ]);
      const wrong = await get(`/actuator/${endpoint}`, `${TOKEN}x`);
      expect([wrong.status, wrong.json()]).toEqual([
        403,
        { error: { code: 'VITAMIN_E_FORBIDDEN', message: 'Forbidden' } },
      ]);
    },
  );

  it('serves Prometheus text that promtool accepts, with server, client, command and process metrics', async () => {
    const consumer = createApp({
      name: 'hello-consumer',
      providers: [HelloClient],
      logger: quiet(),
      config: { vitamin: { services: { 'hello-service': { url } } } },
    });
    try {
      await app.get(HelloController);
      await consumer.get(HelloClient).hello({ path: { name: 'ada' } });
      const consumerText = await consumer.actuator!.metrics.text();
      expect(consumerText).toMatch(
        /http_client_request_duration_seconds_count\{method="GET",server="127\.0\.0\.1:\d+",status="200"\} 1/,
      );
    } finally {
      await consumer.close();
    }
    const res = await get('/actuator/prometheus', TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    expect(text).toContain(
      'http_server_request_duration_seconds_count{method="GET",route="/hello/:name",status="200"} 1',
    );
    expect(text).toContain(
      'vitamin_command_events{command="HelloClient#hello",group="hello-service",event="failure"} 2',
    );
    expect(text).toContain(
      'vitamin_circuit_breaker_state{command="HelloClient#hello",group="hello-service",state="closed"} 1',
    );
    expect(text).toContain('vitamin_bulkhead_max{command="HelloClient#hello",group="hello-service"} 10');
    expect(text).toContain(
      'vitamin_command_latency_seconds{command="HelloClient#hello",group="hello-service",quantile="0.5"} 0.005',
    );
    expect(text).toContain('process_cpu_user_seconds_total');
    const check = await promtoolCheck(text);
    expect(check.output).toBe('');
    expect(check.code).toBe(0);
  });

  it('lists every property with its source and masks secrets, and no endpoint leaks one', async () => {
    const env = (await get('/actuator/env', TOKEN)).json();
    const byKey = Object.fromEntries(env.properties.map((p: { key: string; value: unknown }) => [p.key, p.value]));
    expect(byKey).toMatchObject({
      'db.password': '******',
      'db.url': 'postgres://app:******@db:5432/app',
      'payments.apiKey': '******',
      AUTH_TOKEN: '******',
      'vitamin.actuator.token': '******',
      'feature.enabled': true,
    });
    expect(env.properties[0]).toMatchObject({ source: 'code' });
    const bodies = await Promise.all(
      ['health', 'info', 'prometheus', 'env', 'config', 'loggers', 'circuitbreakers'].map(
        async (endpoint) => (await get(`/actuator/${endpoint}`, TOKEN)).text,
      ),
    );
    for (const secret of SECRETS) for (const body of bodies) expect(body).not.toContain(secret);
  });

  it('reads and changes log levels at runtime', async () => {
    expect((await get('/actuator/loggers', TOKEN)).json().loggers).toEqual({ root: { level: 'info' } });
    expect(await post('/actuator/loggers/root', { level: 'debug' })).toEqual({
      status: 200,
      json: { logger: 'root', level: 'debug' },
    });
    expect(app.logger.level).toBe('debug');
    expect((await post('/actuator/loggers/root', { level: 'loud' })).status).toBe(400);
    expect((await post('/actuator/loggers/nope', { level: 'info' })).status).toBe(404);
    expect((await post('/actuator/loggers/root', { level: 'info' }, 'wrong')).status).toBe(403);
    await post('/actuator/loggers/root', { level: 'info' });
  });

  it('lists circuit breakers and forces them open, closed, and back', async () => {
    const list = (await get('/actuator/circuitbreakers', TOKEN)).json();
    expect(list.circuitBreakers).toEqual([
      { key: 'HelloClient#hello', group: 'hello-service', state: 'closed', requestCount: 21, errorPercentage: 14 },
    ]);
    const key = encodeURIComponent('HelloClient#hello');
    expect((await post(`/actuator/circuitbreakers/${key}`, { action: 'forceOpen' })).json.state).toBe('forced-open');
    expect((await get('/actuator/health', TOKEN)).status).toBe(200);
    expect((await post(`/actuator/circuitbreakers/${key}`, { action: 'forceClosed' })).json.state).toBe(
      'forced-closed',
    );
    expect((await post(`/actuator/circuitbreakers/${key}`, { action: 'reset' })).json.state).toBe('closed');
    expect((await post(`/actuator/circuitbreakers/${key}`, { action: 'explode' })).status).toBe(400);
    expect((await post('/actuator/circuitbreakers/unknown', { action: 'reset' })).status).toBe(404);
  });
});

describe('actuator with a layered property source', () => {
  it('shows each property with its own source, and refusals with their value and reason masked', async () => {
    const layered = createApp({
      name: 'layered',
      logger: quiet(),
      config: { vitamin: { actuator: { token: TOKEN } } },
      actuator: {
        properties: {
          describeAll: () => [
            { key: 'db.password', value: 'hunter2', source: 'env' },
            { key: 'vitamin.command.default.timeoutMs', value: 800, source: 'etcd:service' },
          ],
          refusals: () => [
            {
              key: 'db.url',
              source: 'etcd:service',
              value: 'postgres://app:pa55word@db/app',
              reason: 'unreachable postgres://app:pa55word@db/app',
              at: 0,
            },
          ],
          unknownKeys: () => ['vitamin.comand.default.timeoutMs'],
        },
      },
    });
    const { url: layeredUrl } = await layered.listen();
    try {
      const res = await request(`${layeredUrl}/actuator/config`, {
        dispatcher: agent,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(await res.body.json()).toEqual({
        properties: [
          { key: 'db.password', value: '******', source: 'env' },
          { key: 'vitamin.command.default.timeoutMs', value: 800, source: 'etcd:service' },
        ],
        refusals: [
          {
            key: 'db.url',
            source: 'etcd:service',
            value: 'postgres://app:******@db/app',
            reason: 'unreachable postgres://app:******@db/app',
            at: '1970-01-01T00:00:00.000Z',
          },
        ],
        unknownKeys: ['vitamin.comand.default.timeoutMs'],
      });
    } finally {
      await layered.close();
    }
  });

  it('accepts a rotated token at once and refuses the old one', async () => {
    const config = new InMemoryConfig({ vitamin: { actuator: { token: 'old-token' } } });
    const rotating = createApp({ name: 'rotating', logger: quiet(), config });
    const { url: rotatingUrl } = await rotating.listen();
    const status = async (token: string) => {
      const res = await request(`${rotatingUrl}/actuator/env`, {
        dispatcher: agent,
        headers: { authorization: `Bearer ${token}` },
      });
      await res.body.dump();
      return res.statusCode;
    };
    try {
      expect(await status('old-token')).toBe(200);
      config.set({ vitamin: { actuator: { token: 'new-token' } } });
      expect([await status('old-token'), await status('new-token')]).toEqual([403, 200]);
    } finally {
      await rotating.close();
    }
  });
});

describe('actuator security defaults', () => {
  it('refuses protected endpoints with 403 on the app port when no token is configured', async () => {
    const bare = createApp({ name: 'bare', logger: quiet() });
    const { url: bareUrl } = await bare.listen();
    try {
      const res = await request(`${bareUrl}/actuator/env`, { dispatcher: agent });
      expect(res.statusCode).toBe(403);
      await res.body.dump();
      const health = await request(`${bareUrl}/actuator/health`, { dispatcher: agent });
      expect(health.statusCode).toBe(200);
      await health.body.dump();
    } finally {
      await bare.close();
    }
  });

  it('serves every endpoint on a loopback management port, and none on the app port', async () => {
    const managed = createApp({ name: 'managed', logger: quiet(), actuator: { managementPort: 0 } });
    const { url: appUrl } = await managed.listen();
    try {
      const managementUrl = managed.managementAddress!.url;
      expect(managementUrl).not.toBe(appUrl);
      const env = await request(`${managementUrl}/actuator/env`, { dispatcher: agent });
      expect(env.statusCode).toBe(200);
      await env.body.dump();
      const onApp = await request(`${appUrl}/actuator/health`, { dispatcher: agent });
      expect(onApp.statusCode).toBe(404);
      await onApp.body.dump();
    } finally {
      await managed.close();
    }
  });

  it('serves nothing under /actuator when disabled by a property', async () => {
    const off = createApp({ name: 'off', logger: quiet(), config: { vitamin: { actuator: { enabled: false } } } });
    const { url: offUrl } = await off.listen();
    try {
      expect(off.actuator).toBeUndefined();
      const res = await request(`${offUrl}/actuator/health`, { dispatcher: agent });
      expect(res.statusCode).toBe(404);
      await res.body.dump();
    } finally {
      await off.close();
    }
  });
});
