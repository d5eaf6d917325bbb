import { AsyncResource } from 'node:async_hooks';
import type { PoolSnapshot } from '../metrics/group-metrics.js';

/** Options of a group's {@link ConcurrencyPool}; properties `vitamin.pool.<group>.<option>`. */
export interface PoolOptions {
  /**
   * Most executions of the group's commands running at once; `0` means the group has no pool.
   * @defaultValue `0`
   */
  maxConcurrent?: number;
  /**
   * Executions that may wait for a free slot; more are rejected at once.
   * @defaultValue `0`
   */
  maxQueue?: number;
}

/** {@link PoolOptions} with every field set. */
export type ResolvedPoolOptions = Readonly<Required<PoolOptions>>;

/** The built-in pool defaults: no pool, so a group is bounded only by its commands' bulkheads. */
export const DEFAULT_POOL_OPTIONS: ResolvedPoolOptions = Object.freeze({ maxConcurrent: 0, maxQueue: 0 });

/**
 * Fills in the defaults of `options`.
 * @throws RangeError when a value is not an integer ≥ 0
 */
export function resolvePoolOptions(options: PoolOptions = {}): ResolvedPoolOptions {
  const resolved = { ...DEFAULT_POOL_OPTIONS, ...options };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`pool option ${name} must be an integer ≥ 0, got ${value}`);
  }
  return Object.freeze(resolved);
}

/**
 * The concurrency pool of a command group (Hystrix's thread pool, without threads): at most
 * `maxConcurrent` executions, a bounded FIFO queue, immediate rejection when both are full.
 */
export class ConcurrencyPool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(public options: ResolvedPoolOptions) {}

  /** Whether the pool bounds anything (`maxConcurrent` > 0). */
  get isEnabled(): boolean {
    return this.options.maxConcurrent > 0;
  }

  /**
   * Runs `start` now if a slot is free, later if the queue has room; returns `false` (and never
   * runs it) when both are full. `start` must call {@link ConcurrencyPool.release} when done.
   */
  submit(start: () => void): boolean {
    if (this.running < this.options.maxConcurrent) {
      this.running++;
      start();
      return true;
    }
    if (this.waiting.length >= this.options.maxQueue) return false;
    // A queued start runs when another execution releases its slot: bind it to the caller's async
    // context, so its trace (and anything else in AsyncLocalStorage) is the caller's, not the releaser's.
    this.waiting.push(AsyncResource.bind(start));
    return true;
  }

  /** Frees a slot, starting the oldest waiting execution. */
  release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.running--;
    else next();
  }

  /** Current use, for metrics. */
  snapshot(): PoolSnapshot {
    return { active: this.running, queued: this.waiting.length, ...this.options };
  }
}
