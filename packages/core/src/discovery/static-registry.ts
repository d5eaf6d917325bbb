import type { Config } from '../config/config.js';
import { VitaminError } from '../errors/vitamin-error.js';
import { instanceFromUrl, type Instance } from './instance.js';
import type { InstancesListener, Registry } from './registry.js';

const SERVICE_KEY = /^vitamin\.services\.([^.]+)\.(instances|url)$/;

/**
 * Instances listed in config: `vitamin.services.<name>.instances: [url, …]` or the single
 * `vitamin.services.<name>.url`. The embedded default, so one process needs nothing else. Lists
 * follow config changes live; instances registered in code join the configured ones.
 */
export class StaticRegistry implements Registry {
  readonly kind = 'static';
  private readonly registered = new Map<string, Map<string, Instance>>();
  private readonly listeners = new Map<string, Set<InstancesListener>>();
  private readonly unsubscribe: (() => void) | undefined;
  private configured: Map<string, readonly Instance[]>;

  /** @param source a {@link Config} to read and follow, or lists of URLs by service name */
  constructor(private readonly source: Config | Readonly<Record<string, readonly string[]>> = {}) {
    this.configured = this.read();
    if (isConfig(source)) {
      this.unsubscribe = source.subscribe((changed) => {
        if (![...changed].some((key) => SERVICE_KEY.test(key))) return;
        this.configured = this.read();
        for (const service of this.listeners.keys()) this.emit(service);
      });
    }
  }

  async register(instance: Instance): Promise<void> {
    let byId = this.registered.get(instance.service);
    if (byId === undefined) this.registered.set(instance.service, (byId = new Map()));
    byId.set(instance.id, instance);
    this.emit(instance.service);
  }

  async deregister(instance: Instance): Promise<void> {
    if (this.registered.get(instance.service)?.delete(instance.id) === true) this.emit(instance.service);
  }

  async instances(service: string): Promise<readonly Instance[]> {
    return this.list(service);
  }

  async services(): Promise<readonly string[]> {
    const names = new Set(this.configured.keys());
    for (const [service, byId] of this.registered) if (byId.size > 0) names.add(service);
    return [...names].sort();
  }

  watch(service: string, onChange: InstancesListener): () => void {
    let set = this.listeners.get(service);
    if (set === undefined) this.listeners.set(service, (set = new Set()));
    set.add(onChange);
    onChange(this.list(service));
    return () => set.delete(onChange);
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.listeners.clear();
    this.registered.clear();
  }

  private list(service: string): readonly Instance[] {
    const own = this.registered.get(service);
    const configured = this.configured.get(service) ?? [];
    return own === undefined || own.size === 0 ? configured : [...configured, ...own.values()];
  }

  private emit(service: string): void {
    const list = this.list(service);
    for (const listener of this.listeners.get(service) ?? []) listener(list);
  }

  private read(): Map<string, readonly Instance[]> {
    const lists = new Map<string, readonly Instance[]>();
    const add = (service: string, urls: unknown, key: string) => {
      const values = typeof urls === 'string' ? [urls] : urls;
      if (!Array.isArray(values) || values.some((url) => typeof url !== 'string')) {
        throw new VitaminError('VITAMIN_E_CONFIG', `${key}: expected a URL or a list of URLs`);
      }
      const instances = (values as string[]).map((url, i) => instanceFromUrl(service, url, `${key}[${i}]`));
      lists.set(service, [...(lists.get(service) ?? []), ...instances]);
    };
    if (isConfig(this.source)) {
      for (const key of this.source.keys()) {
        const match = SERVICE_KEY.exec(key);
        if (match !== null) add(match[1]!, this.source.get(key), key);
      }
    } else {
      for (const [service, urls] of Object.entries(this.source)) add(service, urls, `static registry '${service}'`);
    }
    return lists;
  }
}

function isConfig(value: unknown): value is Config {
  return typeof (value as Config).get === 'function' && typeof (value as Config).subscribe === 'function';
}
