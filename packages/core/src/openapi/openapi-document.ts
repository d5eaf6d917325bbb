import type { ParamMetadata } from '../metadata/index.js';
import type { DeclaredRoute } from '../server/controller-routes.js';
import { acceptsUndefined, toJsonSchema, type JsonSchema } from './json-schema.js';

/** An OpenAPI 3.1 document as plain JSON. */
export type OpenApiDocument = Record<string, unknown> & { openapi: string; paths: Record<string, unknown> };

/** What {@link buildOpenApiDocument} reads of an app. */
export interface OpenApiSource {
  /** The service name: the document's title. */
  readonly name: string;
  readonly routes: readonly DeclaredRoute[];
}

/** Options of {@link buildOpenApiDocument}. */
export interface OpenApiOptions {
  /**
   * The API version written in `info.version`.
   * @defaultValue `'0.0.0'`
   */
  version?: string;
}

/** The schema of every error body a vitamin server answers with (see `ErrorBody`). */
const ERROR_BODY: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

/**
 * Describes the decorated controllers of an app as an OpenAPI 3.1 document: one operation per route
 * (operationId from the route's `key` or its method name), parameters and request bodies from the
 * schemas given to `@Param`, `@Query`, `@Header` and `@Body`, responses from `@Returns`. Every
 * operation also documents the error body vitamin answers with (`default`).
 *
 * @see https://spec.openapis.org/oas/v3.1.0
 */
export function buildOpenApiDocument(app: OpenApiSource, options: OpenApiOptions = {}): OpenApiDocument {
  const definitions = new Map<string, JsonSchema>([['VitaminErrorBody', ERROR_BODY]]);
  const paths: Record<string, Record<string, unknown>> = {};
  const operationIds = new Set<string>();
  for (const declared of app.routes) {
    const path = openApiPath(declared.fullPath);
    const operationId = uniqueOperationId(declared, operationIds);
    (paths[path] ??= {})[declared.route.method.toLowerCase()] = operation(declared, operationId, definitions);
  }
  return {
    openapi: '3.1.0',
    info: { title: app.name, version: options.version ?? '0.0.0' },
    paths,
    components: { schemas: Object.fromEntries([...definitions].sort(([a], [b]) => a.localeCompare(b))) },
  };
}

function operation(declared: DeclaredRoute, operationId: string, definitions: Map<string, JsonSchema>) {
  const { route, params, responses } = declared;
  const body = params.find((p) => p.source === 'body');
  const result: Record<string, unknown> = { operationId, tags: [declared.controller] };
  if (route.summary !== undefined) result.summary = route.summary;
  const parameters = [
    ...pathParameters(declared.fullPath, params, definitions),
    ...otherParameters(params, definitions),
  ];
  if (parameters.length > 0) result.parameters = parameters;
  if (body !== undefined) {
    result.requestBody = {
      required: !acceptsUndefined(body.schema),
      content: { 'application/json': { schema: toJsonSchema(body.schema, 'input', definitions) } },
    };
  }
  const described: Record<string, unknown> = {};
  for (const response of [...responses].sort((a, b) => a.status - b.status)) {
    described[String(response.status)] = {
      description: response.description ?? `Status ${response.status}`,
      ...(response.schema === undefined
        ? {}
        : { content: { 'application/json': { schema: toJsonSchema(response.schema, 'output', definitions) } } }),
    };
  }
  if (!responses.some((r) => r.status >= 200 && r.status < 300)) {
    const status = route.status ?? 200;
    described[String(status)] =
      status === 204
        ? { description: 'No content' }
        : { description: 'OK', content: { 'application/json': { schema: {} } } };
  }
  described.default = {
    description: 'An error: the vitamin error body',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/VitaminErrorBody' } } },
  };
  result.responses = described;
  return result;
}

function pathParameters(fullPath: string, params: readonly ParamMetadata[], definitions: Map<string, JsonSchema>) {
  const names = fullPath
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1));
  return names.map((name) => {
    const declared = params.find((p) => p.source === 'path' && p.name === name);
    const schema =
      declared?.schema === undefined ? { type: 'string' } : toJsonSchema(declared.schema, 'input', definitions);
    return { name, in: 'path', required: true, schema };
  });
}

function otherParameters(params: readonly ParamMetadata[], definitions: Map<string, JsonSchema>) {
  const result: Record<string, unknown>[] = [];
  for (const param of params) {
    if (param.source !== 'query' && param.source !== 'header') continue;
    if (param.name !== undefined) {
      const schema = param.schema === undefined ? { type: 'string' } : toJsonSchema(param.schema, 'input', definitions);
      result.push({ name: param.name, in: param.source, required: !acceptsUndefined(param.schema), schema });
      continue;
    }
    // The whole query object: one parameter per property of its schema.
    const whole = toJsonSchema(param.schema, 'input', definitions);
    const properties = (whole.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set(Array.isArray(whole.required) ? (whole.required as string[]) : []);
    for (const [name, schema] of Object.entries(properties)) {
      result.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  return result;
}

/** `/orders/:id` → `/orders/{id}`. */
function openApiPath(routerPath: string): string {
  return routerPath
    .split('/')
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment))
    .join('/');
}

function uniqueOperationId(declared: DeclaredRoute, taken: Set<string>): string {
  let id = declared.route.key ?? declared.property;
  if (taken.has(id)) id = `${declared.controller}_${id}`;
  for (let n = 2; taken.has(id); n += 1) id = `${declared.controller}_${declared.property}${n}`;
  taken.add(id);
  return id;
}
