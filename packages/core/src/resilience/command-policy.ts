import type { Config } from '../config/config.js';
import { VitaminError } from '../errors/vitamin-error.js';
import type { Clock } from '../metrics/clock.js';
import { COMMAND_EVENT } from '../metrics/command-events.js';
import { CommandMetrics } from '../metrics/command-metrics.js';
import { isBadRequest } from './bad-request.js';
import { Bulkhead } from './bulkhead.js';
import { ADMIT, CircuitBreaker, type CircuitTransition } from './circuit-breaker.js';
import {
  checkCommandOption,
  COMMAND_OPTION_NAMES,
  resolveCommandOptions,
  type CommandOptions,
  type ResolvedCommandOptions,
} from './command-options.js';
import type { CommandWork, Fallback } from './command-types.js';
import type { ConcurrencyPool } from './concurrency-pool.js';
import { DynamicOptions } from './dynamic-options.js';
import { Execution } from './execution.js';
import { RetryPolicy } from './retry-policy.js';
import type { Deadline, TimerWheel } from './timer-wheel.js';

/** The execution whose promise is being created; lets one shared executor serve every call. */
let opening: { resolve: (value: never) => void; reject: (reason: unknown) => void } | undefined;
const attach = (resolve: (value: never) => void, reject: (reason: unknown) => void): void => {
  opening!.resolve = resolve;
  opening!.reject = reject;
  opening = undefined;
};

/** What a {@link CommandPolicy} is built from; {@link CommandRegistry} fills it in. */
export interface CommandInit {
  readonly key: string;
  readonly group: string;
  /** Options given in code (the decorator's); properties override them. */
  readonly options?: CommandOptions | undefined;
  readonly config?: Config | undefined;
  readonly clock: Clock;
  readonly wheel: TimerWheel;
  /** The group's pool (shared by every command of the group). */
  readonly pool: ConcurrencyPool;
  readonly onTransition: (transition: CircuitTransition) => void;
  readonly onInvalidOption: (message: string) => void;
}

/**
 * A command: everything that protects calls under one key (circuit breaker, semaphore bulkhead,
 * overall timeout, fallback, retry policy, metrics). Any number of call sites can run work through
 * the same command with {@link CommandPolicy.execute}; they share its state, as in Hystrix.
 */
export class CommandPolicy {
  readonly key: string;
  readonly group: string;
  readonly metrics: CommandMetrics;
  readonly breaker: CircuitBreaker;
  readonly bulkhead: Bulkhead;
  /** Retries for work that calls a dependency across instances; see {@link RetryPolicy}. */
  readonly retry: RetryPolicy;
  /** The options in force (code, then properties), re-read when a property changes. */
  options: ResolvedCommandOptions;
  private readonly dynamic: DynamicOptions<keyof CommandOptions>;
  private readonly clock: Clock;
  private readonly wheel: TimerWheel;
  private readonly pool: ConcurrencyPool;
  /** An operator's force open / force closed (from the actuator), above every property. */
  private forced: Pick<ResolvedCommandOptions, 'forceOpen' | 'forceClosed'> | undefined;

  constructor(init: CommandInit) {
    this.key = init.key;
    this.group = init.group;
    this.clock = init.clock;
    this.wheel = init.wheel;
    this.pool = init.pool;
    this.dynamic = new DynamicOptions(
      {
        prefixes: [`vitamin.command.${init.key}.`, 'vitamin.command.default.'],
        names: COMMAND_OPTION_NAMES,
        check: checkCommandOption,
        base: resolveCommandOptions(init.options),
        onInvalid: init.onInvalidOption,
      },
      init.config,
      () => this.apply(),
    );
    const options = (this.options = this.dynamic.current as ResolvedCommandOptions);
    const { rollingWindowMs, rollingBuckets } = options;
    this.metrics = new CommandMetrics(init.key, init.group, init.clock, rollingWindowMs, rollingBuckets);
    this.breaker = new CircuitBreaker(
      init.key,
      options,
      init.clock,
      rollingWindowMs,
      rollingBuckets,
      init.onTransition,
    );
    this.metrics.circuit = () => this.breaker.state;
    this.bulkhead = new Bulkhead(options.maxConcurrent);
    this.retry = new RetryPolicy(this, init.clock);
  }

