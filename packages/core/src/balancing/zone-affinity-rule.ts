import type { Endpoint } from './endpoint.js';
import type { LoadBalancerRule } from './rule.js';

/**
 * Prefers endpoints in the caller's zone (metadata `zone`), chosen by `inner`; when the zone has
 * none available, all endpoints are candidates. The zone's subset is computed once per list.
 */
export class ZoneAffinityRule implements LoadBalancerRule {
  readonly name = 'zone-affinity';
  private seen: readonly Endpoint[] | undefined;
  private local: readonly Endpoint[] = [];

  constructor(
    private readonly zone: string | undefined,
    private readonly inner: LoadBalancerRule,
  ) {}

  pick(available: readonly Endpoint[]): Endpoint {
    if (available !== this.seen) {
      this.seen = available;
      this.local = this.zone === undefined ? [] : available.filter((endpoint) => endpoint.zone === this.zone);
    }
    return this.inner.pick(this.local.length > 0 ? this.local : available);
  }
}
