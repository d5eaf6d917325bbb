import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getMetadata, RESPONSES } from '../metadata/index.js';
import { declaredRoutes } from '../server/controller-routes.js';
import { Controller } from '../server/controller.js';
import { Body, Header, Param, Query } from '../server/params.js';
import { Get, Post } from '../server/routes.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { Returns } from './returns.js';

const Order = z.object({ id: z.string(), quantity: z.number().int().min(1) });
const NewOrder = z.object({ quantity: z.number().int().min(1), note: z.string().optional() });
const Paging = z.object({ limit: z.coerce.number().optional(), cursor: z.string() });
interface Category {
  name: string;
  children: Category[];
}
const Category: z.ZodType<Category> = z.lazy(() => z.object({ name: z.string(), children: z.array(Category) }));

@Controller('/orders')
class OrderController {
  @Get('/:id', { summary: 'One order' })
  @Returns(200, Order)
  @Returns(404, z.object({ missing: z.string() }), 'No such order')
  get(@Param('id') _id: string, @Header('x-tenant', z.string()) _tenant: string): unknown {
    return undefined;
  }

  @Post('', { status: 201, key: 'placeOrder' })
  @Returns(201, Order)
  create(@Body(NewOrder) _body: unknown, @Query(Paging) _paging: unknown): unknown {
    return undefined;
  }

  @Get('/_/categories')
  @Returns(200, Category)
  categories(@Query('depth', z.coerce.number().optional()) _depth?: number): unknown {
    return undefined;
  }
}

describe('OpenAPI description of decorated controllers', () => {
  const document = buildOpenApiDocument(
    { name: 'order-service', routes: declaredRoutes(OrderController) },
    { version: '2.0.0' },
  );
  const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;

  it('describes paths with {name} parameters, operationIds from keys or method names', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: 'order-service', version: '2.0.0' });
    expect(Object.keys(paths)).toEqual(['/orders/{id}', '/orders', '/orders/_/categories']);
    expect(paths['/orders/{id}']!.get!.operationId).toBe('get');
    expect(paths['/orders/{id}']!.get!.summary).toBe('One order');
    expect(paths['/orders']!.post!.operationId).toBe('placeOrder');
  });

  it('takes parameters and bodies from the schemas given to @Param, @Header, @Query and @Body', () => {
    expect(paths['/orders/{id}']!.get!.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'x-tenant', in: 'header', required: true, schema: { type: 'string' } },
    ]);
    const post = paths['/orders']!.post!;
    expect(post.parameters).toEqual([
      { name: 'limit', in: 'query', required: false, schema: { type: 'number' } },
      { name: 'cursor', in: 'query', required: true, schema: { type: 'string' } },
    ]);
    expect(post.requestBody).toMatchObject({
      required: true,
      content: {
        'application/json': {
          schema: { type: 'object', required: ['quantity'], properties: { quantity: { type: 'integer', minimum: 1 } } },
        },
      },
    });
  });

  it('takes responses from @Returns and documents the vitamin error body', () => {
    const responses = paths['/orders/{id}']!.get!.responses as Record<
      string,
      { description: string; content?: object }
    >;
    expect(Object.keys(responses)).toEqual(['200', '404', 'default']);
    expect(responses['404']!.description).toBe('No such order');
    expect(responses['200']!.content).toMatchObject({
      'application/json': { schema: { required: ['id', 'quantity'] } },
    });
    expect(responses.default!.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/VitaminErrorBody' } },
    });
  });

  it('moves definitions of recursive schemas to components and points at them', () => {
    const text = JSON.stringify(document);
    expect(text).not.toContain('"$defs"');
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    for (const [, ref] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
      expect(schemas).toHaveProperty([ref!]);
    expect(Object.keys(schemas).length).toBeGreaterThan(1);
  });

  it('@Returns records one response per status, the last one winning', () => {
    class Twice {
      @Returns(200, Order)
      @Returns(200, NewOrder, 'replaced')
      m(): void {}
    }
    expect(getMetadata(RESPONSES, Twice.prototype, 'm')).toHaveLength(1);
    expect(() => Returns(99)(Twice.prototype, 'm', {})).toThrow(/not an HTTP status/);
  });
});
