import { createService } from './app.js';

// The process entry point (`node dist/main.js`, PID 1 in the container). The shutdown hooks make
// SIGTERM and SIGINT run the graceful shutdown: readiness DOWN, keep serving for
// vitamin.shutdown.preStopDelayMs, drain in-flight requests up to vitamin.shutdown.timeoutMs, exit 0.
const app = createService().enableShutdownHooks();
try {
  await app.listen();
} catch (error) {
  app.logger.fatal({ err: error }, 'could not start');
  await app.close();
  process.exitCode = 1;
}
