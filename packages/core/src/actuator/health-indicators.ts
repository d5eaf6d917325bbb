import type { HealthIndicator } from './health.js';
import type { CommandMetricsSource } from './metrics-source.js';

/**
 * DEGRADED while any command's circuit is open (the instance still serves, with fallbacks), UP
 * otherwise. Not part of liveness or readiness: an open circuit downstream is no reason to restart
 * this instance or take it out of rotation.
 */
export function circuitBreakersIndicator(source: CommandMetricsSource): HealthIndicator {
  return {
    name: 'circuitBreakers',
    groups: [],
    check() {
      const open = source
        .commands()
        .filter((command) => command.circuit === 'open' || command.circuit === 'forced-open')
        .map((command) => command.key);
      return open.length === 0 ? { status: 'UP' } : { status: 'DEGRADED', details: { open } };
    },
  };
}

/**
 * Wraps a yes/no probe (a registry or config store reachable) as an indicator: UP when it resolves
 * true, DOWN when false or when it throws.
 */
export function probeIndicator(
  name: string,
  probe: () => boolean | Promise<boolean>,
  groups: HealthIndicator['groups'] = ['readiness'],
): HealthIndicator {
  return {
    name,
    groups,
    async check() {
      return { status: (await probe()) ? 'UP' : 'DOWN' };
    },
  };
}
