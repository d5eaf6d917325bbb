import type { Schema } from '../metadata/index.js';
import type { Config } from './config.js';
import { LayeredConfig } from './layered-config.js';
import { DynamicProperty, type PropertyChangeListener, type PropertyOptions } from './dynamic-property.js';

/**
 * A property read from the first of several keys that is set, else a default: how command options
 * resolve (`vitamin.command.<commandKey>.timeoutMs`, then `vitamin.command.default.timeoutMs`, then
 * the built-in default). Every key is checked with the same schema; `.value` is a cached field.
 */
export class ChainedProperty<T> {
  private current: T;
  private readonly properties: DynamicProperty<T | undefined>[];
  private readonly listeners = new Set<PropertyChangeListener<T>>();
  private readonly detach: () => void;

  constructor(config: Config, keys: readonly string[], options: PropertyOptions<T> & { default: T }) {
    const schema = options.schema ?? sameTypeAs(options.default);
    this.properties = keys.map((key) => new DynamicProperty<T | undefined>(config, key, { schema }));
    this.current = this.resolve(options.default);
    // Registered after the per-key properties, so they are all current when this one resolves.
    const refresh = (changed: ReadonlySet<string>): (() => void) | undefined => {
      if (!keys.some((key) => changed.has(key))) return undefined;
      const next = this.resolve(options.default);
      if (Object.is(next, this.current)) return undefined;
      const previous = this.current;
      this.current = next;
      return () => {
        for (const listener of this.listeners) listener(next, previous);
      };
    };
    this.detach =
      config instanceof LayeredConfig
        ? config.addRefresher(refresh)
        : config.subscribe((changed) => refresh(changed)?.());
  }

  /** The value of the first key that is set, or the default. */
  get value(): T {
    return this.current;
  }

  /** Calls `listener` with the new and previous value after each change; returns a function that unsubscribes. */
  onChange(listener: PropertyChangeListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops following the configuration. */
  close(): void {
    this.detach();
    for (const property of this.properties) property.close();
    this.listeners.clear();
  }

  private resolve(fallback: T): T {
    for (const property of this.properties) {
      const value = property.value;
      if (value !== undefined) return value;
    }
    return fallback;
  }
}

/**
 * The live value of one option of a command: `vitamin.command.<commandKey>.<option>`, else
 * `vitamin.command.default.<option>`, else `builtIn`.
 */
export function commandProperty<T>(
  config: Config,
  commandKey: string,
  option: string,
  options: PropertyOptions<T> & { default: T },
): ChainedProperty<T> {
  return new ChainedProperty(
    config,
    [`vitamin.command.${commandKey}.${option}`, `vitamin.command.default.${option}`],
    options,
  );
}

/** Without a schema, a value must have the type of the default (for number, string and boolean defaults). */
function sameTypeAs<T>(fallback: T): Schema<T> | undefined {
  const expected = typeof fallback;
  if (expected !== 'number' && expected !== 'string' && expected !== 'boolean') return undefined;
  return {
    safeParse: (value) =>
      typeof value === expected
        ? { success: true, data: value as T }
        : {
            success: false,
            error: { issues: [{ path: [], message: `expected a ${expected}, got a ${typeof value}` }] },
          },
  };
}
