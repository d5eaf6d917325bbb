import { flattenProperties } from './flatten.js';

/** Listener of property changes: receives the keys whose values changed, all applied together. */
export type ConfigListener = (changed: ReadonlySet<string>) => void;

/**
 * Read access to an app's properties by dotted key, and notice of changes. Hot paths never call
 * `get` per call: they read once and subscribe, keeping the current value in a field.
 */
export interface Config {
  /** The value of `key`, or `undefined` when no source sets it. */
  get<T = unknown>(key: string): T | undefined;
  /** Every key some source sets, sorted. */
  keys(): string[];
  /** Calls `listener` after each change with the changed keys; returns a function that unsubscribes. */
  subscribe(listener: ConfigListener): () => void;
}

/** Properties given in code, nested or already dotted. */
export type Properties = Readonly<Record<string, unknown>>;

/** A {@link Config} held in memory: properties given in code, changed with {@link InMemoryConfig.set}. */
export class InMemoryConfig implements Config {
  private readonly values: Map<string, unknown>;
  private readonly listeners = new Set<ConfigListener>();

  constructor(properties: Properties = {}, source = 'config') {
    this.values = flattenProperties(properties, source);
  }

  get<T = unknown>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  keys(): string[] {
    return [...this.values.keys()].sort();
  }

  subscribe(listener: ConfigListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sets several properties at once (`undefined` removes one); listeners see them all change
   * together, once.
   */
  set(properties: Properties): void {
    const changed = new Set<string>();
    for (const [key, value] of flattenProperties(properties, 'set')) {
      if (this.values.get(key) === value) continue;
      if (value === undefined) this.values.delete(key);
      else this.values.set(key, value);
      changed.add(key);
    }
    if (changed.size === 0) return;
    for (const listener of this.listeners) listener(changed);
  }
}
