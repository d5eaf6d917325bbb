import { formatB3Single, parseB3Multi, parseB3Single } from './b3.js';
import { parseBaggage } from './baggage.js';
import type { TraceContext } from './trace-context.js';
import { formatTraceparent, parseTraceparent, parseTracestate, type TraceParent } from './w3c.js';

/** Header formats a service can emit; incoming formats are always detected. */
export type PropagationFormat = 'w3c' | 'b3' | 'b3multi';

/** What arrived with a request or message: the caller's position, if valid, and what travels along. */
export interface IncomingTrace {
  readonly parent: TraceParent | undefined;
  readonly traceState: string | undefined;
  readonly baggage: string | undefined;
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Reads the caller's trace position: W3C `traceparent` first, then a single `b3` header, then
 * `X-B3-*`. Malformed, oversized or duplicated headers are ignored (a new trace starts) and never
 * throw. `tracestate` only travels with a valid `traceparent`.
 */
export function extractTrace(headers: Headers): IncomingTrace {
  const w3c = parseTraceparent(headers['traceparent']);
  const parent = w3c ?? parseB3Single(headers['b3']) ?? parseB3Multi(headers);
  return {
    parent,
    traceState: w3c === undefined ? undefined : parseTracestate(headers['tracestate']),
    baggage: parseBaggage(headers['baggage']),
  };
}

/** Writes the headers that carry `context` to the next hop, whose parent is `spanId`. */
export function injectTrace(
  context: TraceContext,
  spanId: string,
  formats: readonly PropagationFormat[],
  into: Record<string, string>,
): void {
  for (const format of formats) {
    if (format === 'w3c') {
      into['traceparent'] = formatTraceparent(context.traceId, spanId, context.sampled);
      if (context.traceState !== undefined) into['tracestate'] = context.traceState;
    } else if (format === 'b3') {
      into['b3'] = formatB3Single(context.traceId, spanId, context.sampled);
    } else {
      into['x-b3-traceid'] = context.traceId;
      into['x-b3-spanid'] = spanId;
      into['x-b3-sampled'] = context.sampled ? '1' : '0';
      if (context.spanId !== spanId) into['x-b3-parentspanid'] = context.spanId;
    }
  }
  if (context.baggage !== undefined) into['baggage'] = context.baggage;
}
