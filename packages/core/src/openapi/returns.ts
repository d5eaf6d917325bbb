import { defineMetadata, getOwnMetadata, RESPONSES, type ResponseMetadata, type Schema } from '../metadata/index.js';

/**
 * Declares a response of a route for the app's OpenAPI description: its status, the schema of its
 * JSON body (a zod schema, or anything with `safeParse`), and an optional description. Repeat it for
 * each status. It only documents; what the handler returns is not checked against it.
 *
 * @example
 * ```ts
 * @Get('/:id')
 * @Returns(200, Order)
 * @Returns(404, NotFound, 'No order with this id')
 * get(@Param('id') id: string): Order { … }
 * ```
 */
export function Returns(status: number, schema?: Schema, description?: string): MethodDecorator {
  return (prototype, property) => {
    defineResponse(prototype, String(property), { status, schema, description });
  };
}

/** The plain-function twin of {@link Returns}. */
export function defineResponse(prototype: object, property: string, response: ResponseMetadata): void {
  if (!Number.isInteger(response.status) || response.status < 100 || response.status > 599) {
    throw new TypeError(`@Returns on ${property}: status ${response.status} is not an HTTP status (100-599)`);
  }
  const responses = (getOwnMetadata(RESPONSES, prototype, property) ?? []).filter((r) => r.status !== response.status);
  defineMetadata(RESPONSES, [...responses, response], prototype, property);
}
