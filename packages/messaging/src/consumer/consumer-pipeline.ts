import { endSpan, runWithTrace, startConsumerSpan, type Logger } from '@vitamin/core';
import type { IdempotencyStore } from '../idempotency/idempotency-store.js';
import { describeError, HEADERS } from '../message/message.js';
import type { ResolvedSubscribeOptions } from '../subscription/subscription-options.js';
import { backoffDelay } from '../subscription/subscription-options.js';
import type { Delivery, DeliveryHandler } from '../transport/message-transport.js';
import type { ConsumerCounts } from './consumer-metrics.js';
import type { MessageContext, TraceHeaders } from './message-context.js';

/** A subscription's handler: the event (validated, filtered, translated) and its context. */
export type MessageHandler<T = unknown> = (event: T, context: MessageContext) => unknown;

/** What a compiled consumer needs beside its subscription. */
export interface ConsumerPipelineDeps {
  readonly counts: ConsumerCounts;
  readonly store: IdempotencyStore | undefined;
  readonly claimTtlMs: number;
  readonly retentionMs: number;
  readonly logger: Logger | undefined;
}

const decoder = new TextDecoder();

/**
 * Compiles, once per subscription, the closure that handles each delivery: decode, validate
 * (invalid → dead letter, no retries), filter, translate, claim in the idempotency store, run the
 * handler, then acknowledge — or retry with backoff, or dead-letter after `maxAttempts`.
 */
export function compileConsumer(
  topic: string,
  options: ResolvedSubscribeOptions,
  handler: MessageHandler,
  deps: ConsumerPipelineDeps,
): DeliveryHandler {
  const { group, schema, filter, translate, maxAttempts, backoff } = options;
  const { counts, store, claimTtlMs, retentionMs, logger } = deps;
  // Idempotency keys are per group: every group runs its own effect once.
  const keyPrefix = `${group}:`;

  const deadLetterInvalid = (delivery: Delivery, error: string) => {
    counts.deadLettered++;
    return delivery.deadLetter('invalid', error);
  };

  const fail = async (delivery: Delivery, error: unknown) => {
    counts.failed++;
    if (delivery.attempt >= maxAttempts) {
      counts.deadLettered++;
      await delivery.deadLetter('exhausted', describeError(error));
      return;
    }
    counts.retried++;
    await delivery.retry(backoffDelay(backoff, delivery.attempt));
  };

  const handle = async (delivery: Delivery): Promise<void> => {
    const message = delivery.message;
    let event: unknown;
    try {
      event = JSON.parse(decoder.decode(message.body));
    } catch (error) {
      return deadLetterInvalid(delivery, `body is not JSON: ${describeError(error)}`);
    }
    if (schema !== undefined) {
      const result = schema.safeParse(event);
      if (!result.success) {
        const issues = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
        return deadLetterInvalid(delivery, `schema: ${issues.join('; ')}`);
      }
      event = result.data;
    }
    const context = contextOf(delivery, group);
    if (filter !== undefined && !filter(event, context)) {
      counts.filtered++;
      return delivery.ack();
    }
    const key = store === undefined ? '' : keyPrefix + message.id;
    if (store !== undefined) {
      const claim = await store.claim(key, claimTtlMs);
      if (claim === 'done') {
        counts.duplicates++;
        return delivery.ack();
      }
      // Another instance holds a live claim: look again once that claim would have expired.
      if (claim === 'busy') return delivery.retry(claimTtlMs);
    }
    // The handler continues the publisher's trace: its logs and calls carry the same trace id.
    const span = startConsumerSpan(`${topic} process`, message.headers, () => ({
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': group,
      'messaging.message.id': message.id,
    }));
    try {
      await runWithTrace(span, () => handler(translate === undefined ? event : translate(event, context), context));
      endSpan(span);
    } catch (error) {
      endSpan(span, error);
      if (store !== undefined) await store.release(key);
      return fail(delivery, error);
    }
    if (store !== undefined) await store.complete(key, retentionMs);
    counts.handled++;
    await delivery.ack();
  };

  return async (delivery) => {
    try {
      await handle(delivery);
    } catch (error) {
      // The store or the broker failed, not the handler: leave the message to the broker to redeliver.
      logger?.error({ err: error, topic, group, id: delivery.message.id }, 'message could not be settled');
      await delivery.retry(backoffDelay(backoff, 1)).catch(() => undefined);
    }
  };
}

function contextOf(delivery: Delivery, group: string): MessageContext {
  const { message } = delivery;
  const h = message.headers;
  const trace: TraceHeaders = {};
  if (h['traceparent'] !== undefined) trace.traceparent = h['traceparent'];
  if (h['tracestate'] !== undefined) trace.tracestate = h['tracestate'];
  if (h['baggage'] !== undefined) trace.baggage = h['baggage'];
  return {
    id: message.id,
    topic: h[HEADERS.topic] ?? message.topic,
    key: message.key,
    group,
    attempt: delivery.attempt,
    headers: h,
    trace,
  };
}
