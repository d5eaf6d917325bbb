import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HttpHistogram } from './http-histogram.js';

describe('http histogram', () => {
  it('counts each value in the first bucket whose bound it does not exceed, and exposes cumulative buckets', async () => {
    const histogram = new HttpHistogram('demo_seconds', 'Demo.', [0.1, 1]);
    const series = histogram.seriesFor({ route: '/a' });
    for (const value of [0.05, 0.1, 0.5, 2, 3]) series.observe(value);
    expect([...series.counts]).toEqual([2, 1, 2]);
    const registry = new Registry();
    registry.registerMetric(histogram.metric());
    expect(await registry.metrics()).toBe(
      [
        '# HELP demo_seconds Demo.',
        '# TYPE demo_seconds histogram',
        'demo_seconds_bucket{route="/a",le="0.1"} 2',
        'demo_seconds_bucket{route="/a",le="1"} 3',
        'demo_seconds_bucket{route="/a",le="+Inf"} 5',
        'demo_seconds_sum{route="/a"} 5.65',
        'demo_seconds_count{route="/a"} 5',
        '',
      ].join('\n'),
    );
  });
});
