import type { Etcd3 } from 'etcd3';
import { createEtcdClient } from './etcd-client.js';
import { etcdConfigKey, etcdConfigPrefix, type ConfigLevel, type ConfigScope } from './etcd-keys.js';
import { decodeStoreValue, encodeStoreValue } from './store-value.js';

/** A property as stored at one level. */
export interface StoredProperty {
  readonly key: string;
  readonly value: unknown;
}

/**
 * Reads and writes properties in the config store by level (global, service, instance), for
 * operators and tools (the `vitamin config` command). Keys and names are checked before any call.
 * Several properties set in one {@link EtcdConfigStore.set} call change in one transaction, so
 * running services see them change together.
 */
export class EtcdConfigStore {
  private readonly client: Etcd3;

  constructor(endpoints: readonly string[], timeoutMs = 5000) {
    this.client = createEtcdClient(endpoints, timeoutMs);
  }

  /** The value of `key` at `level`, or `undefined` when that level does not set it. */
  async get(level: ConfigLevel, key: string, scope: ConfigScope = {}): Promise<unknown> {
    const text = await this.client.get(etcdConfigKey(level, key, scope)).string();
    return text === null ? undefined : decodeStoreValue(text);
  }

  /** Sets properties at `level` in one transaction; values that are not strings are stored as JSON. */
  async set(level: ConfigLevel, properties: Readonly<Record<string, unknown>>, scope: ConfigScope = {}): Promise<void> {
    const entries = Object.entries(properties).map(
      ([key, value]) => [etcdConfigKey(level, key, scope), value] as const,
    );
    const txn = this.client.if(etcdConfigPrefix(level, scope), 'Version', '>', -1);
    await txn.then(...entries.map(([path, value]) => this.client.put(path).value(encodeStoreValue(value)))).commit();
  }

  /** Removes `key` at `level`; true when it was set. */
  async delete(level: ConfigLevel, key: string, scope: ConfigScope = {}): Promise<boolean> {
    const result = await this.client
      .delete()
      .key(etcdConfigKey(level, key, scope))
      .exec();
    return Number(result.deleted) > 0;
  }

  /** Every property at `level` whose key starts with `prefix`, sorted by key. */
  async list(level: ConfigLevel, scope: ConfigScope = {}, prefix = ''): Promise<StoredProperty[]> {
    const root = etcdConfigPrefix(level, scope);
    const all = await this.client
      .getAll()
      .prefix(root + prefix)
      .strings();
    return Object.entries(all)
      .map(([path, text]) => ({ key: path.slice(root.length), value: decodeStoreValue(text) }))
      .filter(({ key }) => !key.includes('/'))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  /** Closes the connection. */
  close(): void {
    this.client.close();
  }
}
