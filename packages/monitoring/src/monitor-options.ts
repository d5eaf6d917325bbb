import type { Logger, Registry } from '@vitamin/core/fleet';
import { VitaminError } from '@vitamin/core/fleet';

/** Options of {@link startMonitor}; every field but `registry` is optional. */
export interface MonitorOptions {
  /** Where the monitor finds instances: the same registries services use (static, file, etcd, DNS). */
  readonly registry: Registry;
  /**
   * Clusters (service names) to follow. Others are discovered when the registry can list services.
   * @defaultValue `[]`
   */
  readonly clusters?: readonly string[];
  /** Address the monitor listens on. @defaultValue `'127.0.0.1'` */
  readonly host?: string;
  /** Port the monitor listens on; 0 picks a free one. @defaultValue `0` */
  readonly port?: number;
  /** Bearer token sent to every instance's actuator (`vitamin.actuator.token` of the services). */
  readonly token?: string;
  /**
   * Bearer token the monitor's own admin actions (log levels, circuits) require. Without one, the
   * actions are refused: the dashboard is read-only.
   */
  readonly adminToken?: string;
  /** Path of the instances' actuator endpoints. @defaultValue `'/actuator'` */
  readonly actuatorPath?: string;
  /** Interval between two aggregated batches (turbine stream and dashboard), in ms. @defaultValue `500` */
  readonly intervalMs?: number;
  /** An instance stream that sends no byte for this long is dropped and reconnected, in ms. @defaultValue `5000` */
  readonly staleAfterMs?: number;
  /** First reconnection delay after a drop, doubled on each failure, in ms. @defaultValue `500` */
  readonly reconnectMinMs?: number;
  /** Longest reconnection delay, in ms. @defaultValue `30000` */
  readonly reconnectMaxMs?: number;
  /** Interval between two reads of each instance's health, info and loggers, in ms. @defaultValue `5000` */
  readonly detailsIntervalMs?: number;
  /** Interval between two listings of the registry's services (when it can list), in ms. @defaultValue `10000` */
  readonly discoveryIntervalMs?: number;
  /** Length of a command's rate history (the sparkline), in points. @defaultValue `150` */
  readonly historyPoints?: number;
  /** Interval between two points of the rate history, in ms. @defaultValue `2000` */
  readonly historyIntervalMs?: number;
  /** Most clients of the monitor's streams at once (turbine and dashboard); the next gets 503. @defaultValue `50` */
  readonly maxStreamClients?: number;
  /** @defaultValue a JSON logger named `vitamin-monitoring` */
  readonly logger?: Logger;
}

/** {@link MonitorOptions} with every default applied. */
export type ResolvedMonitorOptions = Required<Omit<MonitorOptions, 'token' | 'adminToken' | 'logger'>> &
  Pick<MonitorOptions, 'token' | 'adminToken' | 'logger'>;

/** The defaults of {@link MonitorOptions}. */
export const DEFAULT_MONITOR_OPTIONS = Object.freeze({
  clusters: Object.freeze([]) as readonly string[],
  host: '127.0.0.1',
  port: 0,
  actuatorPath: '/actuator',
  intervalMs: 500,
  staleAfterMs: 5000,
  reconnectMinMs: 500,
  reconnectMaxMs: 30_000,
  detailsIntervalMs: 5000,
  discoveryIntervalMs: 10_000,
  historyPoints: 150,
  historyIntervalMs: 2000,
  maxStreamClients: 50,
});

const CLUSTER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const DURATIONS = [
  'intervalMs',
  'staleAfterMs',
  'reconnectMinMs',
  'reconnectMaxMs',
  'detailsIntervalMs',
  'discoveryIntervalMs',
  'historyIntervalMs',
  'historyPoints',
  'maxStreamClients',
] as const;

/**
 * Applies the defaults and checks every value.
 * @throws VitaminError `VITAMIN_E_CONFIG` naming the option and the bad value
 */
export function resolveMonitorOptions(options: MonitorOptions): ResolvedMonitorOptions {
  const resolved = { ...DEFAULT_MONITOR_OPTIONS, ...withoutUndefined(options) } as ResolvedMonitorOptions;
  if (typeof resolved.registry?.watch !== 'function') {
    throw new VitaminError('VITAMIN_E_CONFIG', 'monitor option registry: a Registry is required');
  }
  for (const cluster of resolved.clusters) {
    if (!CLUSTER.test(cluster))
      throw new VitaminError('VITAMIN_E_CONFIG', `monitor option clusters: '${cluster}' is not a service name`);
  }
  for (const key of DURATIONS) {
    const value = resolved[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new VitaminError('VITAMIN_E_CONFIG', `monitor option ${key}: ${String(value)} is not a whole number ≥ 1`);
    }
  }
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    throw new VitaminError('VITAMIN_E_CONFIG', `monitor option port: ${String(resolved.port)} is not a port (0–65535)`);
  }
  if (!resolved.actuatorPath.startsWith('/')) {
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `monitor option actuatorPath: '${resolved.actuatorPath}' must start with /`,
    );
  }
  return resolved;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
