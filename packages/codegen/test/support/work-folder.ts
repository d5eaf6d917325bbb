import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where tests write generated clients: inside the package, so that `@vitamin/core` resolves. */
const ROOT = fileURLToPath(new URL('../generated/', import.meta.url));

/** A fresh, empty folder for one test's output; `remove()` deletes it. */
export async function workFolder(name: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = join(ROOT, `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  await mkdir(path, { recursive: true });
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
