import { LoadBalancer } from '../balancing/load-balancer.js';
import { DEFAULT_LOAD_BALANCER_OPTIONS, type LoadBalancerOptions } from '../balancing/load-balancer-options.js';
import type { Config } from '../config/config.js';
import { InstanceCache, type DiscoveryHealth } from '../discovery/instance-cache.js';
import type { Registry } from '../discovery/registry.js';
import { registryFromConfig } from '../discovery/registry-config.js';
import { SelfRegistration, type ListenAddress } from '../discovery/self-registration.js';
import { StaticRegistry } from '../discovery/static-registry.js';
import type { Logger } from '../logging/logger.js';

const OPTION_NAMES = Object.keys(DEFAULT_LOAD_BALANCER_OPTIONS) as (keyof LoadBalancerOptions)[];

/** Options of {@link ServiceDiscovery}. */
export interface ServiceDiscoveryOptions {
  name: string;
  config: Config;
  logger: Logger;
  /** A registry given in code; else `vitamin.discovery.registry`; else the static one over config. */
  registry?: Registry | undefined;
  /** Load-balancer options per service, below the `vitamin.services.<name>.*` properties. */
  balancing?: Readonly<Record<string, LoadBalancerOptions>> | undefined;
}

/**
 * The app's side of discovery: one cached view and one load balancer per provider service, whose
 * options follow `vitamin.services.<name>.*` live, and the app's own registration.
 */
export class ServiceDiscovery {
  readonly registry: Registry;
  /** Whether the app registers itself (a registry was given or configured). */
  readonly registers: boolean;
  private readonly balancers = new Map<string, { cache: InstanceCache; balancer: LoadBalancer; stop: () => void }>();
  private readonly self: SelfRegistration;

  constructor(private readonly options: ServiceDiscoveryOptions) {
    const configured = options.registry ?? registryFromConfig(options.config);
    this.registers = configured !== undefined;
    this.registry = configured ?? new StaticRegistry(options.config);
    this.self = new SelfRegistration(this.registry, options.name, options.config, options.logger);
  }

  /** The load balancer of `service`, created on first use. */
  balancer(service: string): LoadBalancer {
    const known = this.balancers.get(service);
    if (known !== undefined) return known.balancer;
    const { config, logger } = this.options;
    const read = (): LoadBalancerOptions => {
      const options: Record<string, unknown> = { ...this.options.balancing?.[service] };
      for (const name of OPTION_NAMES) {
        const value = config.get(`vitamin.services.${service}.${name}`);
        if (value !== undefined) options[name] = name === 'rule' ? value : Number(value);
      }
      return options as LoadBalancerOptions;
    };
    const balancer = new LoadBalancer(service, read(), { zone: config.get<string>('vitamin.instance.zone'), logger });
    const prefix = `vitamin.services.${service}.`;
    const unsubscribe = config.subscribe((changed) => {
      if (![...changed].some((key) => key.startsWith(prefix))) return;
      try {
        balancer.configure(read());
      } catch (error) {
        logger.error(
          { service, err: (error as Error).message },
          'load-balancer property refused; the last good value stays',
        );
      }
    });
    const cache = new InstanceCache(this.registry, service, { logger });
    const stopUpdates = cache.onChange((instances) => balancer.update(instances));
    balancer.update(cache.instances);
    this.balancers.set(service, { cache, balancer, stop: () => (unsubscribe(), stopUpdates(), cache.close()) });
    return balancer;
  }

  /** Waits until every view has its first list, at most `timeoutMs`. */
  async ready(timeoutMs = 5000): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const views = Promise.all([...this.balancers.values()].map(({ cache }) => cache.ready));
    await Promise.race([views, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  /** How fresh each provider service's view is. */
  health(): DiscoveryHealth[] {
    return [...this.balancers.values()].map(({ cache }) => cache.health());
  }

  /** Registers the app `STARTING`, then `UP` (only when a registry was given or configured). */
  async register(address: ListenAddress): Promise<void> {
    if (!this.registers) return;
    await this.self.starting(address);
    await this.self.up();
  }

  /** Removes the app's record (before the server stops). */
  deregister(): Promise<void> {
    return this.self.deregister();
  }

  /** Stops every view and closes the registry. */
  async close(): Promise<void> {
    for (const { stop } of this.balancers.values()) stop();
    this.balancers.clear();
    await this.registry.close();
  }
}
