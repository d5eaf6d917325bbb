import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createLogger, HttpError, type App, type ProviderClient } from '@vitamin/core';
import { greetingService } from '../../../examples/greeting/src/apps.js';
import { createCli, typeCheckGenerated } from '../src/index.js';
import { workFolder } from './support/work-folder.js';

const logger = createLogger({ level: 'silent' });

/** The methods the generated client must have, called untyped here; types are checked by tsc below. */
type Generated = ProviderClient & Record<string, (request?: unknown) => Promise<unknown>>;

/** Code a consumer would write against the generated client: it must compile, and misuse must not. */
const USAGE = `
import type { GreetingServiceClient, GetError } from './client.js';
export async function use(client: GreetingServiceClient): Promise<string> {
  const greeting = await client.get({ path: { name: 'Ada' }, query: { language: 'fr' } });
  const created = await client.create({ body: { name: 'Grace' }, header: { 'x-greeting-style': 'excited' } });
  const nothing: undefined = await client.forget({ path: { name: 'Ada' } });
  // @ts-expect-error language is one of en, fr, de
  await client.create({ body: { name: 'Grace', language: 'xx' } });
  // @ts-expect-error the path parameter is required
  await client.get({ query: { language: 'en' } });
  const notFound = null as unknown as GetError;
  const body: { error: 'unknown-person'; name: string } | { error: { code: string; message: string } } = notFound.body;
  return greeting.message + created.language + String(nothing) + JSON.stringify(body);
}
`;

describe('round trip: a service, its /openapi.json, a generated client, real HTTP', () => {
  let service: App;
  let consumer: App;
  let client: Generated;
  let folder: Awaited<ReturnType<typeof workFolder>>;

  beforeAll(async () => {
    service = greetingService({ logger });
    const { url } = await service.listen();
    folder = await workFolder('round-trip');
    await createCli().parseAsync(
      ['generate', '--from-registry', 'greeting-service', '--url', url, '--out', folder.path],
      { from: 'user' },
    );
    const module = (await import(join(folder.path, 'client.ts'))) as Record<string, new () => Generated>;
    const Client = module.GreetingServiceClient!;
    consumer = createApp({
      name: 'greeting-consumer',
      providers: [Client],
      config: { vitamin: { services: { 'greeting-service': { url } } } },
      logger,
    });
    client = consumer.get(Client);
  });
  afterAll(async () => {
    await consumer?.close();
    await service?.close();
    await folder?.remove();
  });

  it('calls every operation of the service through the generated client', async () => {
    await expect(client.get!({ path: { name: 'Ada' }, query: { language: 'de' } })).resolves.toEqual({
      message: 'Hallo, Ada!',
      language: 'de',
    });
    await expect(
      client.create!({ body: { name: 'Grace', language: 'fr' }, header: { 'x-greeting-style': 'excited' } }),
    ).resolves.toEqual({ message: 'Bonjour, Grace!!!', language: 'fr' });
    await expect(client.forget!({ path: { name: 'Ada' } })).resolves.toBeUndefined();
    const notFound = (await client.get!({ path: { name: 'nobody' } }).catch((e: unknown) => e)) as HttpError;
    expect([notFound.status, notFound.body]).toEqual([404, { error: 'unknown-person', name: 'nobody' }]);
    const failed = (await client.fail!().catch((e: unknown) => e)) as HttpError;
    expect(failed.status).toBe(500);
  });

  it('generates code that type-checks strictly, with typed requests, responses and errors', async () => {
    const usage = join(folder.path, 'usage.ts');
    await writeFile(usage, USAGE);
    expect(typeCheckGenerated(folder.path, [usage])).toEqual([]);
  });

  it('fails the type check when a consumer misuses the client', async () => {
    const misuse = join(folder.path, 'misuse.ts');
    await writeFile(
      misuse,
      `import type { GreetingServiceClient } from './client.js';\nexport const f = (c: GreetingServiceClient) => c.create({ body: { name: 1 } });\n`,
    );
    expect(typeCheckGenerated(folder.path, [misuse]).join('\n')).toContain("Type 'number' is not assignable");
  });
});
