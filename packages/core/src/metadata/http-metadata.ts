import { metadataKey } from './metadata-key.js';

/** The HTTP methods routes and provider operations use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/**
 * A schema that validates and converts a value: anything with zod's `safeParse` shape, so zod
 * schemas work as they are and other validators can be adapted in a few lines.
 */
export interface Schema<T = unknown> {
  safeParse(value: unknown): SchemaResult<T>;
}

/** What {@link Schema.safeParse} returns. */
export type SchemaResult<T> =
  { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };

/** One problem a schema found. */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** What `@Controller` records on a class. */
export interface ControllerMetadata {
  readonly prefix: string;
}

/** What `@Get`, `@Post`, … record on a method: on a controller a route, on a provider an operation. */
export interface RouteMetadata {
  readonly method: HttpMethod;
  readonly path: string;
  /** Status of a successful response; defaults to 200, or 204 when the handler returns nothing. */
  readonly status?: number;
  /** Overrides the command key of a provider operation (codegen sets it from the operationId). */
  readonly key?: string;
  /** Whether the operation may be retried; defaults from the method (GET, HEAD, PUT, DELETE, OPTIONS). */
  readonly idempotent?: boolean;
  /** One-line summary for generated OpenAPI descriptions. */
  readonly summary?: string;
}

/** Where a handler parameter comes from. */
export type ParamSource = 'path' | 'query' | 'header' | 'body';

/** What `@Param`, `@Query`, `@Header` and `@Body` record for one handler parameter. */
export interface ParamMetadata {
  readonly index: number;
  readonly source: ParamSource;
  /** The parameter, query or header name; absent for the whole body or the whole query. */
  readonly name?: string;
  readonly schema?: Schema;
}

/** What `@Provider` records on a client class. */
export interface ProviderMetadata {
  /** The registry name of the service this client calls. */
  readonly service: string;
}

/** Keys under which the HTTP decorators write. */
export const CONTROLLER = metadataKey<ControllerMetadata>('controller');
export const PROVIDER = metadataKey<ProviderMetadata>('provider');
/** Routes of a class, by method name; stored on the prototype. */
export const ROUTES = metadataKey<ReadonlyMap<string, RouteMetadata>>('routes');
/** Parameters of a method, stored on the prototype under the method name. */
export const PARAMS = metadataKey<readonly ParamMetadata[]>('params');
