import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVitaminError } from '@vitamin/core';
import { createCli, generateClient } from '../src/index.js';
import { workFolder } from './support/work-folder.js';

const ok = { '200': { description: 'ok' } };

/** Broken specs, each with the JSON pointer the error must name. */
const CASES: [string, unknown, string][] = [
  ['paths that are not an object', { openapi: '3.0.3', info: {}, paths: [] }, '(at /paths)'],
  ['an unknown version', { openapi: '2.5.0', info: {}, paths: {} }, '(at /openapi)'],
  ['a swagger version other than 2.0', { swagger: '1.2', info: {}, paths: {} }, '(at /swagger)'],
  ['a path without a leading slash', { openapi: '3.1.0', info: {}, paths: { pets: {} } }, '(at /paths/pets)'],
  [
    'a parameter without a name',
    { openapi: '3.0.3', info: {}, paths: { '/a': { get: { parameters: [{ in: 'query' }], responses: ok } } } },
    '(at /paths/~1a/get/parameters/0)',
  ],
  [
    'a parameter in an unknown place',
    {
      openapi: '3.0.3',
      info: {},
      paths: { '/a': { get: { parameters: [{ name: 'q', in: 'body' }], responses: ok } } },
    },
    '(at /paths/~1a/get/parameters/0)',
  ],
  [
    'a $ref to nothing',
    {
      openapi: '3.0.3',
      info: {},
      paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }], responses: ok } } },
    },
    '(at /paths/~1a/get/parameters/0/$ref)',
  ],
  [
    'an undeclared path parameter',
    { openapi: '3.0.3', info: {}, paths: { '/a/{id}': { get: { responses: ok } } } },
    '(at /paths/~1a~1{id}/get/parameters)',
  ],
  [
    'responses that are not an object',
    { openapi: '3.0.3', info: {}, paths: { '/a': { post: { responses: 'none' } } } },
    '(at /paths/~1a/post/responses)',
  ],
  [
    'a request body without content',
    { openapi: '3.0.3', info: {}, paths: { '/a': { post: { requestBody: {}, responses: ok } } } },
    '(at /paths/~1a/post/requestBody)',
  ],
];

describe('an invalid spec', () => {
  let folder: Awaited<ReturnType<typeof workFolder>>;
  beforeAll(async () => {
    folder = await workFolder('invalid');
  });
  afterAll(() => folder?.remove());

  it.each(CASES)('with %s is refused with the JSON pointer of the problem', async (name, spec, pointer) => {
    const file = join(folder.path, `${name.replace(/\W+/g, '-')}.json`);
    await writeFile(file, JSON.stringify(spec));
    const error = await generateClient({ spec: file, service: 's' }).catch((e: unknown) => e);
    expect(isVitaminError(error) && error.code).toBe('VITAMIN_E_SPEC');
    expect((error as Error).message).toContain(pointer);
  });

  it('that is neither JSON nor YAML is refused naming the file', async () => {
    const file = join(folder.path, 'broken.yaml');
    await writeFile(file, 'openapi: [3.0\n  paths: {');
    await expect(generateClient({ spec: file, service: 's' })).rejects.toThrow(
      /broken\.yaml is neither valid JSON nor valid YAML/,
    );
  });

  it('makes the command fail and write nothing', async () => {
    const file = join(folder.path, 'bad.json');
    await writeFile(file, JSON.stringify(CASES[0]![1]));
    const out = join(folder.path, 'out');
    const run = createCli().parseAsync(['generate', file, '--service', 's', '--out', out], { from: 'user' });
    await expect(run).rejects.toThrow(/\(at \/paths\)/);
    await expect(access(out)).rejects.toThrow();
  });

  it('shows control characters of spec text escaped in messages', async () => {
    const file = join(folder.path, 'control.json');
    await writeFile(file, JSON.stringify({ openapi: '3.0.3', info: {}, paths: { '\u001b[31mred': {} } }));
    const error = (await generateClient({ spec: file, service: 's' }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('\\u001b[31mred');
    expect(error.message).not.toContain('\u001b');
  });
});
