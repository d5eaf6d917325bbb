import { VitaminError } from '../errors/vitamin-error.js';
import type { Schema } from '../metadata/index.js';
import type { Config, ConfigListener } from './config.js';
import { LayeredConfig } from './layered-config.js';
import { assertValidKey } from './property-key.js';
import type { PropertyChangeListener } from './dynamic-property.js';

/**
 * A typed configuration object: every property under a prefix, nested, validated as a whole by a
 * schema at boot and on every change. A change that makes the whole invalid is refused as a whole.
 */
export class Configuration<T> {
  private current: T;
  private readonly listeners = new Set<PropertyChangeListener<T>>();
  private readonly detach: (() => void)[] = [];

  /**
   * @throws VitaminError `VITAMIN_E_CONFIG_INVALID` naming the prefix and the first problem when the
   *   current properties fail the schema
   */
  constructor(
    private readonly config: Config,
    readonly prefix: string,
    private readonly schema: Schema<T>,
  ) {
    assertValidKey(prefix, 'Configuration');
    const first = this.parse(this.entries());
    if (!first.ok)
      throw new VitaminError('VITAMIN_E_CONFIG_INVALID', `properties under '${prefix}' are invalid: ${first.problem}`);
    this.current = first.value;
    if (config instanceof LayeredConfig) {
      this.detach.push(config.addGroupCheck(prefix, (values) => problemOf(this.parse(values))));
      this.detach.push(config.addRefresher((changed) => this.refresh(changed)));
    } else {
      const listener: ConfigListener = (changed) => this.refresh(changed)?.();
      this.detach.push(config.subscribe(listener));
    }
  }

  /** The current object, as the schema returned it. */
  get value(): T {
    return this.current;
  }

  /** Calls `listener` with the new and previous object after each change; returns a function that unsubscribes. */
  onChange(listener: PropertyChangeListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops following the configuration. */
  close(): void {
    for (const detach of this.detach.splice(0)) detach();
    this.listeners.clear();
  }

  private refresh(changed: ReadonlySet<string>): (() => void) | undefined {
    const start = `${this.prefix}.`;
    if (![...changed].some((key) => key.startsWith(start))) return undefined;
    const next = this.parse(this.entries());
    if (!next.ok) return undefined;
    const previous = this.current;
    this.current = next.value;
    return () => {
      for (const listener of this.listeners) listener(next.value, previous);
    };
  }

  private entries(): Map<string, unknown> {
    const start = `${this.prefix}.`;
    const values = new Map<string, unknown>();
    for (const key of this.config.keys()) {
      if (key.startsWith(start)) values.set(key.slice(start.length), this.config.get(key));
    }
    return values;
  }

  private parse(values: ReadonlyMap<string, unknown>): { ok: true; value: T } | { ok: false; problem: string } {
    const result = this.schema.safeParse(nest(values));
    if (result.success) return { ok: true, value: result.data };
    const issue = result.error.issues[0];
    const at = issue === undefined || issue.path.length === 0 ? '' : `${this.prefix}.${issue.path.join('.')}: `;
    return { ok: false, problem: `${at}${issue?.message ?? 'invalid'}` };
  }
}

/** Builds a nested object from dotted keys (already checked: no segment can reach a prototype). */
function nest(values: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of values) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = value;
  }
  return root;
}

function problemOf(result: { ok: boolean; problem?: string }): string | undefined {
  return result.ok ? undefined : result.problem;
}
