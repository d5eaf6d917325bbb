import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InMemoryConfig } from './config.js';
import { Configuration } from './configuration.js';
import { DynamicProperty } from './dynamic-property.js';
import { LayeredConfig } from './layered-config.js';

const layered = () => new LayeredConfig({ layers: ['file', 'store'] });
const put = (config: LayeredConfig, record: Record<string, unknown>) =>
  config.update(new Map([['store', new Map(Object.entries(record))]]));

describe('DynamicProperty', () => {
  it('starts at the default, follows changes, and tells listeners the new and old value', () => {
    const config = layered();
    const maxItems = new DynamicProperty(config, 'order.maxItems', { default: 10 });
    const seen: [number, number][] = [];
    maxItems.onChange((value, previous) => seen.push([value, previous]));
    expect(maxItems.value).toBe(10);
    put(config, { 'order.maxItems': 20 });
    put(config, {});
    expect(seen).toEqual([
      [20, 10],
      [10, 20],
    ]);
    expect(config.describe('order.maxItems')).toEqual({ key: 'order.maxItems', value: 10, source: 'default' });
  });

  it('refuses a value its schema refuses, keeping the last good one', () => {
    const config = layered();
    const size = new DynamicProperty(config, 'pool.size', { default: 4, schema: z.number().int().min(1) });
    put(config, { 'pool.size': 8 });
    put(config, { 'pool.size': 0 });
    expect(size.value).toBe(8);
    expect(config.get('pool.size')).toBe(8);
    expect(config.refusals()).toHaveLength(1);
    expect(config.refusals()[0]?.reason).toMatch(/>=\s?1/);
  });

  it('without a schema, refuses a value of another type than the default', () => {
    const config = layered();
    const flag = new DynamicProperty(config, 'feature.on', { default: false });
    put(config, { 'feature.on': 'yes' });
    expect(flag.value).toBe(false);
    expect(config.refusals()[0]?.reason).toBe('expected a boolean, got a string');
  });

  it('shows every property of a change to the first listener (no half-applied state)', () => {
    const config = layered();
    const a = new DynamicProperty(config, 'a', { default: 0 });
    const b = new DynamicProperty(config, 'b', { default: 0 });
    const seen: number[][] = [];
    a.onChange(() => seen.push([a.value, b.value]));
    put(config, { a: 1, b: 1 });
    expect(seen).toEqual([[1, 1]]);
  });

  it('works over any Config, such as InMemoryConfig', () => {
    const config = new InMemoryConfig({ x: 1 });
    const x = new DynamicProperty(config, 'x', { default: 0 });
    config.set({ x: 2 });
    expect(x.value).toBe(2);
    x.close();
    config.set({ x: 3 });
    expect(x.value).toBe(2);
  });

  it('throws at boot when the current value is invalid', () => {
    const config = new InMemoryConfig({ n: 'ten' });
    expect(() => new DynamicProperty(config, 'n', { default: 1 })).toThrow(
      "property 'n' is invalid: expected a number",
    );
  });
});

describe('Configuration', () => {
  const Pool = z.object({ min: z.number().int(), max: z.number().int(), name: z.string().default('main') });

  it('builds a typed object from the keys under a prefix and refuses a change that breaks it', () => {
    const config = layered();
    put(config, { 'pool.min': 1, 'pool.max': 4 });
    const pool = new Configuration(
      config,
      'pool',
      Pool.refine((p) => p.min <= p.max, 'min must not exceed max'),
    );
    const seen: unknown[] = [];
    pool.onChange((value, previous) => seen.push([value.max, previous.max]));
    expect(pool.value).toEqual({ min: 1, max: 4, name: 'main' });
    put(config, { 'pool.min': 9, 'pool.max': 4 });
    expect(pool.value.min).toBe(1);
    expect(config.refusals()[0]?.reason).toBe('min must not exceed max');
    put(config, { 'pool.min': 2, 'pool.max': 8 });
    expect(pool.value).toEqual({ min: 2, max: 8, name: 'main' });
    expect(seen).toEqual([[8, 4]]);
  });

  it('fails at boot naming the property', () => {
    const config = layered();
    put(config, { 'pool.min': 'one', 'pool.max': 4 });
    expect(() => new Configuration(config, 'pool', Pool)).toThrow("properties under 'pool' are invalid: pool.min:");
  });
});
