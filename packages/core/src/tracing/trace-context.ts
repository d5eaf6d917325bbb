import { AsyncLocalStorage } from 'node:async_hooks';
import type { Span } from '@opentelemetry/api';

/**
 * The trace position of the code running now: which trace, which span, and what travels with it.
 * Held in AsyncLocalStorage, so it survives `await`, timers, queues, retries and fallbacks.
 */
export interface TraceContext {
  /** 32 lowercase hex digits. */
  readonly traceId: string;
  /** 16 lowercase hex digits: the current span. */
  readonly spanId: string;
  /** The span that started this one (the caller's), if any. */
  readonly parentSpanId: string | undefined;
  readonly sampled: boolean;
  /** W3C `tracestate`, already validated, passed on unchanged. */
  readonly traceState: string | undefined;
  /** W3C `baggage`, already validated, passed on unchanged. */
  readonly baggage: string | undefined;
  /** The OpenTelemetry span, when an SDK records spans. */
  readonly span: Span | undefined;
}

const storage = new AsyncLocalStorage<TraceContext>();

/** The trace context of the code running now, if it runs inside a request, command or message. */
export function currentTrace(): TraceContext | undefined {
  return storage.getStore();
}

/** Runs `fn` with `context` as the current trace context. */
export function runWithTrace<T>(context: TraceContext, fn: () => T): T {
  return storage.run(context, fn);
}
