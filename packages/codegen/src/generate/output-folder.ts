import { lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VitaminError } from '@vitamin/core';
import type { GeneratedFiles } from './generate-client.js';

/**
 * Writes the generated files into `folder` and nowhere else: file names are fixed by the generator,
 * never taken from the spec; an existing symbolic link or non-file at a target is refused; each file
 * is written beside its target and renamed over it, so a reader never sees half a file.
 */
export async function writeGenerated(folder: string, files: GeneratedFiles): Promise<string[]> {
  const out = resolve(folder);
  await mkdir(out, { recursive: true });
  const entries = Object.entries(files) as [string, string][];
  for (const [name] of entries) await assertWritable(join(out, name));
  const written: string[] = [];
  for (const [name, content] of entries) {
    const target = join(out, name);
    const temporary = join(out, `.${name}.${process.pid}.tmp`);
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, target);
    written.push(target);
  }
  return written;
}

/** The generated files whose content on disk differs from `files` (missing ones included). */
export async function staleFiles(folder: string, files: GeneratedFiles): Promise<string[]> {
  const out = resolve(folder);
  const stale: string[] = [];
  for (const [name, content] of Object.entries(files) as [string, string][]) {
    const current = await readFile(join(out, name), 'utf8').catch(() => undefined);
    if (current !== content) stale.push(join(out, name));
  }
  return stale;
}

async function assertWritable(target: string): Promise<void> {
  const stat = await lstat(target).catch(() => undefined);
  if (stat !== undefined && !stat.isFile()) {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `${target} exists and is not a regular file (a link or a folder): not overwritten`,
    );
  }
}
