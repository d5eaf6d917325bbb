import type {
  CircuitAction,
  CircuitBreakerControl,
  CommandEventCounts,
  CommandMetricsSource,
  CommandView,
  GroupView,
} from '@vitamin/core';

/** The default command settings (Hystrix's), as the resilience code resolves them. */
export const SETTINGS = Object.freeze({
  timeoutMs: 1000,
  timeoutEnabled: true,
  maxConcurrent: 10,
  circuitEnabled: true,
  requestVolumeThreshold: 20,
  errorThresholdPercentage: 50,
  sleepWindowMs: 5000,
  forceOpen: false,
  forceClosed: false,
  fallbackEnabled: true,
  rollingWindowMs: 10_000,
});

const ZERO: CommandEventCounts = Object.freeze({
  success: 0,
  failure: 0,
  timeout: 0,
  shortCircuited: 0,
  bulkheadRejected: 0,
  poolRejected: 0,
  fallbackSuccess: 0,
  fallbackFailure: 0,
  badRequest: 0,
});

/**
 * Commands recorded by the test itself, through the actuator's source and control interfaces
 * (what the resilience code implements in the app): counts, latencies in ms, circuit state.
 */
export class RecordedCommands implements CommandMetricsSource, CircuitBreakerControl {
  private readonly entries = new Map<
    string,
    { group: string; counts: CommandEventCounts; latencies: number[]; circuit: CommandView['circuit'] }
  >();

  record(key: string, group: string, counts: Partial<CommandEventCounts>, latencies: number[]): void {
    this.entries.set(key, {
      group,
      counts: { ...ZERO, ...counts },
      latencies: [...latencies].sort((a, b) => a - b),
      circuit: 'closed',
    });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  apply(key: string, action: CircuitAction): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    entry.circuit = action === 'forceOpen' ? 'forced-open' : action === 'forceClosed' ? 'forced-closed' : 'closed';
    return true;
  }

  commands(): CommandView[] {
    return [...this.entries].map(([key, e]) => ({
      key,
      group: e.group,
      circuit: e.circuit,
      counts: e.counts,
      concurrency: 1,
      settings: { ...SETTINGS, forceOpen: e.circuit === 'forced-open', forceClosed: e.circuit === 'forced-closed' },
      latency: {
        count: e.latencies.length,
        mean: e.latencies.reduce((a, b) => a + b, 0) / Math.max(1, e.latencies.length),
        percentile: (p: number) => e.latencies[Math.max(0, Math.ceil((p / 100) * e.latencies.length) - 1)] ?? 0,
        encoded: Buffer.from(JSON.stringify(e.latencies)).toString('base64url'),
      },
    }));
  }

  groups(): GroupView[] {
    const groups = new Set([...this.entries.values()].map((e) => e.group));
    return [...groups].map((group) => ({
      group,
      active: 1,
      queued: 0,
      maxConcurrent: 10,
      maxQueue: 0,
      executed: 7,
      rejected: 1,
      rollingWindowMs: 10_000,
    }));
  }
}
