/** A source of time in milliseconds. Tests inject one instead of sleeping. */
export interface Clock {
  /** Current time in ms; only differences matter, so a monotonic source is best. */
  now(): number;
}

/** The process's monotonic clock (`performance.now()`), with sub-millisecond resolution. */
export const SYSTEM_CLOCK: Clock = Object.freeze({ now: () => performance.now() });
