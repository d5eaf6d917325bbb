import type { Config } from '../config/config.js';

/** A property's effective value and the source that set it. */
export interface PropertyView {
  readonly key: string;
  readonly value: unknown;
  /** The layer that set it (`file:config/application.yaml`, `etcd:service`, `env`, …). */
  readonly source: string;
}

/** A change to a property that the config refused (the last good value stayed). */
export interface RefusalView {
  readonly key: string;
  readonly source: string;
  readonly value?: unknown;
  readonly reason: string;
  /** When, in ms since the epoch. */
  readonly at: number;
}

/**
 * Where `/actuator/env` and `/actuator/config` read properties. A layered config implements it
 * directly; {@link configProperties} adapts any {@link Config}. Values may come unmasked: the
 * actuator masks every value it serves.
 */
export interface PropertiesSource {
  /** Every property with its source, sorted by key. */
  describeAll(): readonly PropertyView[];
  /** The latest refused changes, oldest first. */
  refusals?(): readonly RefusalView[];
  /** Keys set by some source that no component reads (likely typos). */
  unknownKeys?(): readonly string[];
}

/** Reads a plain {@link Config}: every key, with `source` as its source. */
export function configProperties(config: Config, source = 'config'): PropertiesSource {
  const describing = config as Partial<PropertiesSource>;
  if (typeof describing.describeAll === 'function') return describing as PropertiesSource;
  return { describeAll: () => config.keys().map((key) => ({ key, value: config.get(key), source })) };
}
