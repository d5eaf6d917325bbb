import { VitaminError } from '../errors/vitamin-error.js';
import { COMMANDS, defineMetadata, getMetadata, type CommandMetadata } from '../metadata/index.js';
import type { CommandOptions } from './command-options.js';
import type { PoolOptions } from './concurrency-pool.js';

/** Options of the `@Command` decorator: the command options plus its identity and fallback. */
export interface CommandDecoratorOptions extends CommandOptions {
  /**
   * The command key; properties are read under `vitamin.command.<key>.`.
   * @defaultValue `<Class>#<method>`
   */
  key?: string;
  /**
   * The group (shares a concurrency pool and group metrics).
   * @defaultValue the class name
   */
  group?: string;
  /**
   * The name of a method of the same instance, or a function, called with the method's arguments and
   * the cause when the call fails, times out, is rejected or meets an open circuit (never for bad
   * requests).
   */
  fallback?: string | ((...args: never[]) => unknown);
  /** Options of the group's concurrency pool (`vitamin.pool.<group>.*` properties override them). */
  pool?: PoolOptions;
}

/**
 * Runs an async method as a command (circuit breaker, bulkhead, timeout, fallback, metrics). Only
 * records metadata; `createApp` compiles the command when it creates the instance.
 *
 * @example
 * ```ts
 * @Service()
 * class Prices {
 *   @Command({ timeoutMs: 200, fallback: 'cachedPrice' })
 *   async price(sku: string): Promise<number> { … }
 *   cachedPrice(sku: string, cause: unknown): number { … }
 * }
 * ```
 */
export function Command(options: CommandDecoratorOptions = {}): MethodDecorator {
  return (target, property) => {
    if (typeof property !== 'string') {
      throw new VitaminError(
        'VITAMIN_E_DEFINITION',
        `@Command needs a method with a string name, got ${String(property)}`,
      );
    }
    const { key, group, fallback, pool, ...commandOptions } = options;
    const declared: CommandMetadata = {
      key,
      group,
      fallback,
      pool: pool as CommandMetadata['pool'],
      options: commandOptions,
    };
    const existing = getMetadata(COMMANDS, target) ?? new Map<string, CommandMetadata>();
    defineMetadata(COMMANDS, new Map([...existing, [property, declared]]), target);
  };
}
