import type { DnsLookup } from './dns-registry.js';

/** Options of {@link DnsRegistry}. */
export interface DnsRegistryOptions {
  /**
   * The name looked up for a service, such as `<service>.<namespace>.svc.cluster.local` or, for
   * SRV, `_http._tcp.<service>.<namespace>.svc.cluster.local`.
   * @defaultValue the service name itself
   */
  hostname?: (service: string) => string;
  /**
   * `A` (addresses, on {@link DnsRegistryOptions.port}) or `SRV` (host, port and weight).
   * @defaultValue `'A'`
   */
  record?: 'A' | 'SRV';
  /**
   * Port of every instance found by an `A` look-up.
   * @defaultValue `80`
   */
  port?: number;
  /**
   * Whether instances speak https.
   * @defaultValue `false`
   */
  secure?: boolean;
  /**
   * How often watches look up again, in ms.
   * @defaultValue `5000`
   */
  intervalMs?: number;
  /**
   * DNS servers (`ip` or `ip:port`) instead of the system's.
   * @defaultValue `[]` (the system's resolvers)
   */
  servers?: readonly string[];
  /** Look-ups to use instead of node:dns (tests, custom resolvers). */
  lookup?: DnsLookup;
}

/** {@link DnsRegistryOptions} with every field resolved (except the optional `lookup`). */
export type ResolvedDnsRegistryOptions = Required<Omit<DnsRegistryOptions, 'lookup'>>;

/** The defaults of {@link DnsRegistryOptions}. */
export const DEFAULT_DNS_REGISTRY_OPTIONS: ResolvedDnsRegistryOptions = Object.freeze({
  hostname: (service: string) => service,
  record: 'A',
  port: 80,
  secure: false,
  intervalMs: 5000,
  servers: Object.freeze([]) as readonly string[],
});

/** Fills in defaults; `undefined` fields take the default. */
export function resolveDnsRegistryOptions(options: DnsRegistryOptions = {}): ResolvedDnsRegistryOptions {
  const resolved: Record<string, unknown> = { ...DEFAULT_DNS_REGISTRY_OPTIONS };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && key !== 'lookup') resolved[key] = value;
  }
  return resolved as ResolvedDnsRegistryOptions;
}
