import type { Logger } from '@vitamin/core';
import type { IdempotencyStore } from '../idempotency/idempotency-store.js';
import type { TraceContextProvider } from '../publisher/publisher.js';
import type { MessageTransport } from '../transport/message-transport.js';

/** Options of {@link createMessaging}. */
export interface MessagingOptions {
  /** The broker. @defaultValue a new `InMemoryTransport` */
  transport?: MessageTransport;
  /** Where idempotent subscriptions remember handled messages. @defaultValue a new `InMemoryIdempotencyStore` */
  idempotencyStore?: IdempotencyStore;
  /** Gives the current trace context; publish copies it into message headers. */
  traceContext?: TraceContextProvider;
  /** Where consumer failures that are not the handler's (store or broker down) are logged. */
  logger?: Logger;
  /**
   * How long an idempotency claim lives, in ms: after a consumer crashes mid-handling, its message
   * can run again after this long. Longer than the slowest handler.
   * @defaultValue `30000`
   */
  claimTtlMs?: number;
  /**
   * How long a handled message id is remembered, in ms; duplicates arriving later run again.
   * Far longer than the broker's dedup window (NATS: 2 min by default).
   * @defaultValue `604800000` (7 days)
   */
  retentionMs?: number;
}

/** The defaults of the numeric {@link MessagingOptions}. */
export const DEFAULT_MESSAGING_OPTIONS: Readonly<{ claimTtlMs: number; retentionMs: number }> = Object.freeze({
  claimTtlMs: 30_000,
  retentionMs: 604_800_000,
});

/** {@link MessagingOptions} with the numeric defaults filled in. */
export type ResolvedMessagingOptions = Omit<MessagingOptions, 'claimTtlMs' | 'retentionMs'> &
  Required<Pick<MessagingOptions, 'claimTtlMs' | 'retentionMs'>>;

/** Fills in defaults; `undefined` fields take the default. */
export function resolveMessagingOptions(options: MessagingOptions = {}): ResolvedMessagingOptions {
  return {
    ...options,
    claimTtlMs: options.claimTtlMs ?? DEFAULT_MESSAGING_OPTIONS.claimTtlMs,
    retentionMs: options.retentionMs ?? DEFAULT_MESSAGING_OPTIONS.retentionMs,
  };
}
