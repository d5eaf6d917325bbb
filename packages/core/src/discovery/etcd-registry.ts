import { circuitBreaker, ConsecutiveBreaker, ExponentialBackoff, handleAll } from 'cockatiel';
import { Etcd3, type Lease, type Watcher } from 'etcd3';
import { VitaminError } from '../errors/vitamin-error.js';
import { parseInstance, type Instance } from './instance.js';
import type { InstancesListener, Registry, RegistryErrorListener } from './registry.js';
import {
  resolveEtcdRegistryOptions,
  type EtcdRegistryOptions,
  type ResolvedEtcdRegistryOptions,
} from './etcd-registry-options.js';

/**
 * The production registry. Records live under one lease per process (TTL default 10 s, kept
 * alive), so a crashed process leaves every client's list within the TTL. A lost lease is
 * re-granted and every record put again. Watches list, then watch from the listed revision; after
 * an outage or a compaction they list again rather than trust a resumed revision.
 */
export class EtcdRegistry implements Registry {
  readonly kind = 'etcd';
  private readonly options: ResolvedEtcdRegistryOptions;
  private readonly client: Etcd3;
  private readonly own = new Map<string, Instance>();
  private readonly stops = new Set<() => void>();
  private lease: Lease | undefined;
  private closed = false;

  constructor(options: EtcdRegistryOptions = {}) {
    this.options = resolveEtcdRegistryOptions(options);
    if (!Number.isInteger(this.options.ttlSeconds) || this.options.ttlSeconds < 1) {
      throw new VitaminError(
        'VITAMIN_E_CONFIG',
        `etcd registry: ttlSeconds must be a whole number ≥ 1, got ${this.options.ttlSeconds}`,
      );
    }
    const backoff = { initialDelay: 100, maxDelay: this.options.maxBackoffMs };
    this.client = new Etcd3({
      hosts: [...this.options.endpoints],
      dialTimeout: 2000,
      faultHandling: {
        host: () =>
          circuitBreaker(handleAll, { halfOpenAfter: this.options.maxBackoffMs, breaker: new ConsecutiveBreaker(3) }),
        // etcd3 types an older cockatiel; the factory it gets at runtime is the same shape it builds by default.
        watchBackoff: new ExponentialBackoff(backoff) as never,
      },
    });
  }

  async register(instance: Instance): Promise<void> {
    const checked = parseInstance(instance, 'etcd registry register');
    this.own.set(this.key(checked), checked);
    await this.currentLease().put(this.key(checked)).value(JSON.stringify(checked));
  }

  async deregister(instance: Instance): Promise<void> {
    const key = this.key(parseInstance(instance, 'etcd registry deregister'));
    this.own.delete(key);
    await this.client.delete().key(key);
  }

  async instances(service: string): Promise<readonly Instance[]> {
    return [...(await this.list(service)).byKey.values()];
  }

  async services(): Promise<readonly string[]> {
    const keys = await this.client.getAll().prefix(this.options.prefix).keys();
    const names = new Set<string>();
    for (const key of keys) {
      const service = key.slice(this.options.prefix.length).split('/')[0];
      if (service !== undefined && service !== '') names.add(service);
    }
    return [...names].sort();
  }

  watch(service: string, onChange: InstancesListener, onError?: RegistryErrorListener): () => void {
    let watcher: Watcher | undefined;
    let stopped = false;
    let failing = false;
    let byKey = new Map<string, Instance>();
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 100;

    const fail = (error: Error) => {
      if (!failing) onError?.(error);
      failing = true;
    };
    const restart = () => {
      if (stopped) return;
      retry = setTimeout(sync, delay);
      delay = Math.min(delay * 2, this.options.maxBackoffMs);
    };
    const sync = async () => {
      void watcher?.cancel().catch(() => undefined);
      watcher = undefined;
      try {
        const listed = await this.list(service);
        if (stopped) return;
        byKey = listed.byKey;
        const next = await this.client
          .watch()
          .prefix(this.prefix(service))
          .startRevision(String(listed.revision + 1n))
          .create();
        if (stopped) return void next.cancel().catch(() => undefined);
        watcher = next;
        failing = false;
        delay = 100;
        onChange([...byKey.values()]);
        next.on('put', (kv) => {
          const instance = decode(kv.key.toString(), kv.value.toString());
          if (instance !== undefined) byKey.set(kv.key.toString(), instance);
          onChange([...byKey.values()]);
        });
        next.on('delete', (kv) => {
          if (byKey.delete(kv.key.toString())) onChange([...byKey.values()]);
        });
        // A stream that comes back may resume from a compacted revision: list again instead.
        next.on('disconnected', (error: Error) => fail(error));
        next.on('connected', () => {
          if (failing) restart();
        });
        next.on('error', (error: Error) => {
          fail(error);
          restart();
        });
      } catch (error) {
        fail(error as Error);
        restart();
      }
    };
    void sync();
    const stop = () => {
      stopped = true;
      clearTimeout(retry);
      void watcher?.cancel().catch(() => undefined);
      this.stops.delete(stop);
    };
    this.stops.add(stop);
    return stop;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const stop of [...this.stops]) stop();
    const lease = this.lease;
    this.lease = undefined;
    this.own.clear();
    if (lease !== undefined) await lease.revoke({ deadline: new Date(Date.now() + 1000) }).catch(() => undefined);
    this.client.close();
  }

  private currentLease(): Lease {
    if (this.lease !== undefined) return this.lease;
    const lease = this.client.lease(this.options.ttlSeconds);
    this.lease = lease;
    lease.on('lost', () => {
      if (this.closed || this.lease !== lease) return;
      this.lease = undefined;
      setTimeout(() => void this.reregister(), 200).unref();
    });
    return lease;
  }

  /** Puts every record again under a fresh lease, until etcd takes them. */
  private async reregister(): Promise<void> {
    if (this.closed || this.own.size === 0) return;
    try {
      const lease = this.currentLease();
      await Promise.all([...this.own].map(([key, instance]) => lease.put(key).value(JSON.stringify(instance))));
    } catch {
      // the lease reports 'lost' again and the next attempt follows
    }
  }

  private async list(service: string): Promise<{ revision: bigint; byKey: Map<string, Instance> }> {
    const response = await this.client.getAll().prefix(this.prefix(service)).exec();
    const byKey = new Map<string, Instance>();
    for (const kv of response.kvs) {
      const instance = decode(kv.key.toString(), kv.value.toString());
      if (instance !== undefined) byKey.set(kv.key.toString(), instance);
    }
    return { revision: BigInt(response.header.revision), byKey };
  }

  private prefix(service: string): string {
    return `${this.options.prefix}${parseInstance({ ...PROBE, service }, 'etcd registry').service}/`;
  }

  private key(instance: Instance): string {
    return `${this.options.prefix}${instance.service}/${instance.id}`;
  }
}

const PROBE = { id: 'probe', host: 'localhost', port: 1, secure: false, status: 'UP', metadata: {} };

/** A record written by someone else: an invalid one is skipped, never trusted. */
function decode(key: string, value: string): Instance | undefined {
  try {
    return parseInstance(JSON.parse(value), `etcd key ${key}`);
  } catch {
    return undefined;
  }
}
