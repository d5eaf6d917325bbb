/** Text that tries to leave every context it can land in: comments, strings, templates, identifiers. */
export const EVIL =
  '*/ globalThis.pwned = 1; /* ` ${(globalThis.pwned = 2)} \' " \u2028\u2029 \\ </script> \r\n @deprecated';

const evilSchema = {
  type: 'object',
  description: EVIL,
  required: [EVIL],
  properties: {
    [EVIL]: { type: 'string', enum: [EVIL, 'constructor', '__proto__'], default: EVIL, example: EVIL },
    ['__proto__']: { type: 'string', description: EVIL },
    constructor: { type: 'integer', default: 1, example: EVIL },
  },
};

/** An OpenAPI 3.0 document with hostile text in every sink: names, descriptions, enums, defaults, examples, paths, server URLs. */
export function hostileSpec(): Record<string, unknown> {
  const json = { 'application/json': { schema: { $ref: '#/components/schemas/Evil' } } };
  const response = { description: EVIL, content: json };
  return {
    openapi: '3.0.3',
    info: { title: EVIL, version: EVIL, description: EVIL },
    servers: [{ url: `https://example.test/${EVIL}`, description: EVIL }],
    paths: {
      [`/items/{id}/*/\`\${x'"`]: {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', default: EVIL, example: EVIL } },
        ],
        get: {
          operationId: '__proto__',
          summary: EVIL,
          description: EVIL,
          deprecated: true,
          parameters: [
            { name: EVIL, in: 'query', description: EVIL, schema: { type: 'string', enum: [EVIL] } },
            { name: '__proto__', in: 'header', required: true, schema: { type: 'string' } },
          ],
          responses: { '200': response, '404': response, default: { description: EVIL } },
        },
        post: {
          operationId: 'constructor',
          requestBody: { required: true, content: json },
          responses: { '201': response },
        },
        put: { operationId: 'then', responses: { '204': { description: EVIL } } },
        delete: { operationId: 'class', responses: { '200': response } },
        patch: { operationId: '123 ünïcödé ☃', responses: { '200': response } },
        options: { operationId: EVIL, responses: { '200': response } },
        head: { responses: { '200': { description: EVIL } } },
      },
      '/call': { get: { operationId: 'call', responses: { '200': response } } },
    },
    components: { schemas: { Evil: evilSchema, [`Evil*/${EVIL}`]: { type: 'string', enum: [EVIL] } } },
  };
}
