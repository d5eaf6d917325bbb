import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type App } from '@vitamin/core';
import { createService, SERVICE_NAME, type ServiceOptions } from '../src/app.js';

// vitest.config.ts sets VITAMIN_PROPS__vitamin__server__port=0: each app listens on a free port.
let app: App | undefined;
let lines: Record<string, unknown>[] = [];

async function start(options: ServiceOptions = {}): Promise<string> {
  lines = [];
  const destination = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
  app = createService({ logger: createLogger({ name: SERVICE_NAME, destination }), ...options });
  return (await app.listen()).url;
}

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/greetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe(SERVICE_NAME, () => {
  it('greets with the configured salutation and counts greetings', async () => {
    const url = await start();
    const first = await post(url, { name: 'Ada' });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ message: 'Hello, Ada!', greeted: 1 });
    expect(await (await post(url, { name: ' Grace ' })).json()).toEqual({ message: 'Hello, Grace!', greeted: 2 });
  });

  it('answers an invalid body with 400 naming the field', async () => {
    const url = await start();
    const response = await post(url, { name: '' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('VITAMIN_E_VALIDATION');
    expect(body.error.details.map((issue) => issue.path)).toEqual(['name']);
  });

  it('writes the trace id of the request on its log lines', async () => {
    const url = await start();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await post(url, { name: 'Ada' }, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    const line = lines.find((entry) => entry['msg'] === 'greeted someone');
    expect(line).toMatchObject({ service: SERVICE_NAME, traceId, greeted: 1 });
  });

  it('describes its API at /openapi.json', async () => {
    const url = await start();
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as {
      info: { title: string };
      paths: Record<string, object>;
    };
    expect(document.info.title).toBe(SERVICE_NAME);
    expect(Object.keys(document.paths).sort()).toEqual(['/greetings', '/greetings/salutation']);
  });

  it('is live and ready, with the greeting book in readiness', async () => {
    const url = await start();
    const live = await fetch(`${url}/actuator/health/liveness`);
    const ready = await fetch(`${url}/actuator/health/readiness`);
    expect([live.status, ready.status]).toEqual([200, 200]);
    const report = (await ready.json()) as { status: string; components: Record<string, { status: string }> };
    expect(report.status).toBe('UP');
    expect(report.components['greetingBook']?.status).toBe('UP');
  });

  it('keeps management endpoints closed, and opens them in the dev profile', async () => {
    const url = await start();
    // No vitamin.actuator.token is configured, so no caller gets in.
    expect((await fetch(`${url}/actuator/env`)).status).toBe(403);
    await app?.close();
    const devUrl = await start({ profile: 'dev' });
    expect((await fetch(`${devUrl}/actuator/env`)).status).toBe(200);
  });

  it('takes the salutation from the environment over config files', async () => {
    process.env['VITAMIN_PROPS__greeting__salutation'] = 'Bonjour';
    try {
      const url = await start();
      expect(await (await fetch(`${url}/greetings/salutation`)).json()).toEqual({ salutation: 'Bonjour' });
    } finally {
      delete process.env['VITAMIN_PROPS__greeting__salutation'];
    }
  });
});
