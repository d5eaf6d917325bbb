import type { Instance } from '../discovery/instance.js';
import type { Logger } from '../logging/logger.js';
import { Endpoint } from './endpoint.js';
import type { CallOutcome, InstanceChooser } from './instance-chooser.js';
import {
  resolveLoadBalancerOptions,
  type LoadBalancerOptions,
  type ResolvedLoadBalancerOptions,
} from './load-balancer-options.js';
import type { LoadBalancerRule, RandomSource, RuleName } from './rule.js';
import { createRule } from './rules.js';

/** What a {@link LoadBalancer} needs besides its options. */
export interface LoadBalancerContext {
  /** The caller's zone, for zone affinity. */
  zone?: string | undefined;
  /** @defaultValue `Date.now` */
  now?: () => number;
  /** @defaultValue `Math.random` */
  random?: RandomSource;
  logger?: Logger;
}

/**
 * Spreads the calls to one service over its UP instances with a rule, and steps around bad ones:
 * an instance with N failures in a row is ejected for a while (longer each time), never more than
 * a set share of the service at once. A pick allocates nothing: the list of available endpoints is
 * rebuilt only when instances change or an ejection starts or ends.
 */
export class LoadBalancer implements InstanceChooser {
  private options: ResolvedLoadBalancerOptions;
  private rule: LoadBalancerRule;
  private up: Endpoint[] = [];
  private available: readonly Endpoint[] = [];
  /** When the next ejection ends; `Infinity` when none is ejected. */
  private nextReturn = Infinity;
  private readonly now: () => number;

  constructor(
    readonly service: string,
    options: LoadBalancerOptions = {},
    private readonly context: LoadBalancerContext = {},
  ) {
    this.options = resolveLoadBalancerOptions(options, `load balancer of ${service}`);
    this.now = context.now ?? Date.now;
    this.rule = createRule(this.options.rule, context, `load balancer of ${service}`);
  }

  get maxAttempts(): number {
    return this.options.maxAttempts;
  }

  /** The rule in use. */
  get ruleName(): RuleName {
    return this.rule.name;
  }

  /** Changes options live; a new `rule` starts fresh. */
  configure(options: LoadBalancerOptions): void {
    const next = resolveLoadBalancerOptions({ ...this.options, ...options }, `load balancer of ${this.service}`);
    if (next.rule !== this.rule.name)
      this.rule = createRule(next.rule, this.context, `load balancer of ${this.service}`);
    this.options = next;
  }

  /** Replaces the instance list; endpoints that stay keep their counters and ejections. */
  update(instances: readonly Instance[]): void {
    const previous = new Map(this.up.map((endpoint) => [endpoint.instance.id, endpoint]));
    this.up = instances
      .filter((instance) => instance.status === 'UP')
      .map((instance) => {
        const known = previous.get(instance.id);
        if (known !== undefined && known.instance === instance) return known;
        const endpoint = new Endpoint(instance);
        if (known !== undefined && known.origin === endpoint.origin) {
          endpoint.consecutiveFailures = known.consecutiveFailures;
          endpoint.ejectedUntil = known.ejectedUntil;
          endpoint.ejections = known.ejections;
        }
        return endpoint;
      });
    this.refresh();
  }

  choose(previous?: Endpoint): Endpoint | undefined {
    if (this.nextReturn !== Infinity && this.now() >= this.nextReturn) this.refresh();
    const available = this.available;
    if (available.length === 0) return undefined;
    let endpoint = this.rule.pick(available);
    if (endpoint === previous && available.length > 1) {
      endpoint = this.rule.pick(available);
      if (endpoint === previous) endpoint = available[(available.indexOf(endpoint) + 1) % available.length]!;
    }
    endpoint.outstanding++;
    return endpoint;
  }

  report(endpoint: Endpoint, outcome: CallOutcome): void {
    endpoint.outstanding--;
    if (outcome === 'success') {
      endpoint.consecutiveFailures = 0;
    } else if (++endpoint.consecutiveFailures >= this.options.consecutiveFailures && endpoint.ejectedUntil === 0) {
      this.eject(endpoint);
    }
  }

  /** Every UP endpoint, ejected ones included. */
  endpoints(): readonly Endpoint[] {
    return this.up;
  }

  /** The endpoints calls can go to now. */
  availableEndpoints(): readonly Endpoint[] {
    if (this.nextReturn !== Infinity && this.now() >= this.nextReturn) this.refresh();
    return this.available;
  }

  private eject(endpoint: Endpoint): void {
    if (!this.up.includes(endpoint)) return;
    const allowed = Math.floor((this.up.length * this.options.maxEjectedPercent) / 100);
    const ejected = this.up.length - this.available.length;
    if (ejected + 1 > allowed) return;
    endpoint.ejections++;
    const duration = Math.min(this.options.baseEjectionMs * endpoint.ejections, this.options.maxEjectionMs);
    endpoint.ejectedUntil = this.now() + duration;
    this.context.logger?.warn(
      { service: this.service, instance: endpoint.instance.id, origin: endpoint.origin, ms: duration },
      'instance ejected after consecutive failures',
    );
    this.refresh();
  }

  private refresh(): void {
    const now = this.now();
    let nextReturn = Infinity;
    const available: Endpoint[] = [];
    for (const endpoint of this.up) {
      if (endpoint.ejectedUntil !== 0 && endpoint.ejectedUntil <= now) {
        endpoint.ejectedUntil = 0;
        endpoint.consecutiveFailures = 0;
      }
      if (endpoint.ejectedUntil === 0) available.push(endpoint);
      else if (endpoint.ejectedUntil < nextReturn) nextReturn = endpoint.ejectedUntil;
    }
    this.available = available;
    this.nextReturn = nextReturn;
  }
}
