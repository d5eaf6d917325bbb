import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxiosTransport, createLogger, HttpError, UndiciTransport, type App, type Transport } from '@vitamin/core';
import { greetingConsumer, greetingService } from '../src/apps.js';
import { GreetingClient } from '../src/greeting-client.js';

const logger = createLogger({ level: 'silent' });

describe.each<[string, () => Transport]>([
  ['undici', () => new UndiciTransport()],
  ['axios', () => new AxiosTransport(axios.create())],
])('greeting consumer → greeting service over real HTTP (%s)', (_name, makeTransport) => {
  let service: App;
  let consumer: App;
  let client: GreetingClient;
  let transport: Transport;
  let serviceUrl: string;

  beforeAll(async () => {
    service = greetingService({ logger });
    const { url } = await service.listen();
    serviceUrl = url;
    transport = makeTransport();
    consumer = greetingConsumer(url, { logger, transport });
    client = consumer.get(GreetingClient);
  });
  afterAll(async () => {
    await consumer.close();
    await transport.close();
    await service.close();
  });

  it('gets a greeting through the typed client', async () => {
    await expect(client.getGreeting({ path: { name: 'Ada' } })).resolves.toEqual({
      message: 'Hello, Ada!',
      language: 'en',
    });
    await expect(client.getGreeting({ path: { name: 'Ada' }, query: { language: 'de' } })).resolves.toEqual({
      message: 'Hallo, Ada!',
      language: 'de',
    });
  });

  it('posts a validated body', async () => {
    await expect(client.createGreeting({ body: { name: 'Grace', language: 'fr' } })).resolves.toEqual({
      message: 'Bonjour, Grace!',
      language: 'fr',
    });
  });

  it('gets a typed 400 naming the bad field when the body is invalid', async () => {
    const error = (await client
      .createGreeting({ body: { name: 'Grace', language: 'xx' as 'en' } })
      .catch((e: unknown) => e)) as HttpError<{ error: { code: string; details: { path: string }[] } }>;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.body.error.code).toBe('VITAMIN_E_VALIDATION');
    expect(error.body.error.details[0]!.path).toBe('language');
  });

  it('passes on the body of a handler HttpError', async () => {
    const error = (await client.getGreeting({ path: { name: 'nobody' } }).catch((e: unknown) => e)) as HttpError;
    expect([error.status, error.body]).toEqual([404, { error: 'unknown-person', name: 'nobody' }]);
  });

  it('gets a 500 without any detail of the failure', async () => {
    const error = (await client.fail().catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(500);
    expect(error.body).toEqual({ error: { code: 'VITAMIN_E_INTERNAL', message: 'Internal server error' } });
    expect(JSON.stringify(error.body)).not.toContain('hunter2');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await fetch(`${serviceUrl}/greetings/a/b/c`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VITAMIN_E_NOT_FOUND');
  });

  it('answers a malformed JSON body with 400', async () => {
    const res = await fetch(`${serviceUrl}/greetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "Ada",',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VITAMIN_E_BAD_JSON');
  });
});
