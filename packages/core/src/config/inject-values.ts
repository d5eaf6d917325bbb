import type { Container } from 'inversify';
import { getMetadata, VALUES } from '../metadata/index.js';
import type { Config } from './config.js';
import { DynamicProperty } from './dynamic-property.js';
import { classesWithValues } from './value.js';

/**
 * Gives an instance's `@Value` fields their current values and keeps them current: each field
 * becomes an own read-only data property that is redefined when its property changes. Returns a
 * function that stops following the configuration.
 * @throws VitaminError `VITAMIN_E_CONFIG_INVALID` when a current value fails the field's schema
 */
export function injectValues(instance: object, config: Config): () => void {
  const properties: DynamicProperty<unknown>[] = [];
  for (const { field, key, default: fallback, schema } of getMetadata(VALUES, instance) ?? []) {
    const property = new DynamicProperty<unknown>(config, key, { default: fallback, schema });
    properties.push(property);
    property.mirror((value) =>
      Object.defineProperty(instance, field, { value, writable: false, enumerable: true, configurable: true }),
    );
  }
  return () => {
    for (const property of properties) property.close();
  };
}

/**
 * Makes `container` inject values into every instance it activates of a class with `@Value`
 * fields (declared so far, plus `types`).
 */
export function activateValues(container: Container, config: Config, types: readonly object[] = []): void {
  for (const type of new Set([...classesWithValues(), ...types])) {
    if (getMetadata(VALUES, (type as { prototype: object }).prototype) === undefined) continue;
    container.onActivation(type as never, (_context, instance) => {
      injectValues(instance as object, config);
      return instance;
    });
  }
}
