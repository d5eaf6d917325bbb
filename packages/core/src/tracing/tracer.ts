import {
  createTraceState,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import { newSpanId, newTraceId } from './ids.js';
import { currentTrace, type TraceContext } from './trace-context.js';
import type { IncomingTrace } from './propagation.js';
import type { ResolvedTracingOptions } from './tracing-options.js';

export { SpanKind };

const NAME = '@vitamin/core';
let cachedDelegate: unknown;
let cachedTracer: Tracer | undefined;

/**
 * The OpenTelemetry tracer when an SDK is registered, else `undefined`. Without an SDK vitamin still
 * creates and propagates ids itself, and does no OpenTelemetry work at all.
 */
function sdkTracer(): Tracer | undefined {
  const provider = trace.getTracerProvider() as TracerProvider & { getDelegate?: () => TracerProvider };
  const delegate = typeof provider.getDelegate === 'function' ? provider.getDelegate() : provider;
  if (delegate !== cachedDelegate) {
    cachedDelegate = delegate;
    cachedTracer = delegate.constructor.name === 'NoopTracerProvider' ? undefined : provider.getTracer(NAME);
  }
  return cachedTracer;
}

/** Whether an OpenTelemetry SDK records spans; without one, only ids are made and propagated. */
export function isRecordingSpans(): boolean {
  return sdkTracer() !== undefined;
}

/** The parent of a new span: a remote caller, or the trace context running now. */
type Parent = Pick<TraceContext, 'traceId' | 'spanId' | 'sampled' | 'traceState'> & {
  readonly span?: Span | undefined;
};

/**
 * Starts a span under `parent` (or a new trace) and returns the context that represents it.
 * `attributes` is only called when an SDK records the span, so untraced calls build nothing.
 */
export function startSpan(
  name: string,
  kind: SpanKind,
  parent: Parent | undefined,
  baggage: string | undefined,
  attributes: () => Attributes,
  options: ResolvedTracingOptions,
): TraceContext {
  const tracer = sdkTracer();
  if (tracer !== undefined) {
    const span = tracer.startSpan(name, { kind, attributes: attributes() }, otelParent(parent));
    const { traceId, spanId, traceFlags } = span.spanContext();
    const traceState = span.spanContext().traceState?.serialize() ?? parent?.traceState;
    const sampled = (traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED;
    return { traceId, spanId, parentSpanId: parent?.spanId, sampled, traceState, baggage, span };
  }
  return {
    traceId: parent?.traceId ?? newTraceId(),
    spanId: newSpanId(),
    parentSpanId: parent?.spanId,
    sampled: parent === undefined ? Math.random() < options.sampleRatio : parent.sampled,
    traceState: parent?.traceState,
    baggage,
    span: undefined,
  };
}

function otelParent(parent: Parent | undefined): Context {
  if (parent === undefined) return ROOT_CONTEXT;
  if (parent.span !== undefined) return trace.setSpan(ROOT_CONTEXT, parent.span);
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: parent.traceId,
    spanId: parent.spanId,
    traceFlags: parent.sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
    traceState: parent.traceState === undefined ? undefined : createTraceState(parent.traceState),
  });
}

/** Starts the server span of an incoming request. */
export function startServerSpan(
  name: string,
  incoming: IncomingTrace,
  attributes: () => Attributes,
  options: ResolvedTracingOptions,
): TraceContext {
  const parent = incoming.parent === undefined ? undefined : { ...incoming.parent, traceState: incoming.traceState };
  return startSpan(name, SpanKind.SERVER, parent, incoming.baggage, attributes, options);
}

/** Starts a child of the trace context running now (or a new trace when there is none). */
export function startChildSpan(
  name: string,
  kind: SpanKind,
  attributes: () => Attributes,
  options: ResolvedTracingOptions,
): TraceContext {
  const current = currentTrace();
  return startSpan(name, kind, current, current?.baggage, attributes, options);
}

/** Ends the OpenTelemetry span of `context`, if any, recording an error when given one. */
export function endSpan(context: TraceContext, error?: unknown, attributes?: Attributes): void {
  const span = context.span;
  if (span === undefined) return;
  if (attributes !== undefined) span.setAttributes(attributes);
  if (error !== undefined) {
    if (error instanceof Error) span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
}
