import type { Endpoint } from './endpoint.js';
import type { LoadBalancerRule, RandomSource } from './rule.js';

/** Any endpoint, uniformly. */
export class RandomRule implements LoadBalancerRule {
  readonly name = 'random';

  constructor(private readonly random: RandomSource = Math.random) {}

  pick(available: readonly Endpoint[]): Endpoint {
    return available[Math.floor(this.random() * available.length)]!;
  }
}
