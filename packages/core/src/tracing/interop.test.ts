import { ROOT_CONTEXT, trace, TraceFlags, type TextMapGetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { describe, expect, it } from 'vitest';
import { newSpanId, newTraceId } from './ids.js';
import { extractTrace, injectTrace, type PropagationFormat } from './propagation.js';
import type { TraceContext } from './trace-context.js';

const getter: TextMapGetter<Record<string, string>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key.toLowerCase()],
};

const ours: TraceContext = {
  traceId: newTraceId(),
  spanId: newSpanId(),
  parentSpanId: undefined,
  sampled: true,
  traceState: 'vendor=abc',
  baggage: undefined,
  span: undefined,
};

describe.each<
  [
    PropagationFormat,
    () => {
      extract: typeof W3CTraceContextPropagator.prototype.extract;
      inject: typeof W3CTraceContextPropagator.prototype.inject;
    },
  ]
>([
  ['w3c', () => new W3CTraceContextPropagator()],
  ['b3', () => new B3Propagator({ injectEncoding: B3InjectEncoding.SINGLE_HEADER })],
  ['b3multi', () => new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER })],
])('%s interoperates with OpenTelemetry', (format, makePropagator) => {
  const otel = makePropagator();

  it('OpenTelemetry reads the headers we write', () => {
    const headers: Record<string, string> = {};
    const child = newSpanId();
    injectTrace(ours, child, [format], headers);
    const extracted = trace.getSpanContext(otel.extract(ROOT_CONTEXT, headers, getter));
    expect(extracted?.traceId).toBe(ours.traceId);
    expect(extracted?.spanId).toBe(child);
    expect(extracted?.traceFlags).toBe(TraceFlags.SAMPLED);
  });

  it('we read the headers OpenTelemetry writes', () => {
    const spanContext = { traceId: newTraceId(), spanId: newSpanId(), traceFlags: TraceFlags.NONE, isRemote: false };
    const headers: Record<string, string> = {};
    otel.inject(trace.setSpanContext(ROOT_CONTEXT, spanContext), headers, {
      set: (carrier, key, value) => ((carrier as Record<string, string>)[key.toLowerCase()] = value),
    });
    expect(extractTrace(headers).parent).toEqual({
      traceId: spanContext.traceId,
      spanId: spanContext.spanId,
      sampled: false,
    });
  });
});

describe('extractTrace', () => {
  it('prefers traceparent, then b3, then X-B3 headers', () => {
    const headers: Record<string, string> = {};
    injectTrace(ours, ours.spanId, ['b3multi'], headers);
    const b3 = { ...ours, traceId: newTraceId() };
    injectTrace(b3, b3.spanId, ['b3'], headers);
    expect(extractTrace(headers).parent?.traceId).toBe(b3.traceId);
    const w3c = { ...ours, traceId: newTraceId() };
    injectTrace(w3c, w3c.spanId, ['w3c'], headers);
    expect(extractTrace(headers).parent?.traceId).toBe(w3c.traceId);
  });

  it('drops tracestate without a valid traceparent, and baggage that is malformed', () => {
    expect(extractTrace({ tracestate: 'a=b', baggage: 'k=v\r\n' })).toEqual({
      parent: undefined,
      traceState: undefined,
      baggage: undefined,
    });
    expect(extractTrace({ baggage: 'userId=alice, serverNode=DF%2028;meta' }).baggage).toBe(
      'userId=alice,serverNode=DF%2028;meta',
    );
  });
});

describe('ids', () => {
  it('are hex of the right length and differ', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newSpanId()));
    expect(ids.size).toBe(10_000);
    for (const id of [...ids].slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(newTraceId()).toMatch(/^[0-9a-f]{32}$/);
  });
});
