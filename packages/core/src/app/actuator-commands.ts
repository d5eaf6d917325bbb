import type { CircuitBreakerControl } from '../actuator/circuit-breakers.js';
import type { CommandMetricsSource } from '../actuator/metrics-source.js';
import type { CommandRegistry } from '../resilience/command-registry.js';

/** What the actuator shows of an app's commands: their metrics, circuits and settings. */
export function commandMetricsSource(registry: CommandRegistry): CommandMetricsSource {
  return {
    commands: () =>
      registry.commands().map((command) => {
        const snapshot = command.metrics.snapshot();
        const histogram = command.metrics.histogram;
        return {
          key: snapshot.key,
          group: snapshot.group,
          circuit: snapshot.circuit,
          counts: snapshot.counts,
          concurrency: snapshot.concurrency,
          settings: command.options,
          latency: {
            count: snapshot.latency.count,
            mean: snapshot.latency.mean,
            encoded: snapshot.histogram,
            percentile: (p: number) => histogram.percentile(p),
          },
        };
      }),
    groups: () =>
      registry.groupMetrics().flatMap((group) =>
        group.pool === undefined
          ? []
          : [
              {
                group: group.group,
                active: group.pool.active,
                queued: group.pool.queued,
                maxConcurrent: group.pool.maxConcurrent,
                maxQueue: group.pool.maxQueue,
                executed: group.counts.success + group.counts.failure + group.counts.timeout,
                rejected: group.counts.poolRejected,
                rollingWindowMs: 10_000,
              },
            ],
      ),
  };
}

/** Force open, force closed and reset of an app's circuits, as operators ask through the actuator. */
export function circuitBreakerControl(registry: CommandRegistry): CircuitBreakerControl {
  return {
    apply(key, action) {
      const command = registry.get(key);
      if (command === undefined) return false;
      command.force(action === 'forceOpen' ? 'open' : action === 'forceClosed' ? 'closed' : undefined);
      return true;
    },
  };
}
