import { VitaminError } from '../errors/vitamin-error.js';
import type { RuleName } from './rule.js';

/** Options of a {@link LoadBalancer}; each can also be set per service by a dynamic property. */
export interface LoadBalancerOptions {
  /**
   * How an instance is picked (`vitamin.services.<name>.rule`).
   * @defaultValue `'round-robin'`
   */
  rule?: RuleName;
  /**
   * Most attempts of an idempotent call, first one included, each on another instance when one is
   * available (`vitamin.services.<name>.maxAttempts`).
   * @defaultValue `3`
   */
  maxAttempts?: number;
  /**
   * Connect failures, timeouts or 5xx in a row that eject an instance.
   * @defaultValue `5`
   */
  consecutiveFailures?: number;
  /**
   * How long a first ejection lasts, in ms; the n-th lasts n times as long.
   * @defaultValue `30000`
   */
  baseEjectionMs?: number;
  /**
   * Longest ejection, in ms.
   * @defaultValue `300000`
   */
  maxEjectionMs?: number;
  /**
   * Most instances ejected at once, as a percentage of the service's UP instances (rounded down).
   * @defaultValue `50`
   */
  maxEjectedPercent?: number;
}

/** {@link LoadBalancerOptions} with every field resolved. */
export type ResolvedLoadBalancerOptions = Required<LoadBalancerOptions>;

/** The defaults of {@link LoadBalancerOptions}. */
export const DEFAULT_LOAD_BALANCER_OPTIONS: ResolvedLoadBalancerOptions = Object.freeze({
  rule: 'round-robin',
  maxAttempts: 3,
  consecutiveFailures: 5,
  baseEjectionMs: 30_000,
  maxEjectionMs: 300_000,
  maxEjectedPercent: 50,
});

/**
 * Fills in defaults; `undefined` fields take the default.
 * @throws VitaminError `VITAMIN_E_CONFIG` naming `source` and the option when a number is invalid
 */
export function resolveLoadBalancerOptions(
  options: LoadBalancerOptions = {},
  source = 'load balancer',
): ResolvedLoadBalancerOptions {
  const resolved = { ...DEFAULT_LOAD_BALANCER_OPTIONS };
  for (const [key, value] of Object.entries(options) as [keyof LoadBalancerOptions, never][]) {
    if (value === undefined) continue;
    if (key !== 'rule') {
      const n = value as number;
      const whole = key === 'maxAttempts' || key === 'consecutiveFailures';
      if (typeof n !== 'number' || !Number.isFinite(n) || n < (whole ? 1 : 0) || (whole && !Number.isInteger(n))) {
        throw new VitaminError(
          'VITAMIN_E_CONFIG',
          `${source}: ${key} must be a ${whole ? 'whole number ≥ 1' : 'number ≥ 0'}, got ${String(value)}`,
        );
      }
    }
    resolved[key] = value;
  }
  return resolved;
}
