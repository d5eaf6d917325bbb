import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Controller, createApp, createLogger, currentTrace, Get, Param, type App } from '@vitamin/core';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
    done();
  },
});
const logger = createLogger({ name: 'traced', instance: 'traced-1', destination: sink });

@Controller('/t')
class TracedController {
  @Get('/:id')
  async get(@Param('id') id: string) {
    await delay(1);
    logger.info({ id }, 'inside handler');
    if (id === 'fail') throw new Error('boom');
    return { trace: currentTrace()?.traceId ?? null, span: currentTrace()?.spanId ?? null };
  }
}

let app: App;
let base: string;
beforeAll(async () => {
  app = createApp({ name: 'traced', controllers: [TracedController], logger });
  base = (await app.listen()).url;
});
afterAll(() => app.close());

describe('server spans without an OpenTelemetry SDK', () => {
  it('continues the caller trace, makes a new span id, and logs both on every line of the request', async () => {
    lines.length = 0;
    const res = await fetch(`${base}/t/1`, { headers: { traceparent: `00-${TRACE}-${PARENT}-01` } });
    const body = (await res.json()) as { trace: string; span: string };
    expect(body.trace).toBe(TRACE);
    expect(body.span).toMatch(/^[0-9a-f]{16}$/);
    expect(body.span).not.toBe(PARENT);
    const line = lines.find((l) => l['msg'] === 'inside handler')!;
    expect(line).toMatchObject({ service: 'traced', instance: 'traced-1', traceId: TRACE, spanId: body.span });
    expect(res.headers.get('traceparent')).toBeNull();
  });

  it('starts a new trace for a hostile header and never echoes it', async () => {
    lines.length = 0;
    const hostile = `00-${TRACE}-${PARENT}-01","admin":true,"x":"<script>`;
    const res = await fetch(`${base}/t/2`, { headers: { traceparent: hostile, b3: 'x-<b>-1' } });
    const body = (await res.json()) as { trace: string };
    expect(body.trace).toMatch(/^[0-9a-f]{32}$/);
    expect(body.trace).not.toBe(TRACE);
    expect(JSON.stringify(lines)).not.toContain('<script>');
  });

  it('gives two requests without headers two different traces', async () => {
    const a = (await (await fetch(`${base}/t/3`)).json()) as { trace: string };
    const b = (await (await fetch(`${base}/t/3`)).json()) as { trace: string };
    expect(a.trace).not.toBe(b.trace);
  });
});

describe('server spans with an OpenTelemetry SDK', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => {
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterEach(() => exporter.reset());
  afterAll(() => trace.disable());

  it('records a server span under the remote parent with HTTP attributes', async () => {
    const body = (await (
      await fetch(`${base}/t/7?x=1`, { headers: { traceparent: `00-${TRACE}-${PARENT}-01` } })
    ).json()) as {
      span: string;
    };
    await delay(5);
    const [span] = exporter.getFinishedSpans();
    expect(span!.name).toBe('GET /t/:id');
    expect(span!.kind).toBe(SpanKind.SERVER);
    expect(span!.spanContext().traceId).toBe(TRACE);
    expect(span!.spanContext().spanId).toBe(body.span);
    expect(span!.parentSpanContext?.spanId).toBe(PARENT);
    expect(span!.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/t/:id',
      'url.path': '/t/7',
      'http.response.status_code': 200,
    });
  });

  it('marks a failed request as an error', async () => {
    await fetch(`${base}/t/fail`);
    await delay(5);
    const [span] = exporter.getFinishedSpans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.attributes['http.response.status_code']).toBe(500);
  });
});
