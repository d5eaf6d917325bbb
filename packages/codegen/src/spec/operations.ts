import type { HttpMethod } from '@vitamin/core';
import { specError, type JsonPath } from './spec-error.js';
import type { OpenApi3 } from './to-openapi3.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
const IDEMPOTENT = new Set(['get', 'head', 'put', 'delete', 'options']);
const LOCATIONS = new Set(['path', 'query', 'header', 'cookie']);

/** Whether a part of a request is absent, optional or required. */
export type Presence = 'none' | 'optional' | 'required';

/** A response of an operation: its status key and the media type the client reads, if any. */
export interface ResponseModel {
  readonly status: string;
  /** The media type whose schema types the body; undefined when the response has no body. */
  readonly mediaType: string | undefined;
  /** Whether the runtime parses this body as JSON (otherwise it arrives as text). */
  readonly isJson: boolean;
}

/** What the generator needs of one operation, read and checked once. */
export interface OperationModel {
  /** Where the operation is in the spec, for messages. */
  readonly where: JsonPath;
  readonly path: string;
  readonly method: (typeof METHODS)[number];
  readonly operationId: string | undefined;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly deprecated: boolean;
  readonly idempotent: boolean;
  readonly pathParams: Presence;
  readonly query: Presence;
  readonly header: Presence;
  readonly body: Presence;
  readonly bodyMediaType: string | undefined;
  readonly success: readonly ResponseModel[];
  readonly errors: readonly ResponseModel[];
}

/** Reads every operation of the document in spec order, refusing malformed parts with their pointer. */
export function readOperations(spec: OpenApi3): OperationModel[] {
  const paths = spec.paths ?? {};
  if (!isObject(paths)) throw specError('paths must be an object', ['paths']);
  const operations: OperationModel[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPath = ['paths', path];
    if (!path.startsWith('/')) throw specError(`path '${path}' must start with '/'`, itemPath);
    const item = deref(spec, rawItem, itemPath);
    if (!isObject(item)) throw specError('a path item must be an object', itemPath);
    const shared = parameterList(spec, item.parameters, [...itemPath, 'parameters']);
    for (const method of METHODS) {
      if (item[method] === undefined) continue;
      const where = [...itemPath, method];
      const operation = item[method];
      if (!isObject(operation)) throw specError('an operation must be an object', where);
      operations.push(readOperation(spec, path, method, operation, shared, where));
    }
  }
  return operations;
}

function readOperation(
  spec: OpenApi3,
  path: string,
  method: (typeof METHODS)[number],
  operation: Record<string, unknown>,
  shared: Map<string, Record<string, unknown>>,
  where: JsonPath,
): OperationModel {
  const params = new Map(shared);
  for (const [key, param] of parameterList(spec, operation.parameters, [...where, 'parameters']))
    params.set(key, param);
  const all = [...params.values()];
  for (const name of templateNames(path)) {
    if (!all.some((p) => p.in === 'path' && p.name === name)) {
      throw specError(`path parameter '${name}' of '${path}' is not declared`, [...where, 'parameters']);
    }
  }
  const presence = (location: string): Presence => {
    const list = all.filter((p) => p.in === location);
    if (list.length === 0) return 'none';
    return list.some((p) => p.required === true) ? 'required' : 'optional';
  };
  const body = readBody(spec, operation.requestBody, [...where, 'requestBody']);
  const responses = readResponses(spec, operation.responses, [...where, 'responses']);
  const idempotentExtension = operation['x-idempotent'];
  const operationId = operation.operationId;
  if (operationId !== undefined && typeof operationId !== 'string') {
    throw specError('operationId must be a string', [...where, 'operationId']);
  }
  return {
    where,
    path,
    method,
    operationId: operationId === '' ? undefined : operationId,
    summary: text(operation.summary),
    description: text(operation.description),
    deprecated: operation.deprecated === true,
    idempotent: typeof idempotentExtension === 'boolean' ? idempotentExtension : IDEMPOTENT.has(method),
    pathParams: templateNames(path).length > 0 ? 'required' : presence('path'),
    query: presence('query'),
    header: presence('header'),
    body: body.presence,
    bodyMediaType: body.mediaType,
    success: responses.filter((r) => /^2/.test(r.status)),
    errors: responses.filter((r) => !/^2/.test(r.status) && !/^[13]/.test(r.status)),
  };
}

function parameterList(spec: OpenApi3, value: unknown, where: JsonPath): Map<string, Record<string, unknown>> {
  const result = new Map<string, Record<string, unknown>>();
  if (value === undefined) return result;
  if (!Array.isArray(value)) throw specError('parameters must be an array', where);
  value.forEach((raw, index) => {
    const at = [...where, index];
    const param = deref(spec, raw, at);
    if (!isObject(param)) throw specError('a parameter must be an object', at);
    if (typeof param.name !== 'string' || param.name === '') throw specError('a parameter needs a name', at);
    if (typeof param.in !== 'string' || !LOCATIONS.has(param.in)) {
      throw specError(`parameter '${param.name}' has no valid 'in' (path, query, header or cookie)`, at);
    }
    result.set(`${param.in}:${param.name}`, param);
  });
  return result;
}

function readBody(spec: OpenApi3, value: unknown, where: JsonPath): { presence: Presence; mediaType?: string } {
  if (value === undefined) return { presence: 'none' };
  const body = deref(spec, value, where);
  if (!isObject(body) || !isObject(body.content)) throw specError('a requestBody needs a content object', where);
  const mediaType = pickMediaType(Object.keys(body.content));
  if (mediaType === undefined) return { presence: 'none' };
  return { presence: body.required === true ? 'required' : 'optional', mediaType };
}

function readResponses(spec: OpenApi3, value: unknown, where: JsonPath): ResponseModel[] {
  if (value === undefined) return [];
  if (!isObject(value)) throw specError('responses must be an object', where);
  return Object.entries(value)
    .filter(([status]) => /^([1-5](\d\d|XX)|default)$/i.test(status))
    .map(([status, raw]) => {
      const response = deref(spec, raw, [...where, status]);
      if (!isObject(response)) throw specError('a response must be an object', [...where, status]);
      const content = isObject(response.content) ? Object.keys(response.content) : [];
      const mediaType = pickMediaType(content);
      return { status, mediaType, isJson: mediaType !== undefined && isJsonType(mediaType) };
    });
}

/** Prefers JSON (the runtime's format), then any `+json` type, then the first one given. */
function pickMediaType(types: readonly string[]): string | undefined {
  return types.find((t) => /^application\/json\s*(;|$)/i.test(t)) ?? types.find((t) => isJsonType(t)) ?? types[0];
}

function isJsonType(mediaType: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\s*(;|$)/i.test(mediaType) || mediaType === '*/*';
}

/** Follows internal `$ref`s (`#/…`); external ones were bundled before. */
export function deref(spec: OpenApi3, value: unknown, where: JsonPath): unknown {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (hops > 50) throw specError(`$ref '${ref}' loops`, [...where, '$ref']);
    if (!ref.startsWith('#')) throw specError(`$ref '${ref}' was not resolved`, [...where, '$ref']);
    current = resolvePointer(spec, ref.slice(1), where);
  }
  return current;
}

function resolvePointer(spec: OpenApi3, pointer: string, where: JsonPath): unknown {
  let node: unknown = spec;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) node = undefined;
    else node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) throw specError(`$ref '#${pointer}' points to nothing`, [...where, '$ref']);
  }
  return node;
}

function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The HTTP method of an operation as the runtime writes it. */
export function httpMethod(operation: OperationModel): HttpMethod {
  return operation.method.toUpperCase() as HttpMethod;
}
