import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTemplate } from './render-template.js';

describe('renderTemplate', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'vitamin-template-'));
    await mkdir(join(folder, 'src'));
    await writeFile(join(folder, 'src', 'name.ts'), "export const NAME = '__SERVICE_NAME__'; // __SERVICE_NAME__\n");
    await writeFile(join(folder, '_gitignore'), 'dist/\n');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('replaces every placeholder and turns _name into .name', async () => {
    await expect(renderTemplate(folder, { __SERVICE_NAME__: 'orders' })).resolves.toEqual([
      { path: '.gitignore', content: 'dist/\n' },
      { path: 'src/name.ts', content: "export const NAME = 'orders'; // orders\n" },
    ]);
  });

  it('names the file and the placeholder that has no value', async () => {
    await expect(renderTemplate(folder, {})).rejects.toThrow('src/name.ts: no value for __SERVICE_NAME__');
  });

  it.each(["o'; process.exit(1); '", 'a b', 'a\nb', '${HOME}', 'a"b', 'a\\b', '`id`'])(
    'refuses to substitute %j',
    async (value) => {
      await expect(renderTemplate(folder, { __SERVICE_NAME__: value })).rejects.toThrow(
        `unsafe value for __SERVICE_NAME__: ${JSON.stringify(value)}`,
      );
    },
  );
});