  /**
   * Runs `work` with `args` under this command. Resolves with the work's result or the fallback's;
   * rejects with the work's error (bad requests always), or with `VITAMIN_E_CIRCUIT_OPEN`,
   * `VITAMIN_E_BULKHEAD_FULL`, `VITAMIN_E_POOL_FULL` or `VITAMIN_E_COMMAND_TIMEOUT` when there is
   * no fallback.
   */
  execute<const A extends readonly unknown[], R>(
    work: CommandWork<A, R>,
    args: A,
    fallback?: Fallback<A, R>,
  ): Promise<R> {
    const now = this.clock.now();
    const admission = this.breaker.admit();
    if (admission === ADMIT.rejected) {
      this.metrics.mark(COMMAND_EVENT.shortCircuited, now);
      return this.recover(args, fallback, this.rejection('VITAMIN_E_CIRCUIT_OPEN'));
    }
    if (!this.bulkhead.tryAcquire()) {
      this.metrics.mark(COMMAND_EVENT.bulkheadRejected, now);
      this.breaker.onFailure(admission, now);
      return this.recover(args, fallback, this.rejection('VITAMIN_E_BULKHEAD_FULL'));
    }
    this.metrics.concurrency++;
    const pooled = this.pool.isEnabled;
    const execution = new Execution(this, work, args, fallback, admission, now, pooled);
    opening = execution;
    const promise = new Promise<R>(attach);
    if (this.options.timeoutEnabled) this.wheel.schedule(execution, this.options.timeoutMs, now);
    if (!pooled) execution.start();
    else if (!this.pool.submit(() => execution.start())) {
      this.bulkhead.release();
      this.metrics.concurrency--;
      execution.settled = true;
      this.wheel.cancel(execution);
      this.metrics.mark(COMMAND_EVENT.poolRejected, now);
      this.breaker.onFailure(admission, now);
      return this.recover(args, fallback, this.rejection('VITAMIN_E_POOL_FULL'));
    }
    return promise;
  }

  /** Stops following the config and the breaker's timer. */
  close(): void {
    this.dynamic.close();
    this.breaker.close();
  }

  /** @internal Returns the permits of an execution whose work settled. */
  release(execution: { readonly pooled: boolean }): void {
    this.bulkhead.release();
    this.metrics.concurrency--;
    if (execution.pooled) this.pool.release();
  }

  /** @internal Records how an execution ended and settles its caller (success is resolved by it). */
  finish<A extends readonly unknown[], R>(execution: Execution<A, R>, event: number, error: unknown): void {
    const now = this.clock.now();
    this.wheel.cancel(execution);
    this.metrics.histogram.record(now - execution.startedAt);
    if (event === COMMAND_EVENT.success) {
      this.metrics.mark(event, now);
      this.breaker.onSuccess(execution.admission, now);
    } else if (event === COMMAND_EVENT.failure && isBadRequest(error)) {
      this.metrics.mark(COMMAND_EVENT.badRequest, now);
      this.breaker.onBadRequest(execution.admission);
      execution.reject(error);
    } else {
      this.metrics.mark(event, now);
      this.breaker.onFailure(execution.admission, now);
      this.recover(execution.args, execution.fallback, error).then(execution.resolve, execution.reject);
    }
  }

  /** @internal The signal that aborts when the execution's deadline passes. */
  signalOf(execution: Deadline): AbortSignal {
    return this.wheel.signalOf(execution);
  }

  /** @internal The error of a timed-out execution. */
  timeoutError(): VitaminError {
    return new VitaminError(
      'VITAMIN_E_COMMAND_TIMEOUT',
      `command ${this.key} timed out after ${this.options.timeoutMs} ms (vitamin.command.${this.key}.timeoutMs)`,
    );
  }

  private recover<A extends readonly unknown[], R>(
    args: A,
    fallback: Fallback<A, R> | undefined,
    cause: unknown,
  ): Promise<R> {
    if (fallback === undefined || !this.options.fallbackEnabled) return Promise.reject(cause);
    let result: R | Promise<R>;
    try {
      result = fallback(...args, cause);
    } catch (error) {
      this.metrics.mark(COMMAND_EVENT.fallbackFailure, this.clock.now());
      return Promise.reject(error);
    }
    return Promise.resolve(result).then(
      (value) => {
        this.metrics.mark(COMMAND_EVENT.fallbackSuccess, this.clock.now());
        return value;
      },
      (error: unknown) => {
        this.metrics.mark(COMMAND_EVENT.fallbackFailure, this.clock.now());
        throw error;
      },
    );
  }

  private rejection(code: 'VITAMIN_E_CIRCUIT_OPEN' | 'VITAMIN_E_BULKHEAD_FULL' | 'VITAMIN_E_POOL_FULL'): VitaminError {
    const message =
      code === 'VITAMIN_E_CIRCUIT_OPEN'
        ? `command ${this.key}: circuit is ${this.breaker.state}, call not attempted`
        : code === 'VITAMIN_E_BULKHEAD_FULL'
          ? `command ${this.key}: ${this.bulkhead.capacity} executions already running (vitamin.command.${this.key}.maxConcurrent)`
          : `command ${this.key}: pool of group ${this.group} is full (vitamin.pool.${this.group}.maxConcurrent, maxQueue)`;
    return new VitaminError(code, message);
  }

  /**
   * Forces the circuit open or closed, above every property, until called with `undefined`. This is
   * what an operator's action on `/actuator/circuitbreakers` does.
   */
  force(state: 'open' | 'closed' | undefined): void {
    this.forced = state === undefined ? undefined : { forceOpen: state === 'open', forceClosed: state === 'closed' };
    this.apply();
  }

  private apply(): void {
    const current = this.dynamic.current as ResolvedCommandOptions;
    const options = (this.options = this.forced === undefined ? current : { ...current, ...this.forced });
    this.bulkhead.capacity = options.maxConcurrent;
    this.breaker.update(options);
  }
}
