import { DEFAULT_ROLLING_WINDOW_MS } from './rolling-window.js';

/** The counters of a `HystrixThreadPool` event the monitor sums across instances. */
export const POOL_COUNTERS = Object.freeze([
  'currentActiveCount',
  'currentQueueSize',
  'currentPoolSize',
  'rollingCountThreadsExecuted',
  'rollingCountCommandRejections',
  'rollingMaxActiveThreads',
] as const);

export type PoolCounter = (typeof POOL_COUNTERS)[number];

/** One instance's latest view of one group (Hystrix thread pool); updated in place like a command. */
export class PoolSample {
  readonly kind = 'pool';
  currentTime = 0;
  receivedAt = 0;
  /** In the order of {@link POOL_COUNTERS}. */
  readonly counts = new Float64Array(POOL_COUNTERS.length);
  /** The rolling window the instance counts over, in ms (Hystrix's default when it does not say). */
  rollingWindowMs = DEFAULT_ROLLING_WINDOW_MS;

  constructor(readonly name: string) {}

  copyFrom(other: PoolSample, receivedAt: number): void {
    this.currentTime = other.currentTime;
    this.receivedAt = receivedAt;
    this.counts.set(other.counts);
    this.rollingWindowMs = other.rollingWindowMs;
  }
}
