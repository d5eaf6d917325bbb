import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '@vitamin/core';
import { readSample } from './hystrix-sample.js';

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
    expect(readSample(command())).toMatchObject({
      kind: 'command',
      name: 'Orders#get',
      counts: { requestCount: 10, rollingCountFailure: 1, rollingCountBadRequests: 0 },
    });
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
  ])('refuses %s, naming what is wrong', (payload, reason) => {
    expect(() => readSample(payload)).toThrow(reason);
  });
});
