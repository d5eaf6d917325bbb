import type { OpenApi3 } from './to-openapi3.js';

/**
 * Rewrites discriminator mappings that name a schema (`Cat: Cat`, allowed by the spec) into the
 * `$ref` form (`#/components/schemas/Cat`) that openapi-typescript resolves. Values that already
 * are references, or name no schema, are left alone. Changes the document in place.
 *
 * @see https://spec.openapis.org/oas/v3.0.3#discriminator-object
 */
export function normalizeDiscriminatorMappings(spec: OpenApi3): void {
  const components = spec.components as { schemas?: Record<string, unknown> } | undefined;
  const schemas = components?.schemas;
  if (schemas === undefined || typeof schemas !== 'object') return;
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const mapping = (value as { discriminator?: { mapping?: unknown } }).discriminator?.mapping;
    if (typeof mapping === 'object' && mapping !== null) {
      const entries = mapping as Record<string, unknown>;
      for (const key of Object.keys(entries)) {
        const target = entries[key];
        if (typeof target === 'string' && !target.includes('/') && Object.hasOwn(schemas, target)) {
          entries[key] = `#/components/schemas/${target.replace(/~/g, '~0')}`;
        }
      }
    }
    for (const key in value) visit((value as Record<string, unknown>)[key]);
  };
  visit(spec);
}
