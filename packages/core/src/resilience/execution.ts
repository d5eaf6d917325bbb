import { COMMAND_EVENT } from '../metrics/command-events.js';
import type { CommandPolicy } from './command-policy.js';
import type { CommandContext, CommandWork, Fallback } from './command-types.js';
import type { Deadline } from './timer-wheel.js';

/**
 * One run of a command: its deadline in the timer wheel, its lazily created AbortController, and the
 * promise the caller waits on. The caller's promise settles once (result, failure, timeout or
 * fallback); the bulkhead permit is returned only when the work itself settles.
 */
export class Execution<A extends readonly unknown[], R> implements Deadline, CommandContext {
  deadlineAt = 0;
  scheduled = false;
  tick = 0;
  slot = 0;
  position = 0;
  /** Whether the caller's promise is settled (or about to be, through the fallback). */
  settled = false;
  resolve!: (value: R | PromiseLike<R>) => void;
  reject!: (reason: unknown) => void;
  private handed: AbortSignal | undefined;
  private timedOut = false;

  constructor(
    private readonly command: CommandPolicy,
    private readonly work: CommandWork<A, R>,
    readonly args: A,
    readonly fallback: Fallback<A, R> | undefined,
    /** What the breaker said ({@link ADMIT}). */
    readonly admission: number,
    readonly startedAt: number,
    /** Whether a pool slot is held. */
    readonly pooled: boolean,
  ) {}

  get key(): string {
    return this.command.key;
  }

  /**
   * The signal of the deadline's tick (shared, aborted when it passes), created on first read;
   * without a deadline, a signal that never aborts.
   */
  get signal(): AbortSignal {
    if (this.handed !== undefined) return this.handed;
    if (this.scheduled) return (this.handed = this.command.signalOf(this));
    if (this.timedOut) return (this.handed = AbortSignal.abort(this.command.timeoutError()));
    return (this.handed = new AbortController().signal);
  }

  /** Starts the work (called at once, or by the group pool when a slot frees). */
  start(): void {
    if (this.settled) {
      // Timed out while queued: the work never starts.
      this.command.release(this);
      return;
    }
    let promise: Promise<R>;
    try {
      promise = this.work(this.args, this);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (value) => this.succeeded(value),
      (error: unknown) => this.failed(error),
    );
  }

  /** Called by the timer wheel when the deadline passes first. */
  expire(): void {
    if (this.settled) return;
    this.settled = true;
    this.timedOut = true;
    // The wheel aborts the tick's shared signal right after its entries expired.
    this.command.finish(this, COMMAND_EVENT.timeout, this.command.timeoutError());
  }

  private succeeded(value: R): void {
    this.command.release(this);
    if (this.settled) return;
    this.settled = true;
    this.command.finish(this, COMMAND_EVENT.success, undefined);
    this.resolve(value);
  }

  private failed(error: unknown): void {
    this.command.release(this);
    if (this.settled) return;
    this.settled = true;
    this.command.finish(this, COMMAND_EVENT.failure, error);
  }
}
