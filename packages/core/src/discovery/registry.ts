import type { Instance } from './instance.js';

/** Receives the whole current list of a service's instances, every status included. */
export type InstancesListener = (instances: readonly Instance[]) => void;

/** Told when a registry cannot be reached; the last list stays valid until a new one arrives. */
export type RegistryErrorListener = (error: Error) => void;

/**
 * Where instances announce themselves and clients find them. Implementations: {@link StaticRegistry}
 * (embedded default), {@link FileRegistry}, {@link EtcdRegistry}, {@link DnsRegistry}.
 */
export interface Registry {
  /** A short name for logs and health (`static`, `file`, `etcd`, `dns`). */
  readonly kind: string;
  /** Announces `instance`, or updates it (same service and id): call again to change its status. */
  register(instance: Instance): Promise<void>;
  /** Removes `instance`; it stops receiving calls as soon as watchers see it. */
  deregister(instance: Instance): Promise<void>;
  /** The instances of `service` now, every status included. */
  instances(service: string): Promise<readonly Instance[]>;
  /**
   * Calls `onChange` with the full list of `service` once known and after every change; calls
   * `onError` when the registry becomes unreachable (a later `onChange` means it is back).
   * Returns a function that stops watching.
   */
  watch(service: string, onChange: InstancesListener, onError?: RegistryErrorListener): () => void;
  /**
   * The names of the services that have instances now, sorted, for tools that follow a whole fleet
   * (the monitoring service). Optional: a registry that cannot list (DNS) leaves it out.
   */
  services?(): Promise<readonly string[]>;
  /** Deregisters what this registry registered, stops watches and closes connections. */
  close(): Promise<void>;
}

/** Whether two instance lists hold the same records (order ignored). */
export function sameInstances(a: readonly Instance[], b: readonly Instance[]): boolean {
  if (a.length !== b.length) return false;
  const key = (i: Instance) => JSON.stringify([i.id, i.host, i.port, i.secure, i.status, i.metadata]);
  const seen = new Set(a.map(key));
  return b.every((i) => seen.has(key(i)));
}
