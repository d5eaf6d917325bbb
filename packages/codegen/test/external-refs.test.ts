import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClient } from '../src/index.js';
import { workFolder } from './support/work-folder.js';

const PET = 'type: object\nproperties:\n  name: { type: string }\n';

function api(ref: string): string {
  return [
    'openapi: 3.0.3',
    'info: { title: pets, version: "1" }',
    'paths:',
    '  /pets:',
    '    get:',
    '      operationId: listPets',
    '      responses:',
    '        "200":',
    '          description: ok',
    '          content:',
    '            application/json:',
    `              schema: { $ref: '${ref}' }`,
    '',
  ].join('\n');
}

describe('external $refs', () => {
  let folder: Awaited<ReturnType<typeof workFolder>>;
  let server: Server;
  let origin: string;
  const requested: string[] = [];

  beforeAll(async () => {
    folder = await workFolder('refs');
    await mkdir(join(folder.path, 'spec', 'schemas'), { recursive: true });
    await writeFile(join(folder.path, 'spec', 'schemas', 'pet.yaml'), PET);
    await writeFile(join(folder.path, 'outside.yaml'), PET);
    const files: Record<string, string> = {
      '/specs/api.yaml': api('./schemas/pet.yaml'),
      '/specs/schemas/pet.yaml': PET,
      '/specs/escape.yaml': api('../secret.yaml'),
      '/secret.yaml': PET,
    };
    server = createServer((req, res) => {
      requested.push(req.url ?? '');
      const body = files[req.url ?? ''];
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/yaml' }).end(body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await folder?.remove();
  });

  it("reads a file ref inside the spec's folder", async () => {
    const spec = join(folder.path, 'spec', 'api.yaml');
    await writeFile(spec, api('./schemas/pet.yaml'));
    const files = await generateClient({ spec, service: 'pets' });
    expect(files['types.ts']).toMatch(/name\?: string/);
  });

  it("refuses a file ref outside the spec's folder, unless allowed", async () => {
    const spec = join(folder.path, 'spec', 'escape.yaml');
    await writeFile(spec, api('../outside.yaml'));
    await expect(generateClient({ spec, service: 'pets' })).rejects.toThrow(
      /outside\.yaml is outside the spec's folder; pass --allow-external-refs.*\(at \/paths\/~1pets\/get\/responses\/200\/content\/application~1json\/schema\/\$ref\)/,
    );
    const files = await generateClient({ spec, service: 'pets', allowExternalRefs: true });
    expect(files['types.ts']).toMatch(/name\?: string/);
  });

  it('refuses an absolute file ref such as /etc/passwd', async () => {
    const spec = join(folder.path, 'spec', 'passwd.yaml');
    await writeFile(spec, api('/etc/passwd'));
    await expect(generateClient({ spec, service: 'pets' })).rejects.toThrow(/passwd is outside the spec's folder/);
  });

  it("reads a URL ref under the spec's URL, and refuses one above it without fetching it", async () => {
    const files = await generateClient({ spec: `${origin}/specs/api.yaml`, service: 'pets' });
    expect(files['types.ts']).toMatch(/name\?: string/);
    expect(requested).toContain('/specs/schemas/pet.yaml');
    await expect(generateClient({ spec: `${origin}/specs/escape.yaml`, service: 'pets' })).rejects.toThrow(
      /secret\.yaml is outside the spec's folder/,
    );
    expect(requested).not.toContain('/secret.yaml');
  });

  it('refuses a file ref from a spec read over HTTP', async () => {
    const spec = join(folder.path, 'spec', 'to-http.yaml');
    await writeFile(spec, api(`${origin}/secret.yaml`));
    await expect(generateClient({ spec, service: 'pets' })).rejects.toThrow(/outside the spec's folder/);
    expect(requested).not.toContain('/secret.yaml');
  });
});
