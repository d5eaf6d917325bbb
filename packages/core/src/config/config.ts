import { flattenProperties } from './flatten.js';

/** Read access to an app's properties by dotted key. */
export interface Config {
  /** The value of `key`, or `undefined` when no source sets it. */
  get<T = unknown>(key: string): T | undefined;
  /** Every key some source sets, sorted. */
  keys(): string[];
}

/** Properties given in code, nested or already dotted. */
export type Properties = Readonly<Record<string, unknown>>;

/** A {@link Config} over fixed properties. */
export class StaticConfig implements Config {
  private readonly values: Map<string, unknown>;

  constructor(properties: Properties = {}, source = 'config') {
    this.values = flattenProperties(properties, source);
  }

  get<T = unknown>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  keys(): string[] {
    return [...this.values.keys()].sort();
  }
}
