import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '@vitamin/core';
import type { CommandSample } from '../stream/hystrix-sample.js';
import { InstanceSamples } from './instance-samples.js';
import { mergeCommands } from './merge.js';

function sample(name: string, latencies: number[] | undefined, fields: Partial<CommandSample> = {}): CommandSample {
  const histogram = new LatencyHistogram();
  for (const ms of latencies ?? []) histogram.record(ms);
  const count = latencies?.length ?? 4;
  return {
    kind: 'command',
    name,
    group: 'g',
    currentTime: 1,
    isCircuitBreakerOpen: false,
    counts: {
      requestCount: count,
      errorCount: 0,
      rollingCountSuccess: count,
      rollingCountFailure: 0,
      rollingCountTimeout: 0,
      rollingCountShortCircuited: 0,
      rollingCountSemaphoreRejected: 0,
      rollingCountThreadPoolRejected: 0,
      rollingCountBadRequests: 0,
      rollingCountFallbackSuccess: 0,
      rollingCountFallbackFailure: 0,
      currentConcurrentExecutionCount: 0,
      rollingMaxConcurrentExecutionCount: 0,
    },
    histogram: latencies === undefined ? undefined : histogram.encode(),
    percentiles: { '50': 10, '99': 20 },
    meanMs: 10,
    properties: {},
    ...fields,
  };
}

const instance = (...samples: CommandSample[]) => {
  const store = new InstanceSamples();
  for (const s of samples) store.add(s, 1000);
  return store;
};

describe('mergeCommands', () => {
  it('takes the p99 of every request, not the average of the instances’ p99s', () => {
    const fast = Array.from({ length: 990 }, () => 1);
    const slow = Array.from({ length: 10 }, () => 500);
    const [merged] = mergeCommands([instance(sample('c', fast)), instance(sample('c', slow))], 1000, 5000, true);
    expect(merged).toMatchObject({ reportingHosts: 2, isLatencyExact: true, counts: { requestCount: 1000 } });
    expect(merged!.percentiles['99']).toBe(1);
    expect(merged!.percentiles['99.5']).toBeGreaterThanOrEqual(490);
    expect(merged!.histogram!.count).toBe(1000);
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
      true,
    );
    expect(merged[0]).toMatchObject({ openHosts: 1, reportingHosts: 3 });
  });

  it('leaves out samples older than staleAfterMs', () => {
    const merged = mergeCommands([instance(sample('c', [1]))], 7000, 5000, true);
    expect(merged).toEqual([]);
  });

  it('averages percentiles, weighted and marked inexact, when an instance sends no histogram', () => {
    const [merged] = mergeCommands(
      [instance(sample('c', undefined)), instance(sample('c', undefined))],
      1000,
      5000,
      true,
    );
    expect(merged).toMatchObject({ isLatencyExact: false, histogram: undefined, percentiles: { '99': 20 } });
  });

  it('refuses more command names per instance than the limit', () => {
    const store = new InstanceSamples();
    for (let i = 0; i < InstanceSamples.MAX_NAMES; i++) store.add(sample(`c${i}`, [1]), 1);
    expect(() => store.add(sample('one-more', [1]), 1)).toThrow(/more than 5000 command names/);
  });
});
