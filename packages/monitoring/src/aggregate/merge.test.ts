import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '@vitamin/core';
import { InstanceSamples } from '../samples/instance-samples.js';
import { mergeCommands } from './merge.js';

/** One HystrixCommand event as an instance streams it; `latencies` undefined: a plain Hystrix one. */
function sample(name: string, latencies: number[] | undefined, fields: Record<string, unknown> = {}): string {
  const histogram = new LatencyHistogram();
  for (const ms of latencies ?? []) histogram.record(ms);
  const count = latencies?.length ?? 4;
  return JSON.stringify({
    type: 'HystrixCommand',
    name,
    group: 'g',
    currentTime: 1,
    isCircuitBreakerOpen: false,
    requestCount: count,
    errorCount: 0,
    rollingCountSuccess: count,
    rollingCountFailure: 0,
    rollingCountTimeout: 0,
    rollingCountShortCircuited: 0,
    rollingCountSemaphoreRejected: 0,
    rollingCountThreadPoolRejected: 0,
    currentConcurrentExecutionCount: 0,
    vitaminLatencyHistogram: latencies === undefined ? undefined : histogram.encode(),
    latencyExecute: { '50': 10, '99': 20 },
    latencyExecute_mean: 10,
    ...fields,
  });
}

const instance = (...samples: string[]) => {
  const store = new InstanceSamples();
  for (const s of samples) store.add(s, 1000);
  return store;
};

describe('mergeCommands', () => {
  it('takes the p99 of every request, not the average of the instances’ p99s', () => {
    const fast = Array.from({ length: 990 }, () => 1);
    const slow = Array.from({ length: 10 }, () => 500);
    const [merged] = mergeCommands([instance(sample('c', fast)), instance(sample('c', slow))], 1000, 5000, 'histogram');
    expect(merged).toMatchObject({ reportingHosts: 2, isLatencyExact: true, counts: { requestCount: 1000 } });
    expect(merged!.percentiles['99']).toBe(1);
    expect(merged!.percentiles['99.5']).toBeGreaterThanOrEqual(490);
    expect(LatencyHistogram.decode(merged!.histogram!).count).toBe(1000);
  });

  it('counts the instances with an open circuit', () => {
    const merged = mergeCommands(
      [
        instance(sample('c', [1], { isCircuitBreakerOpen: true })),
        instance(sample('c', [1])),
        instance(sample('c', [1])),
      ],
      1000,
      5000,
      'latency',
    );
    expect(merged[0]).toMatchObject({ openHosts: 1, reportingHosts: 3 });
  });

  it('leaves out samples older than staleAfterMs', () => {
    const merged = mergeCommands([instance(sample('c', [1]))], 7000, 5000, 'latency');
    expect(merged).toEqual([]);
  });

  it('averages percentiles, weighted and marked inexact, when an instance sends no histogram', () => {
    const [merged] = mergeCommands(
      [instance(sample('c', undefined)), instance(sample('c', undefined))],
      1000,
      5000,
      'latency',
    );
    expect(merged).toMatchObject({ isLatencyExact: false, histogram: undefined, percentiles: { '99': 20 } });
  });

  it('weights an instance’s own histogram percentiles with a plain Hystrix instance’s, by requests', () => {
    const exact = Array.from({ length: 12 }, () => 40);
    const [merged] = mergeCommands(
      [instance(sample('c', exact)), instance(sample('c', undefined))],
      1000,
      5000,
      'latency',
    );
    // (40 ms × 12 requests + 20 ms × 4 requests) / 16
    expect(merged).toMatchObject({ isLatencyExact: false, percentiles: { '99': 35 } });
  });

  it('merges only what the detail asks for', () => {
    const store = instance(sample('c', [5, 6]));
    const [counts] = mergeCommands([store], 1000, 5000, 'counts');
    expect(counts).toMatchObject({ percentiles: {}, meanMs: 0, histogram: undefined, counts: { requestCount: 2 } });
    const [latency] = mergeCommands([store], 1000, 5000, 'latency');
    expect(latency).toMatchObject({ percentiles: { '100': 6 }, histogram: undefined });
  });

  it('keeps only the latest event of each command, and the last good one when an event is garbage', () => {
    const store = instance(sample('c', [100, 100]));
    store.add(sample('c', [1], { currentTime: 2 }), 1500);
    expect(() => store.add(sample('c', [900], { requestCount: -1 }), 1600)).toThrow(/requestCount/);
    const [merged] = mergeCommands([store], 1600, 5000, 'histogram');
    expect(merged).toMatchObject({ counts: { requestCount: 1 }, percentiles: { '100': 1 }, newestEventTime: 2 });
    expect(LatencyHistogram.decode(merged!.histogram!).count).toBe(1);
  });

  it('refuses more command names per instance than the limit', () => {
    const store = new InstanceSamples();
    for (let i = 0; i < InstanceSamples.MAX_NAMES; i++) store.add(sample(`c${i}`, [1]), 1);
    expect(() => store.add(sample('one-more', [1]), 1)).toThrow(/more than 5000 command names/);
  });
});
