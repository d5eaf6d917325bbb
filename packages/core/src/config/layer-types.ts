import type { Logger } from '../logging/logger.js';
import type { Environment } from './placeholders.js';

/** Values of one layer by dotted key, already checked and decoded by the source that owns it. */
export type LayerValues = ReadonlyMap<string, unknown>;

/** Checks a candidate value; returns why it is refused, or `undefined` to accept it. */
export type PropertyCheck = (value: unknown) => string | undefined;

/**
 * Checks the properties under one prefix together (a typed configuration object); receives them by
 * key relative to the prefix.
 */
export type GroupCheck = (values: ReadonlyMap<string, unknown>) => string | undefined;

/**
 * Updates a cached value for a change (first phase, before any listener runs) and returns what to
 * notify afterwards, so that every cache shows the whole change before anyone hears of it.
 */
export type Refresher = (changed: ReadonlySet<string>) => (() => void) | undefined;

/** A property's effective value and where it came from, as safe to show. */
export interface PropertyDescription {
  readonly key: string;
  /** The value, masked when the key looks secret. */
  readonly value: unknown;
  /** The layer that set it (`default` when only a declared default applies). */
  readonly source: string;
}

/** Options of a {@link LayeredConfig}. */
export interface LayeredConfigOptions {
  /** Layer names, lowest precedence first; a layer with a higher index wins. */
  layers: readonly string[];
  /** Where `${VAR}` placeholders are read. @defaultValue `process.env` */
  env?: Environment;
  /** Where refusals and unknown keys are reported. */
  logger?: Logger;
  /** @defaultValue `Date.now` */
  clock?: () => number;
}

/** An effective value and the layer it came from. */
export interface Entry {
  readonly value: unknown;
  readonly source: string;
}

/** A check of the properties under one prefix. */
export interface Group {
  readonly prefix: string;
  readonly check: GroupCheck;
}

/** Equality of property values: identical, or lists and maps with the same JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
