import { createApp, type App, type AppOptions, type Transport } from '@vitamin/core';
import { GreetingClient } from './greeting-client.js';
import { GreetingController } from './greeting-controller.js';

type Shared = Pick<AppOptions, 'logger' | 'server'>;

/** The greeting service. */
export function greetingService(options: Shared = {}): App {
  return createApp({ name: 'greeting-service', controllers: [GreetingController], ...options });
}

/** A consumer that reaches the greeting service at `greetingUrl` through {@link GreetingClient}. */
export function greetingConsumer(greetingUrl: string, options: Shared & { transport?: Transport } = {}): App {
  return createApp({
    name: 'greeting-consumer',
    providers: [GreetingClient],
    config: { vitamin: { services: { 'greeting-service': { url: greetingUrl } } } },
    ...options,
  });
}
