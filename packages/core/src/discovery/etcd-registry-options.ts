/** Options of {@link EtcdRegistry}. */
export interface EtcdRegistryOptions {
  /**
   * etcd client endpoints.
   * @defaultValue `['http://127.0.0.1:2379']`
   */
  endpoints?: readonly string[];
  /**
   * Key prefix; an instance lives at `<prefix><service>/<id>`.
   * @defaultValue `'/vitamin/services/'`
   */
  prefix?: string;
  /**
   * TTL of the lease that holds this process's records, in seconds: a crashed process disappears
   * from every client within this time. Kept alive every third of it.
   * @defaultValue `10`
   */
  ttlSeconds?: number;
  /**
   * Longest wait between two attempts to reach etcd again (watch re-sync, lease re-grant), in ms.
   * @defaultValue `2000`
   */
  maxBackoffMs?: number;
}

/** {@link EtcdRegistryOptions} with every field resolved. */
export type ResolvedEtcdRegistryOptions = Required<EtcdRegistryOptions>;

/** The defaults of {@link EtcdRegistryOptions}. */
export const DEFAULT_ETCD_REGISTRY_OPTIONS: ResolvedEtcdRegistryOptions = Object.freeze({
  endpoints: Object.freeze(['http://127.0.0.1:2379']),
  prefix: '/vitamin/services/',
  ttlSeconds: 10,
  maxBackoffMs: 2000,
});

/** Fills in defaults; `undefined` fields take the default. */
export function resolveEtcdRegistryOptions(options: EtcdRegistryOptions = {}): ResolvedEtcdRegistryOptions {
  const resolved = { ...DEFAULT_ETCD_REGISTRY_OPTIONS };
  for (const [key, value] of Object.entries(options) as [keyof EtcdRegistryOptions, never][]) {
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
