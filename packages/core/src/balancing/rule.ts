import type { Endpoint } from './endpoint.js';

/** The rules a service can use, by the name `vitamin.services.<name>.rule` takes. */
export type RuleName = 'round-robin' | 'random' | 'weighted' | 'least-outstanding' | 'zone-affinity';

/**
 * Picks one endpoint among the available ones (UP, not ejected; never empty). A rule may keep
 * state (a counter, a cache keyed by the array it last saw), so each balancer has its own.
 */
export interface LoadBalancerRule {
  readonly name: RuleName;
  pick(available: readonly Endpoint[]): Endpoint;
}

/** A source of numbers in [0, 1): `Math.random` unless a test wants a seed. */
export type RandomSource = () => number;
