import { describe, expect, it } from 'vitest';
import { StaticRegistry } from '@vitamin/core';
import { DEFAULT_MONITOR_OPTIONS, resolveMonitorOptions } from './monitor-options.js';

describe('resolveMonitorOptions', () => {
  const registry = new StaticRegistry();

  it('applies the defaults, loopback and an ephemeral port first', () => {
    expect(resolveMonitorOptions({ registry })).toMatchObject({
      ...DEFAULT_MONITOR_OPTIONS,
      host: '127.0.0.1',
      port: 0,
    });
  });

  it.each([
    [{ intervalMs: 0 }, /intervalMs: 0 is not a whole number/],
    [{ port: 70000 }, /port: 70000 is not a port/],
    [{ clusters: ['../etc'] }, /clusters: '..\/etc' is not a service name/],
    [{ actuatorPath: 'actuator' }, /actuatorPath: 'actuator' must start with \//],
  ])('refuses %o naming the option', (options, message) => {
    expect(() => resolveMonitorOptions({ registry, ...options })).toThrow(message);
  });
});
