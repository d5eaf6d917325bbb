import { describe, expect, it } from 'vitest';
import { RollingCounts } from './rolling-counts.js';

describe('RollingCounts', () => {
  it('sums the window and drops buckets as they age out, one second at a time', () => {
    const counts = new RollingCounts(2, 10_000, 10, 0);
    counts.add(0, 0);
    counts.add(0, 999);
    counts.add(1, 1000);
    counts.add(0, 9999);
    expect([counts.sum(0, 9999), counts.sum(1, 9999)]).toEqual([3, 1]);
    expect(counts.sum(0, 10_000)).toBe(1);
    expect(counts.sum(1, 10_999)).toBe(1);
    expect(counts.sum(1, 11_000)).toBe(0);
    expect(counts.sum(0, 19_999)).toBe(0);
  });

  it('forgets everything after a long idle gap', () => {
    const counts = new RollingCounts(1, 10_000, 10, 0);
    counts.add(0, 500);
    expect(counts.sum(0, 500_000)).toBe(0);
    counts.add(0, 500_001);
    expect(counts.sum(0, 500_002)).toBe(1);
  });

  it('refuses a window without buckets', () => {
    expect(() => new RollingCounts(1, 10_000, 0, 0)).toThrow(/buckets ≥ 1/);
  });
});
