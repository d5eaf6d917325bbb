import type { Clock } from './clock.js';
import { COMMAND_EVENTS, type EventCounts } from './command-events.js';
import { LatencyHistogram, type LatencySummary } from './latency-histogram.js';
import { RollingCounts } from './rolling-counts.js';

/** The state of a command's circuit. */
export type CircuitState = 'closed' | 'open' | 'half-open' | 'forced-open' | 'forced-closed';

/** What a command's metrics show at one moment. */
export interface CommandMetricsSnapshot {
  readonly key: string;
  readonly group: string;
  readonly circuit: CircuitState;
  /** Counts per event over the rolling window. */
  readonly counts: EventCounts;
  /** Executions running now (holding a bulkhead permit). */
  readonly concurrency: number;
  /** Latency of executions since start, in ms. */
  readonly latency: LatencySummary;
  /** The latency histogram, encoded for merging elsewhere ({@link LatencyHistogram.decode}). */
  readonly histogram: string;
}

/**
 * The metrics of one command: rolling event counts, current concurrency and a latency histogram.
 * Written on every execution, so every method is allocation-free.
 */
export class CommandMetrics {
  /** Rolling counts, indexed by `COMMAND_EVENT`. */
  readonly counts: RollingCounts;
  readonly histogram = new LatencyHistogram();
  /** Executions running now. */
  concurrency = 0;
  /** Set by the command that owns these metrics. */
  circuit: () => CircuitState = () => 'closed';

  constructor(
    readonly key: string,
    readonly group: string,
    readonly clock: Clock,
    windowMs: number,
    buckets: number,
  ) {
    this.counts = new RollingCounts(COMMAND_EVENTS.length, windowMs, buckets, clock.now());
  }

  /** Counts one `event` (a `COMMAND_EVENT` value) at `now`. */
  mark(event: number, now: number): void {
    this.counts.add(event, now);
  }

  /** Rolling counts per event name. */
  eventCounts(): EventCounts {
    const now = this.clock.now();
    const counts = {} as EventCounts;
    COMMAND_EVENTS.forEach((name, index) => (counts[name] = this.counts.sum(index, now)));
    return counts;
  }

  /** The current values, for the actuator and the metric stream. */
  snapshot(): CommandMetricsSnapshot {
    return {
      key: this.key,
      group: this.group,
      circuit: this.circuit(),
      counts: this.eventCounts(),
      concurrency: this.concurrency,
      latency: this.histogram.summary(),
      histogram: this.histogram.encode(),
    };
  }
}
