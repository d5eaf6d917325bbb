import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commandProperty } from './chained-property.js';
import { LayeredConfig } from './layered-config.js';

const put = (config: LayeredConfig, record: Record<string, unknown>) =>
  config.update(new Map([['store', new Map(Object.entries(record))]]));

describe('command properties', () => {
  it('resolve from the command key, then the default key, then the built-in default, live', () => {
    const config = new LayeredConfig({ layers: ['store'] });
    const timeout = commandProperty(config, 'getDelivery', 'timeoutMs', { default: 1000 });
    const seen: [number, number][] = [];
    timeout.onChange((value, previous) => seen.push([value, previous]));
    expect(timeout.value).toBe(1000);
    put(config, { 'vitamin.command.default.timeoutMs': 2000 });
    expect(timeout.value).toBe(2000);
    put(config, { 'vitamin.command.default.timeoutMs': 2000, 'vitamin.command.getDelivery.timeoutMs': 300 });
    expect(timeout.value).toBe(300);
    put(config, {});
    expect(timeout.value).toBe(1000);
    expect(seen).toEqual([
      [2000, 1000],
      [300, 2000],
      [1000, 300],
    ]);
  });

  it('refuses a value of the wrong type or outside the schema at every level', () => {
    const config = new LayeredConfig({ layers: ['store'] });
    const timeout = commandProperty(config, 'k', 'timeoutMs', { default: 1000 });
    const size = commandProperty(config, 'k', 'maxConcurrent', { default: 10, schema: z.number().int().min(1) });
    put(config, { 'vitamin.command.k.timeoutMs': 'fast', 'vitamin.command.default.maxConcurrent': 0 });
    expect([timeout.value, size.value]).toEqual([1000, 10]);
    expect(config.refusals().map((r) => r.key)).toEqual([
      'vitamin.command.k.timeoutMs',
      'vitamin.command.default.maxConcurrent',
    ]);
  });
});
