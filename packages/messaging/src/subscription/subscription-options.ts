import type { Schema } from '@vitamin/core';
import type { MessageContext } from '../consumer/message-context.js';

/** Exponential backoff between attempts: `initialMs * multiplier^(attempt - 1)`, at most `maxMs`. */
export interface BackoffOptions {
  /**
   * Delay before the second attempt, in ms.
   * @defaultValue `1000`
   */
  initialMs?: number;
  /**
   * Factor between two consecutive delays.
   * @defaultValue `2`
   */
  multiplier?: number;
  /**
   * Longest delay, in ms.
   * @defaultValue `60000`
   */
  maxMs?: number;
}

/** Options of one subscription (`@Subscribe(topic, options)` or `messaging.subscribe(topic, options, handler)`). */
export interface SubscribeOptions<In = unknown, Out = In> {
  /** The consumer group: every group gets each event once, shared among the group's instances. */
  group: string;
  /**
   * Deliveries before the message goes to the group's dead-letter queue.
   * @defaultValue `5`
   */
  maxAttempts?: number;
  /** Delays between attempts. */
  backoff?: BackoffOptions;
  /** Validates the event; an invalid one goes straight to the dead-letter queue, without retries. */
  schema?: Schema<In>;
  /**
   * Run the handler's effect once per message id, through the messaging idempotency store.
   * @defaultValue `false`
   */
  idempotent?: boolean;
  /** Skips events this subscription does not care about (they are acknowledged, never handled). */
  filter?: (event: In, context: MessageContext) => boolean;
  /** Turns another context's event into this service's own type before the handler sees it. */
  translate?: (event: In, context: MessageContext) => Out;
  /**
   * Unacknowledged messages a consumer holds at a time.
   * @defaultValue `16`
   */
  prefetch?: number;
}

/** {@link SubscribeOptions} with every default filled in. */
export interface ResolvedSubscribeOptions {
  readonly group: string;
  readonly maxAttempts: number;
  readonly backoff: Readonly<Required<BackoffOptions>>;
  readonly schema: Schema | undefined;
  readonly idempotent: boolean;
  readonly filter: ((event: unknown, context: MessageContext) => boolean) | undefined;
  readonly translate: ((event: unknown, context: MessageContext) => unknown) | undefined;
  readonly prefetch: number;
}

/** The defaults of {@link SubscribeOptions} and {@link BackoffOptions}. */
export const DEFAULT_SUBSCRIBE_OPTIONS = Object.freeze({
  maxAttempts: 5,
  idempotent: false,
  prefetch: 16,
  backoff: Object.freeze({ initialMs: 1000, multiplier: 2, maxMs: 60_000 }),
});

/** Fills in defaults; `undefined` fields take the default. */
export function resolveSubscribeOptions(options: SubscribeOptions<never, unknown>): ResolvedSubscribeOptions {
  const d = DEFAULT_SUBSCRIBE_OPTIONS;
  return {
    group: options.group,
    maxAttempts: options.maxAttempts ?? d.maxAttempts,
    backoff: {
      initialMs: options.backoff?.initialMs ?? d.backoff.initialMs,
      multiplier: options.backoff?.multiplier ?? d.backoff.multiplier,
      maxMs: options.backoff?.maxMs ?? d.backoff.maxMs,
    },
    schema: options.schema as Schema | undefined,
    idempotent: options.idempotent ?? d.idempotent,
    filter: options.filter as ResolvedSubscribeOptions['filter'],
    translate: options.translate as ResolvedSubscribeOptions['translate'],
    prefetch: options.prefetch ?? d.prefetch,
  };
}

/** The delay before attempt `attempt + 1`, in whole ms (whole, so that delay queues can be shared). */
export function backoffDelay(backoff: Readonly<Required<BackoffOptions>>, attempt: number): number {
  const delay = backoff.initialMs * backoff.multiplier ** Math.max(0, attempt - 1);
  return Math.round(Math.min(delay, backoff.maxMs));
}
