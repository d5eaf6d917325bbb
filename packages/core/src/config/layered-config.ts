import { VitaminError } from '../errors/vitamin-error.js';
import type { Config, ConfigListener } from './config.js';
import { isKnownProperty } from './known-keys.js';
import { resolvePlaceholders, type Environment } from './placeholders.js';
import { RefusalLog, type ConfigRefusal } from './refusals.js';
import { maskValue } from './secrets.js';
import {
  sameValue,
  type Entry,
  type Group,
  type GroupCheck,
  type LayeredConfigOptions,
  type LayerValues,
  type PropertyCheck,
  type PropertyDescription,
  type Refresher,
} from './layer-types.js';

/**
 * A {@link Config} made of layers (defaults, files, the config store, the environment) in a fixed
 * precedence. Each source replaces its layers in one {@link LayeredConfig.update}; the change is
 * validated and applied as one step, so keys changed together are seen together, and a value that
 * fails its check is refused while the last good value stays.
 */
export class LayeredConfig implements Config {
  private readonly layerOrder: readonly string[];
  private readonly layers = new Map<string, LayerValues>();
  private effective = new Map<string, Entry>();
  private readonly listeners = new Set<ConfigListener>();
  private readonly refreshers = new Set<Refresher>();
  private readonly checks = new Map<string, Set<PropertyCheck>>();
  private readonly defaults = new Map<string, unknown>();
  private readonly groups = new Set<Group>();
  private readonly refusalLog = new RefusalLog();
  private readonly refusedCandidates = new Map<string, unknown>();
  private readonly unknown = new Set<string>();
  private readonly closers: (() => Promise<void>)[] = [];
  private pending: Promise<unknown>[] = [];
  private readonly env: Environment;
  private readonly clock: () => number;

  constructor(private readonly options: LayeredConfigOptions) {
    this.layerOrder = options.layers;
    this.env = options.env ?? process.env;
    this.clock = options.clock ?? Date.now;
  }

  get<T = unknown>(key: string): T | undefined {
    return this.effective.get(key)?.value as T | undefined;
  }

  keys(): string[] {
    return [...this.effective.keys()].sort();
  }

