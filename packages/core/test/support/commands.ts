import { vi } from 'vitest';
import type { Config } from '../../src/config/config.js';
import type { CommandContext } from '../../src/resilience/command-types.js';
import { CommandRegistry } from '../../src/resilience/command-registry.js';

/**
 * A registry on vitest's fake timers: its clock is the faked `Date.now()`, so `advance()` moves
 * deadlines, rolling windows and the sleep window together. Call `vi.useRealTimers()` after.
 */
export function fakeTimeRegistry(config?: Config): CommandRegistry {
  vi.useFakeTimers({ now: 1_000_000 });
  return new CommandRegistry({ clock: { now: () => Date.now() }, tickMs: 1, ...(config ? { config } : {}) });
}

/** Advances fake time by `ms`, running timers and the promise jobs they start. */
export async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/** Work that never answers by itself, but gives up (rejects) when the command aborts it. */
export function neverAnswers(_args: readonly unknown[], context: CommandContext): Promise<never> {
  return new Promise((_resolve, reject) => {
    context.signal.addEventListener('abort', () => reject(context.signal.reason as Error), { once: true });
  });
}

/** Work that fails at once. */
export const fails = (): Promise<never> => Promise.reject(new Error('dependency failed'));

/** Work that succeeds at once. */
export const succeeds = (): Promise<string> => Promise.resolve('ok');

/** A promise and the functions that settle it. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A small seeded generator (mulberry32), so randomised tests replay exactly. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
