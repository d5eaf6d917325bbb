import { VitaminError } from '../errors/vitamin-error.js';
import type { CommandOptions } from './command-options.js';
import type { CommandPolicy } from './command-policy.js';
import { CommandRegistry } from './command-registry.js';
import type { CommandContext, CommandWork, Fallback } from './command-types.js';
import type { PoolOptions } from './concurrency-pool.js';

/** Options of {@link command}. */
export interface CommandFunctionOptions<A extends readonly unknown[], R> extends CommandOptions {
  /** @defaultValue the function's name (required when it has none) */
  key?: string;
  /** @defaultValue the key */
  group?: string;
  /** Called with the arguments and the cause when the call fails, times out or is rejected. */
  fallback?: Fallback<A, R>;
  /** Options of the group's concurrency pool. */
  pool?: PoolOptions;
  /** @defaultValue a registry shared by the whole process ({@link defaultCommandRegistry}) */
  registry?: CommandRegistry;
}

/** A function that runs as a command; its policy (state, options, metrics) is `policy`. */
export type CommandFunction<A extends readonly unknown[], R> = ((...args: A) => Promise<R>) & {
  readonly policy: CommandPolicy;
};

let shared: CommandRegistry | undefined;

/** The registry {@link command} uses when given none (no config: code options and defaults only). */
export function defaultCommandRegistry(): CommandRegistry {
  return (shared ??= new CommandRegistry());
}

/**
 * Wraps an async function as a command, without decorators. A `function` (not an arrow function)
 * sees the {@link CommandContext} as `this`: pass `this.signal` to I/O so a timeout cancels it.
 *
 * @example
 * ```ts
 * const price = command(async function (this: CommandContext, sku: string) {
 *   return (await fetch(`${base}/prices/${sku}`, { signal: this.signal })).json();
 * }, { key: 'prices', timeoutMs: 200, fallback: () => 0 });
 * ```
 * @throws VitaminError `VITAMIN_E_DEFINITION` when no key can be found or an option is invalid
 */
export function command<A extends readonly unknown[], R>(
  fn: (this: CommandContext, ...args: A) => Promise<R>,
  options: CommandFunctionOptions<A, R> = {},
): CommandFunction<A, R> {
  const { key = fn.name, group, fallback, pool, registry = defaultCommandRegistry(), ...commandOptions } = options;
  if (key === '') throw new VitaminError('VITAMIN_E_DEFINITION', 'command(fn): give a key, the function has no name');
  let policy: CommandPolicy;
  try {
    policy = registry.command(key, { group, options: commandOptions, pool });
  } catch (error) {
    throw new VitaminError('VITAMIN_E_DEFINITION', `command ${key}: ${(error as Error).message}`, { cause: error });
  }
  const work: CommandWork<A, R> = (args, context) => fn.apply(context, args as A & unknown[]);
  const run = (...args: A) => policy.execute(work, args, fallback);
  return Object.assign(run, { policy });
}
