import { deliveryService } from './app.js';

// One delivery-service instance; SIGTERM or Ctrl-C shuts it down gracefully (see docs/operations.md).
const app = deliveryService().enableShutdownHooks();
const { url } = await app.listen();
// A launcher that started this process with an IPC channel (the demo) learns where it listens; if the
// launcher goes away without stopping it, the instance stops too instead of living on as an orphan.
process.send?.({ service: app.name, instance: app.config.get('vitamin.instance.id'), url });
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
