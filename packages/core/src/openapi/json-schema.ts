import { z } from 'zod';
import type { Schema } from '../metadata/index.js';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/** Whether a JSON Schema describes the input (requests) or the output (responses) of a schema. */
export type SchemaDirection = 'input' | 'output';

/**
 * Converts a schema given to `@Body`, `@Query`, `@Param`, `@Header` or `@Returns` to JSON Schema:
 * zod 4 schemas through `z.toJSONSchema`, other validators through their own `toJSONSchema()` when
 * they have one; anything else becomes `{}` (any value). Definitions the converter puts in `$defs`
 * (recursive schemas) are moved to `definitions`, which the caller places in `components/schemas`.
 */
export function toJsonSchema(
  schema: Schema | undefined,
  direction: SchemaDirection,
  definitions: Map<string, JsonSchema>,
): JsonSchema {
  if (schema === undefined) return {};
  let converted: JsonSchema;
  if (isZodSchema(schema)) {
    converted = z.toJSONSchema(schema, {
      io: direction,
      unrepresentable: 'any',
      target: 'draft-2020-12',
    }) as JsonSchema;
  } else if (typeof (schema as { toJSONSchema?: unknown }).toJSONSchema === 'function') {
    converted = (schema as unknown as { toJSONSchema(): JsonSchema }).toJSONSchema();
  } else {
    return {};
  }
  return hoistDefinitions(converted, definitions);
}

/** Whether a schema accepts a missing value (then the body or parameter is optional). */
export function acceptsUndefined(schema: Schema | undefined): boolean {
  return schema === undefined || schema.safeParse(undefined).success;
}

function isZodSchema(schema: Schema): schema is z.ZodType {
  return typeof schema === 'object' && schema !== null && '_zod' in schema;
}

function hoistDefinitions(schema: JsonSchema, definitions: Map<string, JsonSchema>): JsonSchema {
  const { $schema: _dialect, $defs, ...rest } = schema;
  const isRecursive = JSON.stringify(rest).includes('"$ref":"#"');
  if (!isRecursive && ($defs === undefined || typeof $defs !== 'object' || $defs === null)) return rest;
  const renamed = new Map<string, string>();
  if (isRecursive) {
    // The schema refers to itself as `#`: it becomes a named component that refers to itself.
    let self = 'Recursive1';
    for (let n = 2; definitions.has(self); n += 1) self = `Recursive${n}`;
    definitions.set(self, {});
    renamed.set('#', self);
  }
  for (const name of Object.keys(($defs ?? {}) as object)) {
    let unique = name;
    for (let n = 2; definitions.has(unique); n += 1) unique = `${name}${n}`;
    renamed.set(name, unique);
    definitions.set(unique, {});
  }
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') out[key] = rewriteRef(child, renamed);
      else out[key] = rewrite(child);
    }
    return out;
  };
  for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, unknown>)) {
    definitions.set(renamed.get(name)!, rewrite(definition) as JsonSchema);
  }
  const self = renamed.get('#');
  if (self === undefined) return rewrite(rest) as JsonSchema;
  definitions.set(self, rewrite(rest) as JsonSchema);
  return { $ref: `#/components/schemas/${self}` };
}

function rewriteRef(ref: string, renamed: ReadonlyMap<string, string>): string {
  const match = /^#\/\$defs\/(.+)$/.exec(ref);
  const name = ref === '#' ? renamed.get('#') : match === null ? undefined : renamed.get(match[1]!);
  return name === undefined ? ref : `#/components/schemas/${name}`;
}
