import type { Endpoint } from './endpoint.js';
import type { LoadBalancerRule } from './rule.js';

/** Each endpoint in turn. */
export class RoundRobinRule implements LoadBalancerRule {
  readonly name = 'round-robin';
  private next = 0;

  pick(available: readonly Endpoint[]): Endpoint {
    if (this.next >= available.length) this.next = 0;
    return available[this.next++]!;
  }
}
