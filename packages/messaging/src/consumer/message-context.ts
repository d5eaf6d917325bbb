import type { MessageHeaders } from '../message/message.js';

/** W3C trace context carried in message headers, for tracing to continue in the consumer. */
export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
  baggage?: string;
}

/** What a handler learns about the message it handles, beside the event. */
export interface MessageContext {
  readonly id: string;
  readonly topic: string;
  readonly key: string | undefined;
  readonly group: string;
  /** 1 for the first delivery. */
  readonly attempt: number;
  readonly headers: Readonly<MessageHeaders>;
  /** The trace context the publisher sent (empty fields when it sent none). */
  readonly trace: Readonly<TraceHeaders>;
}

/** The trace headers vitamin carries from publisher to consumer. */
export const TRACE_HEADERS = ['traceparent', 'tracestate', 'baggage'] as const;
