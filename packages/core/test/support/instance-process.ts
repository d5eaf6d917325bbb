import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CORE = fileURLToPath(new URL('../..', import.meta.url));

/** A service instance running instance-main.ts in its own Node process. */
export interface InstanceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Sends `signal` and resolves with the exit code (or the signal that killed it). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  /** Resolves with the exit code once the process ends on its own. */
  readonly exited: Promise<number | string>;
}

/** Starts an instance and resolves once it listens. Every test must stop what it starts. */
export function startInstance(env: Record<string, string> = {}): Promise<InstanceProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=vitamin:source', '--import', './test/support/register-ts.mjs', 'test/support/instance-main.ts'],
    { cwd: CORE, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /\{"url":"([^"]+)"\}/.exec(output);
      if (match === null) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve({
        url: match[1]!,
        child,
        exited,
        stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`instance exited (${code}) before listening: ${output}`)));
  });
}
