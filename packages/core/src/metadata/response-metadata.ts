import { metadataKey } from './metadata-key.js';
import type { Schema } from './http-metadata.js';

/** What `@Returns` records for one response of a route: its status, body schema and description. */
export interface ResponseMetadata {
  readonly status: number;
  /** Schema of the JSON body; absent for a response without a body. */
  readonly schema?: Schema;
  readonly description?: string;
}

/** Responses of a method, stored on the prototype under the method name. */
export const RESPONSES = metadataKey<readonly ResponseMetadata[]>('responses');
