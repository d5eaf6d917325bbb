import type { Endpoint } from './endpoint.js';
import type { LoadBalancerRule, RandomSource } from './rule.js';

/**
 * Endpoints in proportion to their metadata `weight`. Cumulative weights are computed once per
 * list (the balancer hands a new array when the list changes), then each pick is a binary search.
 */
export class WeightedRule implements LoadBalancerRule {
  readonly name = 'weighted';
  private seen: readonly Endpoint[] | undefined;
  private cumulative = new Float64Array(0);
  private total = 0;

  constructor(private readonly random: RandomSource = Math.random) {}

  pick(available: readonly Endpoint[]): Endpoint {
    if (available !== this.seen) this.prepare(available);
    if (this.total <= 0) return available[Math.floor(this.random() * available.length)]!;
    const target = this.random() * this.total;
    let low = 0;
    let high = available.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return available[low]!;
  }

  private prepare(available: readonly Endpoint[]): void {
    this.seen = available;
    this.cumulative = new Float64Array(available.length);
    let sum = 0;
    for (let i = 0; i < available.length; i++) this.cumulative[i] = sum += available[i]!.weight;
    this.total = sum;
  }
}
