import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** How long a service gets to shut down gracefully before it is killed. */
const STOP_DEADLINE_MS = 10_000;
/** How long a service gets to start listening. */
const START_DEADLINE_MS = 30_000;

/** A service instance started in its own Node process. */
export interface ServiceProcess {
  readonly label: string;
  readonly pid: number;
  /** Resolves with its instance id and URL once it listens; rejects when it exits first or takes over 30 s. */
  readonly ready: Promise<{ instance: string; url: string }>;
  /** SIGTERM (graceful shutdown), SIGKILL after 10 s; resolves with the exit code or signal. */
  stop(): Promise<number | string>;
}

/** What a service's main module sends over IPC once it listens (see examples/*-service/src/main.ts). */
interface ReadyMessage {
  instance: string;
  url: string;
}

/**
 * Starts `entry` (a module specifier such as `@vitamin-examples/delivery-service/main`, resolved with
 * this process's conditions and loader flags, so it runs sources or builds as this process does) and
 * tells when it listens. The child gets its own process group, so a Ctrl-C in the terminal
 * reaches only the demo, which then stops each child once; and it stops itself when the demo's IPC
 * channel closes, so it never outlives the demo. Its log lines go to `log`, prefixed with `label`.
 */
export function startServiceProcess(
  entry: string,
  label: string,
  env: Record<string, string>,
  log: (line: string) => void,
): ServiceProcess {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.resolve(entry))], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
    env: { ...process.env, ...env },
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => log(`[${label}] ${readable(line)}`));
  }
  const stop = (): Promise<number | string> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
      void exited.then(() => clearTimeout(killer));
    }
    return exited;
  };
  const ready = new Promise<ReadyMessage>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} did not listen within ${START_DEADLINE_MS} ms`)),
      START_DEADLINE_MS,
    );
    child.once('message', (message: ReadyMessage) => {
      clearTimeout(timer);
      resolve({ instance: message.instance, url: message.url });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before it listened`));
    });
  });
  return { label, pid: child.pid!, ready, stop };
}

/** A JSON log line as `LEVEL message`, anything else as it is. */
export function readable(line: string): string {
  try {
    const { level, msg, err } = JSON.parse(line) as { level?: number; msg?: string; err?: unknown };
    const name = level === undefined ? '' : (LEVELS[level] ?? String(level));
    return [name, msg, err === undefined ? '' : `(${JSON.stringify(err)})`].filter((part) => part !== '').join(' ');
  } catch {
    return line;
  }
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
