import { describe, expect, it } from 'vitest';
import { clusterCatalog, operationsOf } from './api-catalog.js';

describe('the API catalog', () => {
  it('reads operations from paths, keeping strings only', () => {
    const document = {
      paths: {
        '/orders': { get: { summary: 'List', operationId: 'list' }, post: { deprecated: true, summary: 42 } },
        '/bad': 'nope',
      },
    };
    expect(operationsOf(document)).toEqual([
      { method: 'GET', path: '/orders', summary: 'List', operationId: 'list', isDeprecated: false },
      { method: 'POST', path: '/orders', summary: '', operationId: '', isDeprecated: true },
    ]);
    expect(operationsOf('not a document')).toEqual([]);
  });

  it('joins instances: each operation with the instances and versions serving it', () => {
    const get = { method: 'GET', path: '/a', summary: '', operationId: '', isDeprecated: false };
    const post = { ...get, method: 'POST' };
    expect(
      clusterCatalog([
        { id: 'i1', version: '1.0', operations: [get] },
        { id: 'i2', version: '2.0', operations: [get, post] },
      ]),
    ).toEqual([
      {
        ...get,
        servedBy: [
          { instance: 'i1', version: '1.0' },
          { instance: 'i2', version: '2.0' },
        ],
      },
      { ...post, servedBy: [{ instance: 'i2', version: '2.0' }] },
    ]);
  });
});
