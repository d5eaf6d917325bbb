import type { ClaimResult, IdempotencyStore } from './idempotency-store.js';

interface Entry {
  done: boolean;
  expiresAt: number;
}

/** An {@link IdempotencyStore} in this process's memory: for tests and single-instance services. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  /** @param now - the clock, injectable for tests */
  constructor(private readonly now: () => number = Date.now) {}

  claim(key: string, claimTtlMs: number): Promise<ClaimResult> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expiresAt > now) return Promise.resolve(entry.done ? 'done' : 'busy');
    this.entries.set(key, { done: false, expiresAt: now + claimTtlMs });
    if (this.entries.size % 1024 === 0) this.sweep(now);
    return Promise.resolve('claimed');
  }

  complete(key: string, retentionMs: number): Promise<void> {
    this.entries.set(key, { done: true, expiresAt: this.now() + retentionMs });
    return Promise.resolve();
  }

  release(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (entry !== undefined && !entry.done) this.entries.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
