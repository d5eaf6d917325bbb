/**
 * Zipkin B3 propagation: the single `b3` header and the `X-B3-*` headers.
 * @see https://github.com/openzipkin/b3-propagation
 */
import type { TraceParent } from './w3c.js';

const ID = /^(?:[0-9a-f]{16}|[0-9a-f]{32})$/;
const SPAN = /^[0-9a-f]{16}$/;
const ALL_ZERO = /^0+$/;

/** B3 trace ids may have 16 digits; W3C needs 32, so they are left-padded with zeros. */
const widen = (traceId: string): string => (traceId.length === 16 ? `0000000000000000${traceId}` : traceId);

function build(traceId: string, spanId: string, sampled: string | undefined): TraceParent | undefined {
  if (!ID.test(traceId) || !SPAN.test(spanId) || ALL_ZERO.test(traceId) || ALL_ZERO.test(spanId)) return undefined;
  if (sampled !== undefined && !['0', '1', 'd', 'true', 'false'].includes(sampled)) return undefined;
  return { traceId: widen(traceId), spanId, sampled: sampled === '1' || sampled === 'd' || sampled === 'true' };
}

/** Parses a single `b3` header (`traceId-spanId[-sampled[-parentSpanId]]`); `undefined` when invalid. */
export function parseB3Single(header: string | string[] | undefined): TraceParent | undefined {
  if (typeof header !== 'string' || header.length > 256) return undefined;
  const parts = header.trim().split('-');
  if (parts.length < 2 || parts.length > 4) return undefined;
  if (parts.length === 4 && !SPAN.test(parts[3]!)) return undefined;
  return build(parts[0]!, parts[1]!, parts[2]);
}

/** Parses `X-B3-TraceId`, `X-B3-SpanId`, `X-B3-Sampled` and `X-B3-Flags`; `undefined` when invalid. */
export function parseB3Multi(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): TraceParent | undefined {
  const traceId = headers['x-b3-traceid'];
  const spanId = headers['x-b3-spanid'];
  if (typeof traceId !== 'string' || typeof spanId !== 'string') return undefined;
  const flags = headers['x-b3-flags'];
  const sampled = flags === '1' ? '1' : headers['x-b3-sampled'];
  return build(traceId, spanId, typeof sampled === 'string' ? sampled : undefined);
}

/** Formats a single `b3` header. */
export function formatB3Single(traceId: string, spanId: string, sampled: boolean): string {
  return `${traceId}-${spanId}-${sampled ? '1' : '0'}`;
}
