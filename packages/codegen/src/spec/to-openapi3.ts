import swagger2openapi from 'swagger2openapi';
import { specError } from './spec-error.js';

/** An OpenAPI 3.0 or 3.1 document, checked only as far as the generator reads it. */
export type OpenApi3 = Record<string, unknown> & { openapi: string; paths?: Record<string, unknown> };

/**
 * Returns the document as OpenAPI 3: 3.0 and 3.1 as they are, Swagger 2.0 converted with
 * swagger2openapi (its own `$ref` resolution is off: refs were bundled before, under our rules).
 */
export async function toOpenApi3(document: unknown): Promise<OpenApi3> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw specError('the spec is not an object', []);
  }
  const spec = document as Record<string, unknown>;
  if (spec.swagger !== undefined) {
    if (spec.swagger !== '2.0')
      throw specError(`swagger version ${JSON.stringify(spec.swagger)} is not 2.0`, ['swagger']);
    try {
      const converted = await swagger2openapi.convertObj(spec as never, {
        patch: true,
        warnOnly: true,
        resolve: false,
        resolveInternal: false,
      });
      return converted.openapi as unknown as OpenApi3;
    } catch (error) {
      throw specError(`Swagger 2.0 conversion failed: ${(error as Error).message}`, [], error);
    }
  }
  if (typeof spec.openapi !== 'string' || !/^3\.[01]\.\d+/.test(spec.openapi)) {
    throw specError(
      `unsupported version ${JSON.stringify(spec.openapi)}: expected openapi 3.0.x or 3.1.x, or swagger 2.0`,
      ['openapi'],
    );
  }
  return spec as OpenApi3;
}
