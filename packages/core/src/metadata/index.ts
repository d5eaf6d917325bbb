export { defineMetadata, getMetadata, getOwnMetadata, getParameterTypes, metadataKey } from './metadata-key.js';
export type { MetadataKey } from './metadata-key.js';
export { CONTROLLER, PARAMS, PROVIDER, ROUTES } from './http-metadata.js';
export type {
  ControllerMetadata,
  HttpMethod,
  ParamMetadata,
  ParamSource,
  ProviderMetadata,
  RouteMetadata,
  Schema,
  SchemaIssue,
  SchemaResult,
} from './http-metadata.js';
export { VALUES } from './config-metadata.js';
export type { ValueMetadata } from './config-metadata.js';
export { COMMANDS } from './command-metadata.js';
export type { CommandMetadata } from './command-metadata.js';
export { RESPONSES } from './response-metadata.js';
export type { ResponseMetadata } from './response-metadata.js';
