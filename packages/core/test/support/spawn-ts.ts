import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Starts `node` on a TypeScript file of this repository (workspace packages resolve to their
 * sources), with an IPC channel. The caller must kill the child.
 */
export function spawnTs(file: URL, env: Record<string, string> = {}): ChildProcess {
  const hooks = new URL('./register-ts.mjs', import.meta.url);
  return spawn(process.execPath, ['--conditions=vitamin:source', '--import', hooks.href, fileURLToPath(file)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
}
