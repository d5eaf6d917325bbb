import { ensureInjectable } from '../container/service.js';
import { CONTROLLER, defineMetadata } from '../metadata/index.js';

/**
 * Marks a class as a controller whose routes live under `prefix`. The class is also a service, so
 * its constructor can take other services.
 */
export function Controller(prefix = ''): ClassDecorator {
  return (target) => {
    defineController(target, prefix);
  };
}

/** The plain-function twin of {@link Controller}. */
export function defineController(target: object, prefix = ''): void {
  defineMetadata(CONTROLLER, { prefix }, target);
  ensureInjectable(target);
}
