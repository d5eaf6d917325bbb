import type { Schema } from './http-metadata.js';
import { metadataKey } from './metadata-key.js';

/** What `@Value` records for one field. */
export interface ValueMetadata {
  readonly field: string | symbol;
  /** The dotted property key. */
  readonly key: string;
  /** Applies when no source sets the key. */
  readonly default?: unknown;
  /** Validates (and may convert) every value before the field gets it. */
  readonly schema?: Schema;
}

/** `@Value` fields of a class (its own and inherited), stored on the prototype. */
export const VALUES = metadataKey<readonly ValueMetadata[]>('values');
