import type { Logger } from '../logging/logger.js';
import type { Properties } from './config.js';
import type { Environment } from './placeholders.js';

/** How an app reaches the config store (etcd). */
export interface EtcdConfigOptions {
  /** etcd client URLs, e.g. `['http://127.0.0.1:2379']`. */
  endpoints: readonly string[];
  /**
   * This instance's id, for instance-level properties.
   * @defaultValue the `VITAMIN_INSTANCE_ID` environment variable, else `<hostname>-<pid>`
   */
  instanceId?: string;
  /**
   * Where the store's last values are kept, to start from when the store is down at boot.
   * @defaultValue `.vitamin/config-snapshot-<service>.json` under the working directory
   */
  snapshotFile?: string;
  /**
   * Fail at boot when the store is unreachable and there is no snapshot (otherwise start on local
   * properties and keep trying).
   * @defaultValue `false`
   */
  failFast?: boolean;
  /**
   * How long one call to the store may take, in ms.
   * @defaultValue `2000`
   */
  timeoutMs?: number;
  /**
   * First delay before re-listing after the store was lost, in ms; doubles on each failure.
   * @defaultValue `250`
   */
  retryMinMs?: number;
  /**
   * Longest delay between attempts to reach the store again, in ms.
   * @defaultValue `10000`
   */
  retryMaxMs?: number;
}

/** Options of {@link createLayeredConfig} (and the config part of `createApp`). */
export interface ConfigOptions {
  /** The service name: picks `config/<service>.yaml` and the service's keys in the store. */
  service: string;
  /**
   * The profile: adds `config/application-<profile>.yaml`.
   * @defaultValue the `VITAMIN_PROFILE` environment variable, else none
   */
  profile?: string;
  /**
   * The folder of the YAML files.
   * @defaultValue `'config'` (relative to the working directory)
   */
  configDir?: string;
  /**
   * Re-read the YAML files when they change.
   * @defaultValue `true`
   */
  watchFiles?: boolean;
  /**
   * Quiet time after a file event before the file is re-read, in ms.
   * @defaultValue `50`
   */
  watchDebounceMs?: number;
  /** Properties given in code: the lowest layer above declared defaults. */
  properties?: Properties;
  /** The config store; none when absent. */
  etcd?: EtcdConfigOptions;
  /** Environment variables (properties and `${VAR}` placeholders). @defaultValue `process.env` */
  env?: Environment;
  /** Where refusals and unknown keys are logged. @defaultValue a JSON logger on standard output */
  logger?: Logger;
}

/** The defaults of {@link ConfigOptions}. */
export const DEFAULT_CONFIG_OPTIONS = Object.freeze({
  configDir: 'config',
  watchFiles: true,
  watchDebounceMs: 50,
});

/** The defaults of {@link EtcdConfigOptions}. */
export const DEFAULT_ETCD_CONFIG_OPTIONS = Object.freeze({
  failFast: false,
  timeoutMs: 2000,
  retryMinMs: 250,
  retryMaxMs: 10_000,
});

/** {@link ConfigOptions} with defaults filled in. */
export type ResolvedConfigOptions = ConfigOptions & { configDir: string; watchFiles: boolean; watchDebounceMs: number };

/** Fills in defaults; `undefined` fields take the default. */
export function resolveConfigOptions(options: ConfigOptions): ResolvedConfigOptions {
  return {
    ...options,
    configDir: options.configDir ?? DEFAULT_CONFIG_OPTIONS.configDir,
    watchFiles: options.watchFiles ?? DEFAULT_CONFIG_OPTIONS.watchFiles,
    watchDebounceMs: options.watchDebounceMs ?? DEFAULT_CONFIG_OPTIONS.watchDebounceMs,
  };
}
