/** What {@link IdempotencyStore.claim} found. */
export type ClaimResult =
  | 'claimed' // nobody handled this key yet: run the effect, then complete() or release()
  | 'done' // the effect already ran: skip it
  | 'busy'; // another consumer holds a live claim: try again later

/**
 * Remembers which messages a consumer group has handled, so that a redelivered or duplicated
 * message runs the handler's effect once, also after the broker's own dedup window. A key is
 * claimed before the effect and marked done after; the claim of a consumer that crashed expires,
 * so the message can run again, once.
 */
export interface IdempotencyStore {
  /** Claims `key` for `claimTtlMs` unless it is done or claimed by someone else. */
  claim(key: string, claimTtlMs: number): Promise<ClaimResult>;
  /** Marks `key` done for `retentionMs`. */
  complete(key: string, retentionMs: number): Promise<void>;
  /** Gives a claim up (the effect failed), so that a retry can claim it again. */
  release(key: string): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}
