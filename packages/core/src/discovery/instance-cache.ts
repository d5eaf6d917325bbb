import type { Logger } from '../logging/logger.js';
import type { Instance } from './instance.js';
import type { Registry } from './registry.js';

/** `UP`: the view follows the registry. `DEGRADED`: the registry is unreachable, the last list serves. */
export type DiscoveryState = 'UP' | 'DEGRADED';

/** How fresh a client's view of one service is (shown by the actuator). */
export interface DiscoveryHealth {
  readonly service: string;
  readonly registry: string;
  readonly state: DiscoveryState;
  /** How long the view has not been confirmed by the registry, in ms; `0` while `UP`. */
  readonly staleMs: number;
  /** Instances in the view, every status included. */
  readonly instances: number;
  /** Why the registry is unreachable, while `DEGRADED`. */
  readonly error?: string;
}

/** Options of {@link InstanceCache}. */
export interface InstanceCacheOptions {
  logger?: Logger;
  /** @defaultValue `Date.now` */
  now?: () => number;
}

function isUp(instance: Instance): boolean {
  return instance.status === 'UP';
}

/**
 * A client's view of one service: follows the registry's watch and keeps the last known list when
 * the registry is unreachable, or answers with no UP instance at all — the fleet is never evicted
 * because the registry blinked. Logs once per outage and exposes how stale the view is.
 */
export class InstanceCache {
  private list: readonly Instance[] = [];
  private readonly listeners = new Set<(instances: readonly Instance[]) => void>();
  private readonly stop: () => void;
  private readonly now: () => number;
  private syncedAt: number | undefined;
  private error: Error | undefined;
  private resolveReady!: () => void;
  /** Settles when the first list arrives (or the registry first fails: then the list is empty). */
  readonly ready: Promise<void> = new Promise((resolve) => (this.resolveReady = resolve));

  constructor(
    private readonly registry: Registry,
    readonly service: string,
    private readonly options: InstanceCacheOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.stop = registry.watch(
      service,
      (instances) => this.update(instances),
      (error) => this.fail(error),
    );
  }

  /** The last known instances, every status included. */
  get instances(): readonly Instance[] {
    return this.list;
  }

  /** Calls `listener` with every new list; returns a function that unsubscribes. */
  onChange(listener: (instances: readonly Instance[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  health(): DiscoveryHealth {
    const base = { service: this.service, registry: this.registry.kind, instances: this.list.length };
    if (this.error === undefined) return { ...base, state: 'UP', staleMs: 0 };
    const staleMs = this.syncedAt === undefined ? 0 : this.now() - this.syncedAt;
    return { ...base, state: 'DEGRADED', staleMs, error: this.error.message };
  }

  close(): void {
    this.stop();
    this.listeners.clear();
  }

  private update(instances: readonly Instance[]): void {
    // A registry that answers but lists nothing callable (every lease expired in a partition, a
    // wiped folder) would evict the whole fleet: keep the last UP instances instead. Calling them
    // can only help, since without them every call fails.
    if (!instances.some(isUp) && this.list.some(isUp)) {
      const kept = this.list.filter(isUp).length;
      this.fail(new Error(`the registry lists no UP instance; keeping the last ${kept}`));
      return;
    }
    if (this.error !== undefined) {
      this.options.logger?.info({ service: this.service, registry: this.registry.kind }, 'registry reachable again');
    }
    this.error = undefined;
    this.syncedAt = this.now();
    this.list = instances;
    this.resolveReady();
    for (const listener of this.listeners) listener(instances);
  }

  private fail(error: Error): void {
    if (this.error === undefined) {
      this.options.logger?.warn(
        { service: this.service, registry: this.registry.kind, instances: this.list.length, err: error.message },
        'registry unreachable or empty; calls keep using the last known instances',
      );
    }
    this.error = error;
    this.resolveReady();
  }
}
