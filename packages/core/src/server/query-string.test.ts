import { describe, expect, it } from 'vitest';
import { parseQuery } from './query-string.js';

describe('parseQuery', () => {
  it('decodes values and collects repeated keys into arrays', () => {
    expect(parseQuery('a=1&b=x%20y&a=2&a=3&c=')).toEqual({ a: ['1', '2', '3'], b: 'x y', c: '' });
  });

  it('keeps __proto__ and constructor as plain keys without touching any prototype', () => {
    const query = parseQuery('__proto__=polluted&constructor[prototype][x]=1&__proto__[isAdmin]=true');
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(query['__proto__']).toBe('polluted');
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
