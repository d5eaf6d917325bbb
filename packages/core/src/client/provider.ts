import { ensureInjectable } from '../container/service.js';
import { defineMetadata, PROVIDER, type ProviderMetadata } from '../metadata/index.js';

/**
 * Marks a class as a provider client of `service`: its `@Get`, `@Post`, … methods become calls to
 * that service. The class extends {@link ProviderClient} and can be injected like any service.
 */
export function Provider(metadata: ProviderMetadata): ClassDecorator {
  return (target) => {
    defineProvider(target, metadata);
  };
}

/** The plain-function twin of {@link Provider}. */
export function defineProvider(target: object, metadata: ProviderMetadata): void {
  defineMetadata(PROVIDER, { ...metadata }, target);
  ensureInjectable(target);
}
