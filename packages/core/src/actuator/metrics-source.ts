/** The state of a command's circuit, as the resilience code reports it. */
export type CircuitStateView = 'closed' | 'open' | 'half-open' | 'forced-open' | 'forced-closed';

/** Rolling counts of a command's outcomes over its window. */
export interface CommandEventCounts {
  readonly success: number;
  readonly failure: number;
  readonly timeout: number;
  readonly shortCircuited: number;
  /** Refused by the command's semaphore bulkhead. */
  readonly bulkheadRejected: number;
  /** Refused by the group's concurrency pool. */
  readonly poolRejected: number;
  readonly fallbackSuccess: number;
  readonly fallbackFailure: number;
  /** Refused input (4xx): neither a failure nor a success for the circuit. */
  readonly badRequest: number;
}

/** Latency of a command's executions, in ms. */
export interface LatencyView {
  readonly count: number;
  readonly mean: number;
  /** The latency below which `percentile` % of executions fall, in ms (0 when none). */
  percentile(percentile: number): number;
  /** The histogram in the compact, mergeable encoding of the metrics code. */
  readonly encoded: string;
}

/** The settings of a command that dashboards show (Hystrix's `propertyValue_*`). */
export interface CommandSettingsView {
  readonly timeoutMs: number;
  readonly timeoutEnabled: boolean;
  readonly maxConcurrent: number;
  readonly circuitEnabled: boolean;
  readonly requestVolumeThreshold: number;
  readonly errorThresholdPercentage: number;
  readonly sleepWindowMs: number;
  readonly forceOpen: boolean;
  readonly forceClosed: boolean;
  readonly fallbackEnabled: boolean;
  readonly rollingWindowMs: number;
}

/** One command at one moment. */
export interface CommandView {
  readonly key: string;
  /** The group (provider service; Hystrix's thread-pool key). */
  readonly group: string;
  readonly circuit: CircuitStateView;
  readonly counts: CommandEventCounts;
  /** Executions running now (bulkhead permits held). */
  readonly concurrency: number;
  readonly latency: LatencyView;
  readonly settings: CommandSettingsView;
}

/** One group's concurrency pool at one moment. */
export interface GroupView {
  readonly group: string;
  /** Executions running in the pool now. */
  readonly active: number;
  readonly queued: number;
  readonly maxConcurrent: number;
  readonly maxQueue: number;
  /** Executions the pool ran over the rolling window. */
  readonly executed: number;
  /** Executions the pool refused over the rolling window. */
  readonly rejected: number;
  readonly rollingWindowMs: number;
}

/**
 * Where the actuator reads command metrics: `/actuator/prometheus`, `/actuator/hystrix.stream` and
 * the circuit-breaker health. Read when asked (a scrape, a stream tick), never per execution.
 */
export interface CommandMetricsSource {
  /** Every command known now. */
  commands(): readonly CommandView[];
  /** Every group with a concurrency pool, or every group of a command. */
  groups(): readonly GroupView[];
}

/** A source with no commands: what the actuator uses until one is given. */
export const NO_COMMANDS: CommandMetricsSource = Object.freeze({
  commands: () => [],
  groups: () => [],
});
