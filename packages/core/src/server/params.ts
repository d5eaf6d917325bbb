import { defineMetadata, getOwnMetadata, PARAMS, type ParamMetadata, type Schema } from '../metadata/index.js';

/** Records where a handler parameter comes from (the plain-function twin of the decorators below). */
export function defineParam(prototype: object, property: string, param: ParamMetadata): void {
  const params = [...(getOwnMetadata(PARAMS, prototype, property) ?? []), param];
  defineMetadata(PARAMS, params, prototype, property);
}

function param(source: ParamMetadata['source'], name: string | undefined, schema: Schema | undefined) {
  return (prototype: object, property: string | symbol | undefined, index: number): void => {
    if (property === undefined) throw new TypeError(`@${source} can only decorate method parameters`);
    defineParam(prototype, String(property), { index, source, name, schema });
  };
}

/** A path parameter (`/orders/:id` → `@Param('id')`), validated and converted by `schema` if given. */
export const Param = (name: string, schema?: Schema): ParameterDecorator => param('path', name, schema);

/**
 * A query parameter by name, or with no name the whole query object (then give a schema for it).
 * Repeated keys arrive as arrays.
 */
export function Query(name?: string | Schema, schema?: Schema): ParameterDecorator {
  return typeof name === 'string' ? param('query', name, schema) : param('query', undefined, name ?? schema);
}

/** A request header by (case-insensitive) name. */
export const Header = (name: string, schema?: Schema): ParameterDecorator =>
  param('header', name.toLowerCase(), schema);

/** The JSON request body, validated by `schema`: the handler never sees a body that fails it. */
export const Body = (schema?: Schema): ParameterDecorator => param('body', undefined, schema);
