import { GreetingClient } from './greeting-client.js';
import { greetingConsumer, greetingService } from './apps.js';

// Starts the greeting service on a free port, calls it through the typed client, and stops both.
// SIGTERM or Ctrl-C meanwhile shuts the service down gracefully (see docs/operations.md).
const service = greetingService().enableShutdownHooks();
const { url } = await service.listen();
const consumer = greetingConsumer(url);
const client = consumer.get(GreetingClient);

const hello = await client.getGreeting({ path: { name: 'Ada' } });
const bonjour = await client.createGreeting({ body: { name: 'Grace', language: 'fr' } });
console.log(`greeting-service at ${url} answered:\n  ${hello.message}\n  ${bonjour.message}`);
const health = (await (await fetch(`${url}/actuator/health`)).json()) as { status: string };
console.log(`its health (${url}/actuator/health): ${health.status}`);

await consumer.close();
await service.close();
