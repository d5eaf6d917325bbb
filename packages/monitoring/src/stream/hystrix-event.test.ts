import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '@vitamin/core';
import type { CommandSample } from '../samples/command-sample.js';
import { parseEvent, readCommand, readPool } from './hystrix-event.js';

const readSample = (payload: string) => {
  const event = parseEvent(payload);
  if (event === undefined) return undefined;
  return event.kind === 'command' ? readCommand(event) : readPool(event);
};

const command = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'HystrixCommand',
    name: 'Orders#get',
    group: 'orders',
    currentTime: 1000,
    isCircuitBreakerOpen: false,
    requestCount: 10,
    errorCount: 1,
    rollingCountSuccess: 9,
    rollingCountFailure: 1,
    rollingCountTimeout: 0,
    rollingCountShortCircuited: 0,
    rollingCountSemaphoreRejected: 0,
    rollingCountThreadPoolRejected: 0,
    currentConcurrentExecutionCount: 0,
    vitaminLatencyHistogram: new LatencyHistogram().encode(),
    ...fields,
  });

describe('readSample', () => {
  it('reads a HystrixCommand event with its histogram and counts', () => {
    const sample = readSample(command({ latencyExecute: { '99': 7 }, propertyValue_x: 3 })) as CommandSample;
    expect(sample).toMatchObject({ kind: 'command', group: 'orders', properties: { propertyValue_x: 3 } });
    // requestCount, errorCount, success, failure, …, badRequests (absent: 0)
    expect([...sample.counts.slice(0, 4), sample.counts[8]]).toEqual([10, 1, 9, 1, 0]);
    expect(sample.histogram.isEmpty).toBe(false);
    expect(sample.percentiles[6]).toBe(7);
  });

  it('reads a HystrixThreadPool event', () => {
    const pool = readSample(
      JSON.stringify({ type: 'HystrixThreadPool', name: 'orders', currentTime: 5, currentActiveCount: 2 }),
    );
    expect(pool).toMatchObject({ kind: 'pool', currentTime: 5, rollingWindowMs: 10_000 });
    expect(pool!.counts[0]).toBe(2);
  });

  it('ignores event types it does not aggregate', () => {
    expect(readSample('{"type":"VitaminConsumer","name":"x"}')).toBeUndefined();
  });

  it.each([
    ['{"type":"HystrixCommand"', /not JSON/],
    ['[1,2]', /not an object/],
    ['{"name":"x"}', /no string field type/],
    [command({ name: '' }), /name is not a name/],
    [command({ requestCount: 'lots' }), /'Orders#get': requestCount is not a number ≥ 0/],
    [command({ errorCount: -1 }), /errorCount is not a number ≥ 0/],
    [command({ isCircuitBreakerOpen: 'yes' }), /isCircuitBreakerOpen is not a boolean/],
    [command({ vitaminLatencyHistogram: 'AAAA' }), /vitaminLatencyHistogram/],
    [command({ vitaminLatencyHistogram: undefined }), /neither latencyExecute nor/],
    [command({ currentTime: 'now' }), /currentTime is not a time/],
    [command({ latencyExecute: { '99': 'slow' } }), /latencyExecute.99 is not a latency/],
    ['{"type":"HystrixThreadPool","name":"p","currentTime":1}', /currentActiveCount is not a number/],
  ])('refuses %s, naming what is wrong', (payload, reason) => {
    expect(() => readSample(payload)).toThrow(reason);
  });
});
