import 'reflect-metadata';

/**
 * A typed metadata key: decorators write values of type `T` under it and the runtime reads them
 * back with the same type. The only place in vitamin that touches `Reflect` metadata.
 */
export interface MetadataKey<T> {
  readonly symbol: symbol;
  /** Only for type inference; never set. */
  readonly type?: T;
}

/** Creates a typed metadata key; the name appears in debuggers only. */
export function metadataKey<T>(name: string): MetadataKey<T> {
  return { symbol: Symbol.for(`vitamin.${name}`) };
}

/** Writes metadata on a class (or, with `property`, on one of its members). */
export function defineMetadata<T>(key: MetadataKey<T>, value: T, target: object, property?: string | symbol): void {
  if (property === undefined) Reflect.defineMetadata(key.symbol, value, target);
  else Reflect.defineMetadata(key.symbol, value, target, property);
}

/** Reads metadata of a class or member, including what a base class declared. */
export function getMetadata<T>(key: MetadataKey<T>, target: object, property?: string | symbol): T | undefined {
  return (
    property === undefined ? Reflect.getMetadata(key.symbol, target) : Reflect.getMetadata(key.symbol, target, property)
  ) as T | undefined;
}

/** Reads metadata of a class or member as that class declared it, ignoring base classes. */
export function getOwnMetadata<T>(key: MetadataKey<T>, target: object, property?: string | symbol): T | undefined {
  return (
    property === undefined
      ? Reflect.getOwnMetadata(key.symbol, target)
      : Reflect.getOwnMetadata(key.symbol, target, property)
  ) as T | undefined;
}

/** The constructor parameter types TypeScript emitted (`emitDecoratorMetadata`). */
export function getParameterTypes(target: object, property?: string | symbol): unknown[] {
  const types =
    property === undefined
      ? Reflect.getMetadata('design:paramtypes', target)
      : Reflect.getMetadata('design:paramtypes', target, property);
  return Array.isArray(types) ? types : [];
}
