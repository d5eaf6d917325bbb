import { describe, expect, it } from 'vitest';
import { InMemoryConfig } from './config.js';

describe('InMemoryConfig', () => {
  it('reads nested and dotted properties by dotted key', () => {
    const config = new InMemoryConfig({ vitamin: { services: { a: { url: 'http://x' } } }, 'b.c': 1 });
    expect(config.get('vitamin.services.a.url')).toBe('http://x');
    expect(config.get('b.c')).toBe(1);
    expect(config.keys()).toEqual(['b.c', 'vitamin.services.a.url']);
  });

  it('tells listeners once about keys changed together, and nothing about unchanged ones', () => {
    const config = new InMemoryConfig({ a: 1, b: 2 });
    const seen: string[][] = [];
    const unsubscribe = config.subscribe((changed) => seen.push([...changed].sort()));
    config.set({ a: 10, b: 2, c: 3 });
    config.set({ a: 10 });
    unsubscribe();
    config.set({ a: 11 });
    expect(seen).toEqual([['a', 'c']]);
    expect(config.get('a')).toBe(11);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key segment %s, naming the key', (segment) => {
    const properties = JSON.parse(`{"vitamin":{"${segment}":{"x":1}}}`) as Record<string, unknown>;
    expect(() => new InMemoryConfig(properties, 'application.yaml')).toThrow(
      `application.yaml: property key 'vitamin.${segment}' is not allowed`,
    );
  });
});
