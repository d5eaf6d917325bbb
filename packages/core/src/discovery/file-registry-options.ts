import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Options of {@link FileRegistry}. */
export interface FileRegistryOptions {
  /**
   * The shared folder; one sub-folder per service, one file per instance.
   * @defaultValue `<os tmpdir>/vitamin-registry`
   */
  dir?: string;
  /**
   * How often a registered instance rewrites its record, in ms.
   * @defaultValue `5000`
   */
  heartbeatMs?: number;
  /**
   * A record whose last heartbeat is older than this, in ms, is ignored (its process is gone).
   * @defaultValue `15000`
   */
  staleAfterMs?: number;
  /**
   * How often watchers re-read the folder, in ms.
   * @defaultValue `1000`
   */
  pollMs?: number;
  /** The clock heartbeats are stamped and checked with, in ms. @defaultValue `Date.now` */
  now?: () => number;
}

/** {@link FileRegistryOptions} with every field resolved. */
export type ResolvedFileRegistryOptions = Required<FileRegistryOptions>;

/** The defaults of {@link FileRegistryOptions}. */
export const DEFAULT_FILE_REGISTRY_OPTIONS: ResolvedFileRegistryOptions = Object.freeze({
  dir: join(tmpdir(), 'vitamin-registry'),
  heartbeatMs: 5000,
  staleAfterMs: 15_000,
  pollMs: 1000,
  now: Date.now,
});

/** Fills in defaults; `undefined` fields take the default. */
export function resolveFileRegistryOptions(options: FileRegistryOptions = {}): ResolvedFileRegistryOptions {
  const resolved = { ...DEFAULT_FILE_REGISTRY_OPTIONS };
  for (const [key, value] of Object.entries(options) as [keyof FileRegistryOptions, never][]) {
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
