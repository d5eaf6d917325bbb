import { Resolver } from 'node:dns/promises';
import { parseInstance, type Instance } from './instance.js';
import type { InstancesListener, Registry, RegistryErrorListener } from './registry.js';
import { pollWatch } from './poll-watch.js';
import {
  resolveDnsRegistryOptions,
  type DnsRegistryOptions,
  type ResolvedDnsRegistryOptions,
} from './dns-registry-options.js';

/** The look-ups a {@link DnsRegistry} needs; node:dns's `Resolver` has them. */
export interface DnsLookup {
  resolve4(hostname: string): Promise<string[]>;
  resolveSrv(hostname: string): Promise<{ name: string; port: number; priority: number; weight: number }[]>;
}

/**
 * Instances from DNS, for Kubernetes headless services: an `A` look-up gives one instance per pod
 * address (on the configured port), an `SRV` look-up gives host, port and weight. Read-only: the
 * platform registers pods (through readiness), so `register` and `deregister` do nothing.
 * Watches look up again on an interval.
 */
export class DnsRegistry implements Registry {
  readonly kind = 'dns';
  private readonly options: ResolvedDnsRegistryOptions;
  private readonly lookup: DnsLookup;
  private readonly stops = new Set<() => void>();

  constructor(options: DnsRegistryOptions = {}) {
    this.options = resolveDnsRegistryOptions(options);
    if (options.lookup !== undefined) {
      this.lookup = options.lookup;
    } else {
      const resolver = new Resolver({ timeout: 2000, tries: 2 });
      if (this.options.servers.length > 0) resolver.setServers([...this.options.servers]);
      this.lookup = resolver;
    }
  }

  async register(): Promise<void> {}

  async deregister(): Promise<void> {}

  async instances(service: string): Promise<readonly Instance[]> {
    const hostname = this.options.hostname(service);
    const where = `dns registry ${service} (${hostname})`;
    if (this.options.record === 'SRV') {
      const records = await this.lookup.resolveSrv(hostname);
      return records
        .map((r) =>
          parseInstance(
            {
              id: `${r.name}-${r.port}`,
              service,
              host: r.name,
              port: r.port,
              secure: this.options.secure,
              status: 'UP',
              metadata: { weight: r.weight },
            },
            where,
          ),
        )
        .sort(byId);
    }
    const addresses = await this.lookup.resolve4(hostname);
    const port = this.options.port;
    return addresses
      .map((address) =>
        parseInstance(
          {
            id: `${address}-${port}`,
            service,
            host: address,
            port,
            secure: this.options.secure,
            status: 'UP',
            metadata: {},
          },
          where,
        ),
      )
      .sort(byId);
  }

  watch(service: string, onChange: InstancesListener, onError?: RegistryErrorListener): () => void {
    return pollWatch(() => this.instances(service), this.options.intervalMs, this.stops, onChange, onError);
  }

  async close(): Promise<void> {
    for (const stop of [...this.stops]) stop();
  }
}

function byId(a: Instance, b: Instance): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
