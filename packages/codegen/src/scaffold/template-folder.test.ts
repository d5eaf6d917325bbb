import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateFolder } from './template-folder.js';

describe('templateFolder', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'vitamin-templates-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('finds the template shipped in an installed package', async () => {
    const pkg = join(root, 'node_modules', '@vitamin', 'codegen');
    await mkdir(join(pkg, 'templates', 'service'), { recursive: true });
    const module = pathToFileURL(join(pkg, 'dist', 'scaffold', 'template-folder.js'));
    await expect(templateFolder('service', module)).resolves.toBe(join(pkg, 'templates', 'service') + '/');
  });

  it('finds the template of the repository the package is built in', async () => {
    await mkdir(join(root, 'templates', 'service'), { recursive: true });
    const module = pathToFileURL(join(root, 'packages', 'codegen', 'src', 'scaffold', 'template-folder.ts'));
    await expect(templateFolder('service', module)).resolves.toBe(join(root, 'templates', 'service') + '/');
  });

  it('lists where it looked when there is none', async () => {
    const module = pathToFileURL(join(root, 'packages', 'codegen', 'dist', 'scaffold', 'template-folder.js'));
    await expect(templateFolder('service', module)).rejects.toThrow(
      `template 'service' not found in ${join(root, 'packages', 'codegen', 'templates', 'service')}/ or`,
    );
  });
});
