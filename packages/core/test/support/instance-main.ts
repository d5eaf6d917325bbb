// One service instance in its own process, for the graceful shutdown tests. Reads PORT,
// PRE_STOP_DELAY_MS and WORK_MS from the environment, prints `{"url": …}` once listening, and
// shuts down gracefully on SIGTERM or SIGINT.
import { createApp, defineController, defineRoute } from '@vitamin/core';

class WorkController {
  async work(): Promise<{ pid: number }> {
    await new Promise((resolve) => setTimeout(resolve, Number(process.env['WORK_MS'] ?? 5)));
    return { pid: process.pid };
  }
}
defineController(WorkController);
defineRoute(WorkController.prototype, 'work', { method: 'GET', path: '/work' });

const app = createApp({
  name: 'work-service',
  controllers: [WorkController],
  server: { port: Number(process.env['PORT'] ?? 0) },
  shutdown: {
    preStopDelayMs: Number(process.env['PRE_STOP_DELAY_MS'] ?? 0),
    timeoutMs: Number(process.env['SHUTDOWN_TIMEOUT_MS'] ?? 30_000),
  },
}).enableShutdownHooks();
const { url } = await app.listen();
process.stdout.write(`${JSON.stringify({ url })}\n`);
