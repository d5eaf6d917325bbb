import { createLogger, type Registry } from '@vitamin/core';
import { startMonitor, type Monitor } from '@vitamin/monitoring';
import { DEFAULT_MONITOR_PORT } from './demo-args.js';
import type { DemoTokens } from './demo-tokens.js';
import { readable } from './service-process.js';

/** What the demo's monitor follows, and where its log lines go. */
export interface DemoMonitorOptions {
  readonly registry: Registry;
  readonly clusters: readonly string[];
  /** `--monitor-port`; undefined: {@link DEFAULT_MONITOR_PORT}, or a free port when that one is taken. */
  readonly port: number | undefined;
  /** The port tried first when `port` is undefined. @defaultValue {@link DEFAULT_MONITOR_PORT} */
  readonly preferredPort?: number;
  readonly tokens: DemoTokens;
  readonly log: (line: string) => void;
}

/**
 * Starts the monitoring service and its dashboard in the demo's process, reading the services'
 * actuators with the actuator token and taking admin actions only with the admin token.
 * @throws Error naming the port when the monitor cannot listen on the one asked for
 */
export async function startDemoMonitor(options: DemoMonitorOptions): Promise<Monitor> {
  const { registry, clusters, port, preferredPort = DEFAULT_MONITOR_PORT, tokens, log } = options;
  const logger = createLogger({
    name: 'monitor',
    level: process.env['LOG_LEVEL'] ?? 'warn',
    destination: { write: (line: string) => log(`[monitor] ${readable(line.trimEnd())}`) },
  });
  const start = (at: number) =>
    startMonitor({ registry, clusters, port: at, token: tokens.actuator, adminToken: tokens.admin, logger });
  try {
    return await start(port ?? preferredPort);
  } catch (error) {
    if (port === undefined && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') return start(0);
    throw new Error(
      `the monitor could not listen on port ${port ?? preferredPort}: ${(error as Error).message} (see --monitor-port)`,
    );
  }
}
