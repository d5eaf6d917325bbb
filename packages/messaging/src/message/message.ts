/** Message headers: plain string pairs, carried by every transport. */
export type MessageHeaders = Record<string, string>;

/**
 * One event on the wire: what a publisher sends and a transport stores. The body is the JSON of the
 * event; `id` is unique per published event and is the idempotency key of consumers.
 */
export interface MessageEnvelope {
  readonly id: string;
  readonly topic: string;
  /** Partitioning or ordering key given by the publisher, if any. */
  readonly key?: string;
  readonly headers: MessageHeaders;
  readonly body: Uint8Array;
}

/** Header names vitamin writes; all lowercase, so that every broker keeps them as written. */
export const HEADERS = Object.freeze({
  id: 'x-vitamin-id',
  topic: 'x-vitamin-topic',
  key: 'x-vitamin-key',
  attempt: 'x-vitamin-attempt',
  error: 'x-vitamin-error',
  reason: 'x-vitamin-reason',
  attempts: 'x-vitamin-attempts',
  deadLetteredAt: 'x-vitamin-dead-lettered-at',
});

/** Why a message went to its dead-letter queue. */
export type DeadLetterReason =
  | 'exhausted' // the handler failed maxAttempts times
  | 'invalid' // the body is not JSON or failed the subscription's schema
  | 'max-deliveries' // the broker gave up redelivering (crash loops, expired acks)
  | 'no-handler'; // no subscription of the group handles the message's topic

/** A message in a dead-letter queue, with why and when it got there. */
export interface DeadLetter {
  readonly message: MessageEnvelope;
  readonly reason: DeadLetterReason;
  /** The last error, as its message (never a stack trace). */
  readonly error: string;
  readonly attempts: number;
  readonly deadLetteredAt: string;
}

/** Largest error text kept in a dead-letter header. */
const MAX_ERROR_LENGTH = 1024;

/** The message of an error, shortened to fit a header, single line. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.replace(/[\r\n\0]+/g, ' ');
  return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH - 1)}…` : line;
}

/** Headers of a dead letter, added to the original message's. */
export function deadLetterHeaders(reason: DeadLetterReason, error: string, attempts: number): MessageHeaders {
  return {
    [HEADERS.reason]: reason,
    [HEADERS.error]: error,
    [HEADERS.attempts]: String(attempts),
    [HEADERS.deadLetteredAt]: new Date().toISOString(),
  };
}

/** Reads a dead letter back from a stored message's headers. */
export function toDeadLetter(message: MessageEnvelope): DeadLetter {
  const h = message.headers;
  return {
    message,
    reason: (h[HEADERS.reason] ?? 'max-deliveries') as DeadLetterReason,
    error: h[HEADERS.error] ?? '',
    attempts: Number(h[HEADERS.attempts] ?? 0),
    deadLetteredAt: h[HEADERS.deadLetteredAt] ?? '',
  };
}

/** A copy of the headers without the dead-letter ones, for a redriven message. */
export function withoutDeadLetterHeaders(headers: MessageHeaders): MessageHeaders {
  const copy: MessageHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (
      name !== HEADERS.reason &&
      name !== HEADERS.error &&
      name !== HEADERS.attempts &&
      name !== HEADERS.deadLetteredAt &&
      name !== HEADERS.attempt
    )
      copy[name] = value;
  }
  return copy;
}
