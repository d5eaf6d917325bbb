import type { Endpoint } from '../balancing/endpoint.js';
import { injectTrace } from '../tracing/propagation.js';
import { runWithTrace } from '../tracing/trace-context.js';
import { endSpan, isRecordingSpans, SpanKind, startChildSpan } from '../tracing/tracer.js';
import type { ResolvedTracingOptions } from '../tracing/tracing-options.js';
import { stripQuery } from './transport-errors.js';

/** What provider clients need to trace their calls. */
export interface ClientTracing {
  readonly options: ResolvedTracingOptions;
}

type Send<P extends readonly [string, Readonly<Record<string, string>>, string | undefined]> = (
  endpoint: Endpoint,
  signal: AbortSignal,
  prepared: P,
) => Promise<unknown>;

/**
 * Runs each call of an operation in a span of its command (kind INTERNAL) when an SDK records spans,
 * so that its attempts, retries and fallback share one parent.
 */
export function tracedCommand<R>(
  tracing: ClientTracing,
  key: string,
  service: string,
  execute: (request: R) => Promise<unknown>,
): (request: R) => Promise<unknown> {
  const attributes = () => ({ 'vitamin.command.key': key, 'peer.service': service });
  return (request) => {
    // Without an SDK a command span would only be an id nobody records: its attempts hang directly
    // under the caller's span, and no async context is entered per call.
    if (!isRecordingSpans()) return execute(request);
    const context = startChildSpan(key, SpanKind.INTERNAL, attributes, tracing.options);
    if (context.span === undefined) return runWithTrace(context, () => execute(request));
    return runWithTrace(context, () => execute(request)).then(
      (result) => {
        endSpan(context);
        return result;
      },
      (error: unknown) => {
        endSpan(context, error);
        throw error;
      },
    );
  };
}

/**
 * Runs each attempt in a client span (kind CLIENT) and sends its position to the next hop: every
 * attempt gets a new span id, written in each configured header format.
 */
export function tracedAttempt<P extends readonly [string, Readonly<Record<string, string>>, string | undefined]>(
  tracing: ClientTracing,
  method: string,
  send: Send<P>,
): Send<P> {
  return (endpoint, signal, prepared) => {
    const context = startChildSpan(
      method,
      SpanKind.CLIENT,
      () => ({
        'http.request.method': method,
        'server.address': endpoint.instance.host,
        'server.port': endpoint.instance.port,
        'url.full': endpoint.origin + endpoint.basePath + stripQuery(prepared[0]),
      }),
      tracing.options,
    );
    const headers: Record<string, string> = { ...prepared[1] };
    injectTrace(context, context.spanId, tracing.options.propagation, headers);
    const sent = send(endpoint, signal, [prepared[0], headers, prepared[2]] as unknown as P);
    if (context.span === undefined) return sent;
    return sent.then(
      (result) => {
        endSpan(context);
        return result;
      },
      (error: unknown) => {
        const status = (error as { status?: unknown }).status;
        endSpan(context, error, typeof status === 'number' ? { 'http.response.status_code': status } : undefined);
        throw error;
      },
    );
  };
}
