import { describe, expect, it } from 'vitest';
import { isLoopback, sameSecret } from './access.js';

describe('actuator access', () => {
  it('compares tokens whatever their lengths', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
    expect(sameSecret('abc'.repeat(100), 'abc')).toBe(false);
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '10.0.0.1', '::', '128.0.0.1'].map(isLoopback)).toEqual([false, false, false, false]);
  });
});
