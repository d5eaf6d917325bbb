/** What a command gives its work while it runs. */
export interface CommandContext {
  /** The command key. */
  readonly key: string;
  /**
   * Aborted when the command times out: pass it to whatever does I/O (the provider clients give it
   * to the transport). Created on first read, so work that never reads it costs nothing.
   */
  readonly signal: AbortSignal;
}

/** The work a command protects: receives the call's arguments and the {@link CommandContext}. */
export type CommandWork<A extends readonly unknown[], R> = (args: A, context: CommandContext) => Promise<R>;

/**
 * Runs instead of the work when the circuit is open, the work failed or timed out, or a bulkhead or
 * pool rejected the call: called with the call's arguments and then the cause. Not called for bad
 * requests.
 */
export type Fallback<A extends readonly unknown[], R> = (...args: [...A, unknown]) => R | Promise<R>;
