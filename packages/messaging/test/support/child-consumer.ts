import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What the child reports over IPC. */
export interface ChildReport {
  ready?: boolean;
  handling?: string;
  attempt?: number;
}

/** A consumer running in a child process (see consumer-child.ts). */
export interface ChildConsumer {
  readonly process: ChildProcess;
  readonly reports: ChildReport[];
  /** Resolves with the first report (already received or future) that matches. */
  next(match: (report: ChildReport) => boolean, what: string, timeoutMs?: number): Promise<ChildReport>;
  /** Kills with `signal` and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const children = new Set<ChildProcess>();

/** Starts the consumer child with these environment variables. */
export function startChildConsumer(env: Record<string, string>): ChildConsumer {
  const child = fork(fileURLToPath(new URL('./consumer-child.ts', import.meta.url)), [], {
    execArgv: ['--conditions=vitamin:source', '--import', fileURLToPath(new URL('./ts-register.mjs', import.meta.url))],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  const reports: ChildReport[] = [];
  const waiters = new Set<() => void>();
  child.on('message', (report: ChildReport) => {
    reports.push(report);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(
    () => children.delete(child),
    () => undefined,
  );
  return {
    process: child,
    reports,
    next: (match, what, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = reports.find(match);
          if (found === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for the child to report ${what}`));
        }, timeoutMs);
        waiters.add(check);
        exited.then(
          () =>
            setTimeout(() => {
              if (waiters.has(check)) {
                waiters.delete(check);
                clearTimeout(timer);
                reject(new Error(`the child exited before reporting ${what}`));
              }
            }, 50),
          () => undefined,
        );
        check();
      }),
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Kills every child still running (call from afterEach). */
export async function killChildConsumers(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
