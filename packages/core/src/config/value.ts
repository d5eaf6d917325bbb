import { defineMetadata, getMetadata, VALUES, type Schema, type ValueMetadata } from '../metadata/index.js';
import { assertValidKey } from './property-key.js';

/** Options of {@link Value}. */
export interface ValueOptions<T = unknown> {
  /** The value when no source sets the key. */
  default?: T;
  /** Validates (and may convert) every value before the field gets it. */
  schema?: Schema<T>;
}

/** Classes that declare `@Value` fields, so the container can give their instances values. */
const CLASSES_WITH_VALUES = new Set<object>();

/**
 * Binds a field to a property: `@Value('order.maxItems', { default: 10, schema })`. The field
 * always holds the current value (it is updated in place when the property changes, so reading it
 * is a plain field read). Values are given when the container activates the instance (services,
 * controllers, provider clients of `createApp`), or by `injectValues(instance, config)`.
 */
export function Value<T>(key: string, options: ValueOptions<T> = {}): PropertyDecorator {
  return (target, field) => defineValue(target.constructor, field, key, options);
}

/** The plain-function twin of {@link Value}: binds `field` of `type`'s instances to `key`. */
export function defineValue<T>(type: object, field: string | symbol, key: string, options: ValueOptions<T> = {}): void {
  assertValidKey(key, `@Value on ${String(field)}`);
  const prototype = (type as { prototype: object }).prototype;
  const inherited = (getMetadata(VALUES, prototype) ?? []).filter((value) => value.field !== field);
  const entry: ValueMetadata = { field, key, default: options.default, schema: options.schema as Schema | undefined };
  defineMetadata(VALUES, [...inherited, entry], prototype);
  CLASSES_WITH_VALUES.add(type);
}

/** Every class that has declared a `@Value` field so far. */
export function classesWithValues(): readonly object[] {
  return [...CLASSES_WITH_VALUES];
}
