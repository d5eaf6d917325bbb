import { COMMAND_EVENTS, type EventCounts } from './command-events.js';
import type { CommandMetricsSnapshot } from './command-metrics.js';
import { LatencyHistogram, type LatencySummary } from './latency-histogram.js';

/** The metrics of a group of commands (a provider service, Hystrix's thread-pool key). */
export interface GroupMetricsSnapshot {
  readonly group: string;
  /** Keys of the commands in the group. */
  readonly commands: readonly string[];
  readonly counts: EventCounts;
  readonly concurrency: number;
  readonly latency: LatencySummary;
  readonly histogram: string;
  /** The group's concurrency pool, when one is configured. */
  readonly pool: PoolSnapshot | undefined;
}

/** What a concurrency pool shows at one moment. */
export interface PoolSnapshot {
  readonly active: number;
  readonly queued: number;
  readonly maxConcurrent: number;
  readonly maxQueue: number;
}

/**
 * Sums the snapshots of a group's commands: counts added, histograms merged exactly. Computed when
 * read, so executions never pay for group metrics.
 */
export function groupMetrics(
  group: string,
  commands: readonly CommandMetricsSnapshot[],
  pool: PoolSnapshot | undefined,
): GroupMetricsSnapshot {
  const counts = Object.fromEntries(COMMAND_EVENTS.map((name) => [name, 0])) as EventCounts;
  const histogram = new LatencyHistogram();
  let concurrency = 0;
  for (const command of commands) {
    for (const name of COMMAND_EVENTS) counts[name] += command.counts[name];
    concurrency += command.concurrency;
    histogram.mergeEncoded(command.histogram);
  }
  return {
    group,
    commands: commands.map((command) => command.key),
    counts,
    concurrency,
    latency: histogram.summary(),
    histogram: histogram.encode(),
    pool,
  };
}