  subscribe(listener: ConfigListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds a first-phase {@link Refresher}; returns a function that removes it. */
  addRefresher(refresher: Refresher): () => void {
    this.refreshers.add(refresher);
    return () => this.refreshers.delete(refresher);
  }

  /** The value of `key` and the source it came from, masked for display; `undefined` when unset. */
  describe(key: string): PropertyDescription | undefined {
    const entry = this.effective.get(key);
    if (entry !== undefined) return { key, value: maskValue(key, entry.value), source: entry.source };
    if (this.defaults.has(key)) return { key, value: maskValue(key, this.defaults.get(key)), source: 'default' };
    return undefined;
  }

  /** Every property set by a source or declared with a default, described as {@link describe} does. */
  describeAll(): PropertyDescription[] {
    const keys = new Set([...this.effective.keys(), ...this.defaults.keys()]);
    return [...keys].sort().map((key) => this.describe(key)!);
  }

  /** The latest refused changes (at most 100), oldest first. */
  refusals(): readonly ConfigRefusal[] {
    return this.refusalLog.list();
  }

  /** Keys under `vitamin.` that some source sets but nothing in vitamin reads, sorted. */
  unknownKeys(): string[] {
    return [...this.unknown].sort();
  }

  /** Resolves when every source has delivered its first values; rejects when one failed to. */
  async ready(): Promise<void> {
    while (this.pending.length > 0) {
      const waiting = this.pending;
      this.pending = [];
      await Promise.all(waiting);
    }
  }

  /** Stops watching every source. */
  async close(): Promise<void> {
    await Promise.all(this.closers.splice(0).map((close) => close()));
  }

  /** Registers work that {@link ready} waits for and a function that {@link close} calls. */
  attach(started: Promise<unknown> | undefined, close?: () => Promise<void>): void {
    if (started !== undefined) this.pending.push(started);
    if (close !== undefined) this.closers.push(close);
  }

  /** Records a refusal that happened before a value reached the layers (a bad key, bad YAML). */
  refuse(refusal: Omit<ConfigRefusal, 'at' | 'value'> & { value?: unknown }): void {
    const entry = { ...refusal, value: maskValue(refusal.key, refusal.value), at: this.clock() };
    this.refusalLog.add(entry);
    this.options.logger?.warn(
      { key: entry.key, source: entry.source, value: entry.value, reason: entry.reason },
      `configuration change refused: ${entry.key} from ${entry.source}: ${entry.reason}`,
    );
  }

  /**
   * Declares a check for `key` (and the default that applies when no source sets it). The current
   * value is checked at once.
   * @throws VitaminError `VITAMIN_E_CONFIG_INVALID` when the current value fails the check
   */
  addCheck(key: string, check: PropertyCheck, defaultValue?: unknown): () => void {
    const problem = check(this.get(key));
    if (problem !== undefined) throw this.invalid(key, problem);
    let set = this.checks.get(key);
    if (set === undefined) this.checks.set(key, (set = new Set()));
    set.add(check);
    if (defaultValue !== undefined) this.defaults.set(key, defaultValue);
    this.unknown.delete(key);
    return () => set.delete(check);
  }

  /**
   * Declares a check of every property under `prefix` together. A change that makes it fail is
   * refused as a whole.
   * @throws VitaminError `VITAMIN_E_CONFIG_INVALID` when the current values fail the check
   */
  addGroupCheck(prefix: string, check: GroupCheck): () => void {
    const problem = check(this.under(prefix, (key) => this.effective.get(key)?.value, this.effective.keys()));
    if (problem !== undefined) throw this.invalid(prefix, problem);
    const group = { prefix, check };
    this.groups.add(group);
    for (const key of this.unknown) if (key.startsWith(`${prefix}.`)) this.unknown.delete(key);
    return () => this.groups.delete(group);
  }

  /**
   * Replaces the values of one or more layers in one step. Changed values are checked; a refused
   * one keeps its last good value and is recorded. Listeners hear once about all accepted changes.
   * With `boot`, a failed check or unresolved placeholder throws instead of being refused.
   * @returns the keys whose effective value changed
   */
  update(updates: ReadonlyMap<string, LayerValues>, boot = false): ReadonlySet<string> {
    for (const name of updates.keys()) {
      if (!this.layerOrder.includes(name)) throw new Error(`unknown configuration layer '${name}'`);
    }
    const candidate = this.merge(updates, boot);
    const changed = new Set<string>();
    for (const key of new Set([...this.effective.keys(), ...candidate.keys()])) {
      if (!sameValue(this.effective.get(key)?.value, candidate.get(key)?.value)) changed.add(key);
    }
    const refused = this.refusedKeys(candidate, changed, boot);
    for (const key of refused) {
      const fallback = this.effective.get(key) ?? this.lowerGoodEntry(key, candidate.get(key), updates);
      if (fallback === undefined) candidate.delete(key);
      else candidate.set(key, fallback);
      if (sameValue(this.effective.get(key)?.value, fallback?.value)) changed.delete(key);
    }
    for (const [name, values] of updates) this.layers.set(name, values);
    this.effective = candidate;
    this.reportUnknown(changed);
    if (changed.size === 0) return changed;
    const notices: (() => void)[] = [];
    for (const refresher of this.refreshers) {
      const notice = refresher(changed);
      if (notice !== undefined) notices.push(notice);
    }
    for (const notice of notices) notice();
    for (const listener of this.listeners) listener(changed);
    return changed;
  }

  private under(prefix: string, read: (key: string) => unknown, keys: Iterable<string>): Map<string, unknown> {
    const values = new Map<string, unknown>();
    const start = `${prefix}.`;
    for (const key of keys) {
      if (!key.startsWith(start)) continue;
      const value = read(key);
      if (value !== undefined) values.set(key.slice(start.length), value);
    }
    return values;
  }

  private merge(updates: ReadonlyMap<string, LayerValues>, boot: boolean): Map<string, Entry> {
    const merged = new Map<string, Entry>();
    for (const name of this.layerOrder) {
      const values = updates.get(name) ?? this.layers.get(name);
      if (values === undefined) continue;
      for (const [key, raw] of values) {
        const resolved = resolvePlaceholders(raw, this.env);
        if (resolved.ok) {
          merged.set(key, { value: resolved.value, source: name });
          continue;
        }
        const reason = `environment variable '${resolved.missing}' is not set and the placeholder has no default`;
        if (boot) throw this.invalid(key, `${reason} (in ${name})`);
        if (this.refusedCandidates.get(key) !== raw) {
          this.refusedCandidates.set(key, raw);
          this.refuse({ key, source: name, value: raw, reason });
        }
        const previous = this.effective.get(key);
        if (previous !== undefined) merged.set(key, previous);
      }
    }
    return merged;
  }

  /** For a refused key that had no value yet: the highest layer below the refused one whose value passes. */
  private lowerGoodEntry(
    key: string,
    refused: Entry | undefined,
    updates: ReadonlyMap<string, LayerValues>,
  ): Entry | undefined {
    const below = refused === undefined ? this.layerOrder.length : this.layerOrder.indexOf(refused.source);
    for (let index = below - 1; index >= 0; index--) {
      const name = this.layerOrder[index]!;
      const raw = (updates.get(name) ?? this.layers.get(name))?.get(key);
      if (raw === undefined) continue;
      const resolved = resolvePlaceholders(raw, this.env);
      if (!resolved.ok) continue;
      if ([...(this.checks.get(key) ?? [])].every((check) => check(resolved.value) === undefined)) {
        return { value: resolved.value, source: name };
      }
    }
    return undefined;
  }

  private refusedKeys(candidate: Map<string, Entry>, changed: Set<string>, boot: boolean): Set<string> {
    const refused = new Set<string>();
    const refuseKey = (key: string, reason: string): void => {
      const entry = candidate.get(key);
      if (boot) throw this.invalid(key, `${reason} (from ${entry?.source ?? 'unset'})`);
      refused.add(key);
      if (this.refusedCandidates.has(key) && sameValue(this.refusedCandidates.get(key), entry?.value)) return;
      this.refusedCandidates.set(key, entry?.value);
      this.refuse({ key, source: entry?.source ?? 'unset', value: entry?.value, reason });
    };
    for (const key of changed) {
      for (const check of this.checks.get(key) ?? []) {
        const problem = check(candidate.get(key)?.value);
        if (problem !== undefined) {
          refuseKey(key, problem);
          break;
        }
      }
    }
    for (const group of this.groups) {
      const inGroup = [...changed].filter((key) => key === group.prefix || key.startsWith(`${group.prefix}.`));
      if (inGroup.length === 0) continue;
      const read = (key: string): unknown => (refused.has(key) ? this.get(key) : candidate.get(key)?.value);
      const problem = group.check(this.under(group.prefix, read, new Set([...candidate.keys(), ...refused])));
      if (problem !== undefined) for (const key of inGroup) refuseKey(key, problem);
    }
    for (const key of changed) if (!refused.has(key)) this.refusedCandidates.delete(key);
    return refused;
  }

  private reportUnknown(changed: ReadonlySet<string>): void {
    for (const key of changed) {
      if (!this.effective.has(key)) {
        this.unknown.delete(key);
        continue;
      }
      if (this.unknown.has(key) || isKnownProperty(key) || this.checks.has(key)) continue;
      if ([...this.groups].some((group) => key.startsWith(`${group.prefix}.`))) continue;
      this.unknown.add(key);
      const source = this.effective.get(key)!.source;
      this.options.logger?.warn({ key, source }, `unknown property ${key} (from ${source}): nothing reads it`);
    }
  }

  private invalid(key: string, problem: string): VitaminError {
    return new VitaminError('VITAMIN_E_CONFIG_INVALID', `property '${key}' is invalid: ${problem}`);
  }
}
