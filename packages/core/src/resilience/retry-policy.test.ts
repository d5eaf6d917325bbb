import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../errors/http-error.js';
import { VitaminError } from '../errors/vitamin-error.js';
import { resolveCommandOptions } from './command-options.js';
import { isRetryable, RetryPolicy } from './retry-policy.js';
import { seeded } from '../../test/support/commands.js';

afterEach(() => vi.useRealTimers());

const connectError = () => new VitaminError('VITAMIN_E_CONNECT', 'refused');

function policy(options = {}) {
  vi.useFakeTimers({ now: 0 });
  const owner = { options: resolveCommandOptions(options) };
  return new RetryPolicy(owner, { now: () => Date.now() });
}

describe('RetryPolicy', () => {
  it('retries connect errors, timeouts and 503, nothing else', () => {
    expect(isRetryable(connectError())).toBe(true);
    expect(isRetryable(new VitaminError('VITAMIN_E_TIMEOUT', 'slow'))).toBe(true);
    expect(isRetryable(new HttpError(503, 'unavailable'))).toBe(true);
    expect(isRetryable(new HttpError(500, 'boom'))).toBe(false);
    expect(isRetryable(new HttpError(404, 'missing'))).toBe(false);
    expect(isRetryable(new VitaminError('VITAMIN_E_COMMAND_TIMEOUT', 'overall'))).toBe(false);
    expect(isRetryable(new Error('plain'))).toBe(false);
  });

  it('retries idempotent operations only, up to retryMaxAttempts attempts', () => {
    const retry = policy({ retryMaxAttempts: 3, retryMinPerWindow: 100 });
    retry.recordCall();
    expect(retry.shouldRetry(connectError(), 1, false)).toBe(false);
    expect(retry.shouldRetry(connectError(), 1, true)).toBe(true);
    expect(retry.shouldRetry(connectError(), 2, true)).toBe(true);
    expect(retry.shouldRetry(connectError(), 3, true)).toBe(false);
  });

  it('keeps retries within 20 % of calls (plus the floor) under a failing dependency', () => {
    const retry = policy({ retryMaxAttempts: 5 });
    let retries = 0;
    for (let call = 0; call < 1000; call++) {
      retry.recordCall();
      for (let attempts = 1; retry.shouldRetry(connectError(), attempts, true); attempts++) retries++;
      vi.advanceTimersByTime(5);
    }
    // 1,000 calls in 5 s, all inside one 10 s window.
    expect(retries).toBeLessThanOrEqual(0.2 * 1000 + 10);
    expect(retries).toBeGreaterThanOrEqual(0.2 * 1000);
    expect(retry.usage()).toEqual({ calls: 1000, retries });
  });

  it('backs off exponentially with full jitter, capped at retryMaxDelayMs', () => {
    const retry = policy({ retryBaseDelayMs: 100, retryMaxDelayMs: 500 });
    retry.random = seeded(7);
    for (let attempts = 1; attempts <= 6; attempts++) {
      const ceiling = Math.min(500, 100 * 2 ** (attempts - 1));
      for (let i = 0; i < 50; i++) {
        const delay = retry.delayMs(attempts);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
    retry.random = () => 0.999;
    expect(retry.delayMs(10)).toBe(499);
  });
});
