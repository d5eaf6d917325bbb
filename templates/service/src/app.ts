import { createApp, type App, type AppOptions } from '@vitamin/core';
import { GreetingBook, greetingBookIndicator } from './greetings/greeting-book.js';
import { GreetingController } from './greetings/greeting-controller.js';
import { LOGGER } from './logger-token.js';

/** The service name: the `service` of every log line, its registry name, the name of config/<name>.yaml. */
export const SERVICE_NAME = '__SERVICE_NAME__';

/** What tests and main.ts may set; everything else comes from config/ and the environment. */
export type ServiceOptions = Pick<AppOptions, 'logger' | 'profile' | 'configDir' | 'config' | 'server'>;

/** Creates the service: controllers, health and config are wired here; nothing listens yet. */
export function createService(options: ServiceOptions = {}): App {
  const book = new GreetingBook();
  const app = createApp({
    name: SERVICE_NAME,
    controllers: [GreetingController],
    actuator: { indicators: [greetingBookIndicator(book)] },
    ...options,
  });
  app.container.bind(GreetingBook).toConstantValue(book);
  app.container.bind(LOGGER).toConstantValue(app.logger);
  return app;
}
