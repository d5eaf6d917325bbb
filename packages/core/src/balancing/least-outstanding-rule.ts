import type { Endpoint } from './endpoint.js';
import type { LoadBalancerRule, RandomSource } from './rule.js';

/**
 * Power of two choices: two endpoints at random, the one with fewer calls in flight wins. Nearly as
 * good as scanning for the least loaded, without herding every caller onto the same one.
 */
export class LeastOutstandingRule implements LoadBalancerRule {
  readonly name = 'least-outstanding';

  constructor(private readonly random: RandomSource = Math.random) {}

  pick(available: readonly Endpoint[]): Endpoint {
    const n = available.length;
    if (n === 1) return available[0]!;
    const i = Math.floor(this.random() * n);
    let j = Math.floor(this.random() * (n - 1));
    if (j >= i) j++;
    const a = available[i]!;
    const b = available[j]!;
    return b.outstanding < a.outstanding ? b : a;
  }
}
