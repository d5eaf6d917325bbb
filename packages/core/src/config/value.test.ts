import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getMetadata, VALUES } from '../metadata/index.js';
import { InMemoryConfig } from './config.js';
import { injectValues } from './inject-values.js';
import { defineValue, Value } from './value.js';

class Base {
  @Value('a.x', { default: 1 })
  readonly x!: number;
}

class Derived extends Base {
  @Value('a.y', { default: 'y', schema: z.string().min(1) })
  readonly y!: string;
}

describe('@Value', () => {
  it('only records the key, default and schema of each field, own and inherited', () => {
    const values = getMetadata(VALUES, Derived.prototype)!;
    expect(values.map(({ field, key, default: d }) => [field, key, d])).toEqual([
      ['x', 'a.x', 1],
      ['y', 'a.y', 'y'],
    ]);
    expect(getMetadata(VALUES, Base.prototype)).toHaveLength(1);
  });

  it('refuses a malformed key where the field is declared', () => {
    expect(() => defineValue(class {}, 'f', 'a.__proto__')).toThrow(
      "@Value on f: property key 'a.__proto__' is not valid",
    );
  });

  it('keeps the field current and read-only once values are injected', () => {
    const config = new InMemoryConfig({ a: { x: 5 } });
    const instance = new Derived();
    const stop = injectValues(instance, config);
    expect([instance.x, instance.y]).toEqual([5, 'y']);
    config.set({ 'a.x': 6, 'a.y': 'z' });
    expect([instance.x, instance.y]).toEqual([6, 'z']);
    expect(() => ((instance as { x: number }).x = 7)).toThrow(TypeError);
    stop();
    config.set({ 'a.x': 8 });
    expect(instance.x).toBe(6);
  });
});
