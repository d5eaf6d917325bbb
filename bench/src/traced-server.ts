import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { pino } from 'pino';
import { Controller, createApp, createLogger, Get, Param } from '@vitamin/core';
import { PAYLOAD } from './payload.js';
import { answerCpuQueries } from './cpu-queries.js';

/** An exporter that drops spans: measures the SDK's own cost, not an exporter's. */
const dropping: SpanExporter = {
  export: (_spans, done) => done({ code: 0 }),
  shutdown: () => Promise.resolve(),
};

// Serves the benchmark JSON with one log line per request, traced or not. Started by tracing-overhead.
const mode = process.argv[2] ?? 'untraced';
if (mode === 'otel') {
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(dropping)] }));
}
const logger = createLogger({ name: 'bench', destination: pino.destination({ dest: '/dev/null', sync: false }) });

@Controller('/greetings')
class TracedController {
  @Get('/:id')
  get(@Param('id') id: string) {
    logger.info({ id }, 'greeting');
    return { ...PAYLOAD, id };
  }
}

const app = createApp({
  name: 'bench',
  controllers: [TracedController],
  logger,
  tracing: { enabled: mode !== 'untraced' },
});
const { port } = await app.listen();
process.send!({ port });
answerCpuQueries();
