import { VitaminError } from '../errors/vitamin-error.js';
import type { Schema } from '../metadata/index.js';
import type { Config, ConfigListener } from './config.js';
import { LayeredConfig } from './layered-config.js';
import { assertValidKey } from './property-key.js';

/** Options of a {@link DynamicProperty}. */
export interface PropertyOptions<T> {
  /** The value when no source sets the key. */
  default?: T;
  /**
   * Validates (and may convert) every value; a value it refuses never reaches the property. Without
   * one, a value must have the type of `default` (number, string or boolean) when there is one.
   */
  schema?: Schema<T>;
}

/** Hears a property's new value and the one before. */
export type PropertyChangeListener<T> = (value: T, previous: T) => void;

type Converted<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * One property, typed and always current: `.value` is a plain read of a cached field (no lookup,
 * no parsing), refreshed when the property changes. Values are checked before they are taken; with
 * a {@link LayeredConfig} a refused value never becomes the effective value at all.
 */
export class DynamicProperty<T> {
  private current: T;
  private readonly listeners = new Set<PropertyChangeListener<T>>();
  private readonly mirrors = new Set<(value: T) => void>();
  private readonly detach: (() => void)[] = [];

  /**
   * @throws VitaminError `VITAMIN_E_CONFIG_KEY` for a malformed key, `VITAMIN_E_CONFIG_INVALID`
   *   when the current value fails the check
   */
  constructor(
    private readonly config: Config,
    readonly key: string,
    private readonly options: PropertyOptions<T> = {},
  ) {
    assertValidKey(key, 'DynamicProperty');
    const first = this.convert(config.get(key));
    if (!first.ok) {
      throw new VitaminError('VITAMIN_E_CONFIG_INVALID', `property '${key}' is invalid: ${first.problem}`);
    }
    this.current = first.value;
    if (config instanceof LayeredConfig) {
      this.detach.push(config.addCheck(key, (raw) => problemOf(this.convert(raw)), options.default));
      this.detach.push(config.addRefresher((changed) => this.refresh(changed)));
    } else {
      const listener: ConfigListener = (changed) => this.refresh(changed)?.();
      this.detach.push(config.subscribe(listener));
    }
  }

  /** The current value. */
  get value(): T {
    return this.current;
  }

  /** Calls `listener` with the new and previous value after each change; returns a function that unsubscribes. */
  onChange(listener: PropertyChangeListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `assign` at once with the current value and again, synchronously, whenever it changes,
   * before any change listener runs (used to keep `@Value` fields current).
   * @internal
   */
  mirror(assign: (value: T) => void): void {
    this.mirrors.add(assign);
    assign(this.current);
  }

  /** Stops following the configuration. */
  close(): void {
    for (const detach of this.detach.splice(0)) detach();
    this.listeners.clear();
    this.mirrors.clear();
  }

  private refresh(changed: ReadonlySet<string>): (() => void) | undefined {
    if (!changed.has(this.key)) return undefined;
    const next = this.convert(this.config.get(this.key));
    if (!next.ok || Object.is(next.value, this.current)) return undefined;
    const previous = this.current;
    this.current = next.value;
    for (const assign of this.mirrors) assign(next.value);
    return () => {
      for (const listener of this.listeners) listener(next.value, previous);
    };
  }

  private convert(raw: unknown): Converted<T> {
    if (raw === undefined) return { ok: true, value: this.options.default as T };
    const { schema } = this.options;
    if (schema !== undefined) {
      const result = schema.safeParse(raw);
      if (result.success) return { ok: true, value: result.data };
      const issue = result.error.issues[0];
      const at = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
      return { ok: false, problem: `${issue?.message ?? 'invalid value'}${at}` };
    }
    const expected = this.options.default === undefined ? undefined : typeof this.options.default;
    if (expected !== undefined && ['number', 'string', 'boolean'].includes(expected) && typeof raw !== expected) {
      return {
        ok: false,
        problem: `expected a ${expected}, got ${Array.isArray(raw) ? 'an array' : `a ${typeof raw}`}`,
      };
    }
    return { ok: true, value: raw as T };
  }
}

function problemOf(result: Converted<unknown>): string | undefined {
  return result.ok ? undefined : result.problem;
}
