import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { SpanKind, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Controller,
  createApp,
  createLogger,
  Get,
  Inject,
  Provider,
  ProviderClient,
  type App,
  type Logger,
} from '@vitamin/core';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
    done();
  },
});
const loggers: Record<string, Logger> = Object.fromEntries(
  ['a', 'b', 'c'].map((name) => [name, createLogger({ name, destination: sink })]),
);

@Provider({ service: 'b' })
class BClient extends ProviderClient {
  @Get('/hop')
  hop(): Promise<{ path: string[] }> {
    return this.call('hop');
  }
}

@Provider({ service: 'c' })
class CClient extends ProviderClient {
  @Get('/hop')
  hop(): Promise<{ path: string[] }> {
    return this.call('hop');
  }
}

@Controller()
class AController {
  constructor(@Inject(BClient) private readonly b: BClient) {}
  @Get('/hop')
  async hop() {
    loggers['a']!.info('a handles');
    return { path: ['a', ...(await this.b.hop()).path] };
  }
}

@Controller()
class BController {
  constructor(@Inject(CClient) private readonly c: CClient) {}
  @Get('/hop')
  async hop() {
    await delay(1);
    loggers['b']!.info('b handles');
    return { path: ['b', ...(await this.c.hop()).path] };
  }
}

@Controller()
class CController {
  @Get('/hop')
  hop() {
    loggers['c']!.info('c handles');
    return { path: ['c'] };
  }
}

const exporter = new InMemorySpanExporter();
const apps: App[] = [];
let aUrl: string;

beforeAll(async () => {
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  const c = createApp({ name: 'c', controllers: [CController], logger: loggers['c'] });
  const cUrl = (await c.listen()).url;
  const b = createApp({
    name: 'b',
    controllers: [BController],
    providers: [CClient],
    logger: loggers['b'],
    config: { vitamin: { services: { c: { url: cUrl } } } },
  });
  const bUrl = (await b.listen()).url;
  const a = createApp({
    name: 'a',
    controllers: [AController],
    providers: [BClient],
    logger: loggers['a'],
    config: { vitamin: { services: { b: { url: bUrl } } } },
  });
  aUrl = (await a.listen()).url;
  apps.push(a, b, c);
});
afterAll(async () => {
  for (const app of apps) await app.close();
  trace.disable();
});

describe('a → b → c over real HTTP', () => {
  it('is one trace with correct parent links, and every hop logs its trace id', async () => {
    const answer = (await (await fetch(`${aUrl}/hop`)).json()) as { path: string[] };
    expect(answer.path).toEqual(['a', 'b', 'c']);
    await delay(20);

    const spans = exporter.getFinishedSpans();
    const traceIds = new Set(spans.map((span) => span.spanContext().traceId));
    expect(traceIds.size).toBe(1);
    const [traceId] = traceIds;
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: (typeof spans)[number]) => byId.get(span.parentSpanContext?.spanId ?? '');

    const servers = spans.filter((span) => span.kind === SpanKind.SERVER);
    expect(servers).toHaveLength(3);
    const root = servers.find((span) => span.parentSpanContext === undefined)!;
    expect(root).toBeDefined();
    // b's and c's server spans hang under a client attempt span, under a command span, under the caller's server span.
    for (const server of servers.filter((span) => span !== root)) {
      const attempt = parentOf(server)!;
      expect(attempt.kind).toBe(SpanKind.CLIENT);
      const command = parentOf(attempt)!;
      expect(command.kind).toBe(SpanKind.INTERNAL);
      expect(command.name).toMatch(/^[BC]Client#hop$/);
      expect(parentOf(command)!.kind).toBe(SpanKind.SERVER);
    }
    expect(spans).toHaveLength(7);

    for (const name of ['a', 'b', 'c']) {
      const line = lines.find((l) => l['msg'] === `${name} handles`)!;
      expect(line).toMatchObject({ service: name, traceId });
      expect(byId.get(line['spanId'] as string)?.kind).toBe(SpanKind.SERVER);
    }
  });
});
