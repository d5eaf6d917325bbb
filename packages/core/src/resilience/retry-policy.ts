import { HttpError } from '../errors/http-error.js';
import { isVitaminError } from '../errors/vitamin-error.js';
import type { Clock } from '../metrics/clock.js';
import { RollingCounts } from '../metrics/rolling-counts.js';
import type { ResolvedCommandOptions } from './command-options.js';

const CALLS = 0;
const RETRIES = 1;

/**
 * Whether trying the same call again (on another instance) may succeed: connection failures,
 * transport timeouts and 503 answers. Bad requests and other statuses are final.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof HttpError) return error.status === 503;
  return isVitaminError(error) && error.retryable;
}

/**
 * Retries for a command's work: jittered exponential backoff, at most `retryMaxAttempts` attempts,
 * idempotent operations only, and a retry budget: over the rolling window, retries stay below
 * `retryBudgetPercent` % of calls (plus `retryMinPerWindow`), so a failing dependency never sees a
 * retry storm. Options are the command's, read on each use.
 */
export class RetryPolicy {
  /** Source of jitter in [0, 1); tests replace it with a seeded one. */
  random: () => number = Math.random;
  private budget: RollingCounts | undefined;

  constructor(
    private readonly owner: { readonly options: ResolvedCommandOptions },
    private readonly clock: Clock,
  ) {}

  /** Counts one call (not attempt) towards the budget: call once per call. */
  recordCall(): void {
    this.counts().add(CALLS, this.clock.now());
  }

  /**
   * Whether to try again after `attempts` failed attempts ending with `error`; takes from the budget
   * when it says yes.
   */
  shouldRetry(error: unknown, attempts: number, idempotent: boolean): boolean {
    const options = this.owner.options;
    if (!idempotent || attempts >= options.retryMaxAttempts || !isRetryable(error)) return false;
    const now = this.clock.now();
    const counts = this.counts();
    const allowed = (counts.sum(CALLS, now) * options.retryBudgetPercent) / 100 + options.retryMinPerWindow;
    if (counts.sum(RETRIES, now) + 1 > allowed) return false;
    counts.add(RETRIES, now);
    return true;
  }

  /** Backoff before the retry that follows `attempts` attempts, in ms (full jitter). */
  delayMs(attempts: number): number {
    const { retryBaseDelayMs, retryMaxDelayMs } = this.owner.options;
    const ceiling = Math.min(retryMaxDelayMs, retryBaseDelayMs * 2 ** (attempts - 1));
    return Math.floor(this.random() * ceiling);
  }

  /** Retries taken and calls counted over the rolling window. */
  usage(): { calls: number; retries: number } {
    const now = this.clock.now();
    return { calls: this.counts().sum(CALLS, now), retries: this.counts().sum(RETRIES, now) };
  }

  private counts(): RollingCounts {
    const { rollingWindowMs, rollingBuckets } = this.owner.options;
    return (this.budget ??= new RollingCounts(2, rollingWindowMs, rollingBuckets, this.clock.now()));
  }
}

/** Waits `ms`, or less when `signal` aborts (then rejects with its reason). */
export function backoff(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
