import type { Etcd3, IKeyValue, IWatchResponse, Watcher } from 'etcd3';
import { VitaminError } from '../errors/vitamin-error.js';
import type { Logger } from '../logging/logger.js';
import { readSnapshot, writeSnapshot } from './config-snapshot.js';
import { createEtcdClient } from './etcd-client.js';
import { ETCD_CONFIG_ROOT, etcdConfigPrefix, parseEtcdConfigKey, type ConfigLevel } from './etcd-keys.js';
import type { LayerValues } from './layer-types.js';
import type { LayeredConfig } from './layered-config.js';
import { decodeStoreValue } from './store-value.js';

/** The layer names of the config store's three levels, lowest precedence first. */
export const ETCD_LAYERS = { global: 'etcd:global', service: 'etcd:service', instance: 'etcd:instance' } as const;

/** What an {@link EtcdSource} needs (resolved from `EtcdConfigOptions`). */
export interface EtcdSourceSettings {
  readonly endpoints: readonly string[];
  readonly service: string;
  readonly instance: string;
  readonly snapshotFile: string | undefined;
  readonly failFast: boolean;
  readonly timeoutMs: number;
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
}

type Levels = Record<ConfigLevel, Map<string, unknown>>;

/**
 * The config store (etcd) as three layers: global, service and instance. It lists both prefixes
 * in one transaction, then watches from the next revision; every watch response (all the events of
 * one etcd transaction) is applied as one change. When the watch breaks (store down, compaction)
 * the last values stay and it re-lists from scratch with backoff instead of resuming from a
 * revision that may be gone.
 */
export class EtcdSource {
  private readonly client: Etcd3;
  private levels: Levels = { global: new Map(), service: new Map(), instance: new Map() };
  private watcher: Watcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;
  private syncing = false;

  constructor(
    private readonly settings: EtcdSourceSettings,
    private readonly config: LayeredConfig,
    private readonly logger: Logger,
  ) {
    this.client = createEtcdClient(settings.endpoints, settings.timeoutMs);
  }

  /**
   * Loads the store's values. When the store cannot be reached, uses the snapshot file if there is
   * one, else fails (with `failFast`) or starts without remote values; either way it keeps trying.
   * @throws VitaminError `VITAMIN_E_CONFIG_STORE_UNAVAILABLE` with `failFast` and no snapshot
   */
  async start(): Promise<void> {
    try {
      await this.sync();
      return;
    } catch (error) {
      const where = this.settings.endpoints.join(', ');
      const file = this.settings.snapshotFile;
      const snapshot = file === undefined ? undefined : readSnapshot(file);
      if (snapshot !== undefined) {
        this.logger.warn(
          { endpoints: where, snapshot: file, revision: snapshot.revision, savedAt: new Date(snapshot.savedAt) },
          `config store at ${where} is unreachable; using the snapshot ${file}`,
        );
        this.apply({ ...snapshot.levels } as Levels);
      } else if (this.settings.failFast) {
        await this.close();
        throw new VitaminError(
          'VITAMIN_E_CONFIG_STORE_UNAVAILABLE',
          `config store at ${where} is unreachable at boot and there is no snapshot` +
            `${file === undefined ? '' : ` (${file})`}: ${(error as Error).message}. ` +
            'Start etcd or fix the endpoints; set failFast: false to start on local properties.',
          { cause: error },
        );
      } else {
        this.logger.warn({ endpoints: where }, `config store at ${where} is unreachable and there is no snapshot`);
      }
      this.retry();
    }
  }

  /** Stops watching and closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const watcher = this.watcher;
    this.watcher = undefined;
    await watcher?.cancel().catch(() => undefined);
    this.client.close();
  }

  private async sync(): Promise<void> {
    const scope = { service: this.settings.service, instance: this.settings.instance };
    const response = await this.client.kv.txn({
      success: [
        { request_range: prefixRange(etcdConfigPrefix('global')) },
        { request_range: prefixRange(etcdConfigPrefix('service', scope)) },
      ],
    });
    const levels: Levels = { global: new Map(), service: new Map(), instance: new Map() };
    for (const op of response.responses) {
      for (const kv of op.response_range.kvs) this.read(levels, kv, 'put');
    }
    if (this.closed) return;
    this.apply(levels);
    this.save(response.header.revision);
    this.watch(BigInt(response.header.revision) + 1n);
    this.attempt = 0;
  }

  private watch(fromRevision: bigint): void {
    void this.watcher?.cancel().catch(() => undefined);
    const watcher = this.client.watch().prefix(ETCD_CONFIG_ROOT).startRevision(String(fromRevision)).watcher();
    this.watcher = watcher;
    watcher.on('data', (response: IWatchResponse) => {
      if (this.watcher !== watcher || response.events.length === 0) return;
      const levels: Levels = {
        global: new Map(this.levels.global),
        service: new Map(this.levels.service),
        instance: new Map(this.levels.instance),
      };
      let relevant = false;
      for (const event of response.events) {
        relevant = this.read(levels, event.kv, event.type === 'Delete' ? 'delete' : 'put') || relevant;
      }
      if (!relevant) return;
      this.apply(levels);
      this.save(response.header.revision);
    });
    const lost = (error: Error): void => {
      if (this.watcher !== watcher || this.closed) return;
      this.watcher = undefined;
      void watcher.cancel().catch(() => undefined);
      this.logger.warn({ err: error.message }, 'config store watch lost; keeping the last values and re-listing');
      this.retry();
    };
    watcher.on('disconnected', lost);
    watcher.on('error', lost);
  }

  private retry(): void {
    if (this.closed || this.syncing) return;
    const delay = Math.min(this.settings.retryMaxMs, this.settings.retryMinMs * 2 ** this.attempt++);
    this.syncing = true;
    this.timer = setTimeout(() => {
      this.sync()
        .then(() => this.logger.info('config store reachable again; properties re-synced'))
        .catch(() => undefined)
        .finally(() => {
          this.syncing = false;
          if (this.watcher === undefined) this.retry();
        });
    }, delay);
    this.timer.unref();
  }

  /** Reads one store key into `levels`; false when it is not this instance's or was refused. */
  private read(levels: Levels, kv: IKeyValue, kind: 'put' | 'delete'): boolean {
    const path = kv.key.toString();
    const parsed = parseEtcdConfigKey(path, { service: this.settings.service, instance: this.settings.instance });
    if (parsed.kind === 'ignore') return false;
    if (parsed.kind === 'refused') {
      this.config.refuse({ key: path, source: 'etcd', reason: `store key refused: ${parsed.reason}` });
      return false;
    }
    if (kind === 'delete') levels[parsed.level].delete(parsed.key);
    else levels[parsed.level].set(parsed.key, decodeStoreValue(kv.value.toString()));
    return true;
  }

  private apply(levels: Levels): void {
    this.levels = levels;
    const updates = new Map<string, LayerValues>(
      (Object.keys(ETCD_LAYERS) as ConfigLevel[]).map((level) => [ETCD_LAYERS[level], levels[level]]),
    );
    this.config.update(updates);
  }

  private save(revision: string): void {
    const file = this.settings.snapshotFile;
    if (file === undefined) return;
    try {
      writeSnapshot(file, { revision, savedAt: Date.now(), levels: this.levels });
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, file }, 'could not write the config snapshot');
    }
  }
}

function prefixRange(prefix: string): { key: Buffer; range_end: Buffer } {
  const key = Buffer.from(prefix);
  const end = Buffer.from(prefix);
  end[end.length - 1] = end[end.length - 1]! + 1;
  return { key, range_end: end };
}
