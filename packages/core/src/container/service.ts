import { injectable } from 'inversify';

/**
 * Marks a class as a service the container can construct and inject. Services are singletons by
 * default: one instance per app, as a Spring bean would be.
 */
export function Service(): ClassDecorator {
  return (target) => {
    injectable('Singleton')(target as never);
  };
}

/** Applies inversify's `@injectable()` once, even when several vitamin decorators ask for it. */
export function ensureInjectable(target: object): void {
  if (!Object.prototype.hasOwnProperty.call(target, INJECTABLE_MARK)) {
    injectable('Singleton')(target as never);
    Object.defineProperty(target, INJECTABLE_MARK, { value: true });
  }
}

const INJECTABLE_MARK = Symbol.for('vitamin.injectable');
