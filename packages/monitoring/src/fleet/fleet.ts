import type { Instance, Logger, Registry } from '@vitamin/core/fleet';
import type { Dispatcher } from 'undici';
import type { ResolvedMonitorOptions } from '../monitor-options.js';
import { MonitoredInstance } from './monitored-instance.js';

/**
 * The clusters the monitor follows and their instances, kept in step with the registry: each
 * cluster is watched, instances that appear get a {@link MonitoredInstance}, those that leave are
 * stopped. Clusters come from the options and, when the registry can list services, from it.
 */
export class Fleet {
  private readonly clusters = new Map<string, Map<string, MonitoredInstance>>();
  private readonly unwatch: (() => void)[] = [];
  private discovery: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(
    private readonly registry: Registry,
    private readonly options: ResolvedMonitorOptions,
    private readonly dispatcher: Dispatcher,
    private readonly logger: Logger,
  ) {}

  /** Follows the configured clusters and, when the registry can list services, every other one. */
  async start(): Promise<void> {
    for (const cluster of this.options.clusters) this.follow(cluster);
    if (this.registry.services !== undefined) {
      await this.discover();
      this.discovery = setInterval(() => void this.discover(), this.options.discoveryIntervalMs);
      this.discovery.unref();
    }
  }

  /** The clusters followed, sorted. */
  clusterNames(): string[] {
    return [...this.clusters.keys()].sort();
  }

  /** Whether `cluster` is followed (an API call about another one is a 404, not a new subscription). */
  follows(cluster: string): boolean {
    return this.clusters.has(cluster);
  }

  /** How many of `instances` are streaming now. */
  static streaming(instances: readonly MonitoredInstance[]): number {
    let count = 0;
    for (const m of instances) if (m.stream.state === 'streaming') count++;
    return count;
  }

  /** The instances of `cluster` (of every cluster when omitted), sorted by cluster and id. */
  instances(cluster?: string): MonitoredInstance[] {
    const names = cluster === undefined ? this.clusterNames() : [cluster];
    return names.flatMap((name) =>
      [...(this.clusters.get(name)?.values() ?? [])].sort((a, b) => (a.instance.id < b.instance.id ? -1 : 1)),
    );
  }

  /** The instance `id` of `cluster`, only if the registry names it. */
  find(cluster: string, id: string): MonitoredInstance | undefined {
    return this.clusters.get(cluster)?.get(id);
  }

  /** Stops every watch and every stream. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.discovery !== undefined) clearInterval(this.discovery);
    for (const stop of this.unwatch.splice(0)) stop();
    const all = [...this.clusters.values()].flatMap((byId) => [...byId.values()]);
    this.clusters.clear();
    await Promise.all(all.map((monitored) => monitored.stop()));
  }

  private async discover(): Promise<void> {
    try {
      for (const service of await this.registry.services!()) this.follow(service);
    } catch (error) {
      this.logger.warn(
        { err: error, registry: this.registry.kind },
        'monitor could not list the services of the registry',
      );
    }
  }

  private follow(cluster: string): void {
    if (this.closed || this.clusters.has(cluster)) return;
    this.clusters.set(cluster, new Map());
    this.logger.info({ cluster }, 'monitor follows a cluster');
    this.unwatch.push(
      this.registry.watch(
        cluster,
        (list) => this.reconcile(cluster, list),
        (error) =>
          this.logger.warn({ cluster, err: error }, 'registry unreachable: the monitor keeps the last instance list'),
      ),
    );
  }

  private reconcile(cluster: string, list: readonly Instance[]): void {
    const byId = this.clusters.get(cluster);
    if (this.closed || byId === undefined) return;
    const listed = new Map(list.map((instance) => [instance.id, instance]));
    for (const [id, monitored] of byId) {
      const now = listed.get(id);
      if (
        now === undefined ||
        now.host !== monitored.instance.host ||
        now.port !== monitored.instance.port ||
        now.secure !== monitored.instance.secure
      ) {
        byId.delete(id);
        void monitored.stop();
        this.logger.info({ cluster, instance: id }, 'monitor stopped following an instance');
      }
    }
    for (const [id, instance] of listed) {
      const current = byId.get(id);
      if (current === undefined) {
        byId.set(id, new MonitoredInstance(instance, this.options, this.dispatcher, this.logger));
        this.logger.info({ cluster, instance: id }, 'monitor follows an instance');
      } else if (current.instance !== instance) {
        // Same address, new status or metadata: keep the stream, show the new record.
        current.instance = instance;
      }
    }
  }
}
