import { newSpanId } from './ids.js';
import { extractTrace, injectTrace, type PropagationFormat } from './propagation.js';
import { currentTrace, type TraceContext } from './trace-context.js';
import { SpanKind, startSpan } from './tracer.js';
import { DEFAULT_TRACING_OPTIONS } from './tracing-options.js';

/**
 * The trace headers for work leaving this process outside HTTP (a published message): the current
 * trace with a new span id as the parent of the next hop, or `undefined` outside any trace.
 */
export function outgoingTraceHeaders(
  formats: readonly PropagationFormat[] = DEFAULT_TRACING_OPTIONS.propagation,
): Record<string, string> | undefined {
  const context = currentTrace();
  if (context === undefined) return undefined;
  const headers: Record<string, string> = {};
  injectTrace(context, newSpanId(), formats, headers);
  return headers;
}

/**
 * Starts the span of consuming one message (kind CONSUMER), continuing the trace its headers carry,
 * or a new trace when they carry none (or a malformed one). Run the handler inside it with
 * `runWithTrace`, and end it with `endSpan`.
 */
export function startConsumerSpan(
  name: string,
  headers: Readonly<Record<string, string | undefined>>,
  attributes: () => Record<string, string | number> = () => ({}),
): TraceContext {
  const incoming = extractTrace(headers);
  const parent = incoming.parent === undefined ? undefined : { ...incoming.parent, traceState: incoming.traceState };
  return startSpan(name, SpanKind.CONSUMER, parent, incoming.baggage, attributes, DEFAULT_TRACING_OPTIONS);
}
