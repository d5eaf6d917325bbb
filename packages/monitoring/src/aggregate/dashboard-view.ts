import { clusterErrorPercentage } from './turbine-format.js';
import type { MergedCommand, MergedPool } from './merge.js';

/** What a dashboard tile shows of one command (exact values, nothing to divide). */
export interface CommandTile {
  readonly name: string;
  readonly group: string;
  /** Requests per second over the rolling window. */
  readonly rate: number;
  readonly errorPercentage: number;
  readonly requestCount: number;
  readonly errorCount: number;
  readonly success: number;
  readonly failure: number;
  readonly timeout: number;
  readonly shortCircuited: number;
  readonly rejected: number;
  readonly badRequests: number;
  readonly fallbackSuccess: number;
  readonly concurrent: number;
  readonly circuit: 'open' | 'closed';
  readonly openHosts: number;
  readonly reportingHosts: number;
  /** p50, p90, p99, p99.5, max and mean in ms. */
  readonly latency: { p50: number; p90: number; p99: number; p995: number; max: number; mean: number };
  readonly isLatencyExact: boolean;
  /** When the freshest data in this tile left an instance, in ms since the epoch. */
  readonly newestEventTime: number;
}

/** What the dashboard shows of one group (thread pool). */
export interface PoolTile {
  readonly name: string;
  readonly active: number;
  readonly queued: number;
  readonly size: number;
  /** Executions per second over the rolling window. */
  readonly rate: number;
  readonly rejected: number;
  readonly reportingHosts: number;
}

/** Requests per second of a merged command over its rolling window. */
export function commandRate(command: MergedCommand): number {
  const c = command.counts;
  const executions = c.requestCount + c.rollingCountShortCircuited + c.rollingCountBadRequests;
  return round1(executions / (command.rollingWindowMs / 1000));
}

/** A merged command as a tile. */
export function commandTile(command: MergedCommand): CommandTile {
  const c = command.counts;
  const p = command.percentiles;
  return {
    name: command.name,
    group: command.group,
    rate: commandRate(command),
    errorPercentage: clusterErrorPercentage(command),
    requestCount: c.requestCount,
    errorCount: c.errorCount,
    success: c.rollingCountSuccess,
    failure: c.rollingCountFailure,
    timeout: c.rollingCountTimeout,
    shortCircuited: c.rollingCountShortCircuited,
    rejected: c.rollingCountSemaphoreRejected + c.rollingCountThreadPoolRejected,
    badRequests: c.rollingCountBadRequests,
    fallbackSuccess: c.rollingCountFallbackSuccess,
    concurrent: c.currentConcurrentExecutionCount,
    circuit: command.openHosts > 0 ? 'open' : 'closed',
    openHosts: command.openHosts,
    reportingHosts: command.reportingHosts,
    latency: {
      p50: p['50'] ?? 0,
      p90: p['90'] ?? 0,
      p99: p['99'] ?? 0,
      p995: p['99.5'] ?? 0,
      max: p['100'] ?? 0,
      mean: command.meanMs,
    },
    isLatencyExact: command.isLatencyExact,
    newestEventTime: command.newestEventTime,
  };
}

/** Tiles in the order an operator reads them: highest error percentage first, then busiest. */
export function sortTiles(tiles: CommandTile[]): CommandTile[] {
  return tiles.sort((a, b) => b.errorPercentage - a.errorPercentage || b.rate - a.rate || (a.name < b.name ? -1 : 1));
}

/** A merged group as a tile. */
export function poolTile(pool: MergedPool): PoolTile {
  const c = pool.counts;
  return {
    name: pool.name,
    active: c.currentActiveCount,
    queued: c.currentQueueSize,
    size: c.currentPoolSize,
    rate: round1(c.rollingCountThreadsExecuted / (pool.rollingWindowMs / 1000)),
    rejected: c.rollingCountCommandRejections,
    reportingHosts: pool.reportingHosts,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
