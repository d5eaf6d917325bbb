import { VitaminError } from '../errors/vitamin-error.js';
import { COMMANDS, getMetadata } from '../metadata/index.js';
import type { CommandOptions } from './command-options.js';
import type { CommandRegistry } from './command-registry.js';
import type { CommandWork, Fallback } from './command-types.js';

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Compiles the `@Command` methods of `instance` once: each becomes an own property that runs the
 * original method through its command, with the fallback resolved now. Called by `createApp` when
 * the container creates the instance; nothing is looked up per call.
 *
 * @throws VitaminError `VITAMIN_E_DEFINITION` when a fallback names no method, or an option is invalid
 */
export function bindCommands<T extends object>(instance: T, registry: CommandRegistry): T {
  const type = instance.constructor as { name: string };
  const declared = getMetadata(COMMANDS, instance);
  if (declared === undefined) return instance;
  const target = instance as Record<string, unknown>;
  for (const [property, declaration] of declared) {
    const original = target[property];
    const where = `@Command on ${type.name}.${property}`;
    if (typeof original !== 'function') throw new VitaminError('VITAMIN_E_DEFINITION', `${where}: not a method`);
    const fallback = resolveFallback(instance, declaration.fallback, where);
    let policy;
    try {
      policy = registry.command(declaration.key ?? `${type.name}#${property}`, {
        group: declaration.group ?? type.name,
        options: declaration.options as CommandOptions,
        pool: declaration.pool,
      });
    } catch (error) {
      throw new VitaminError('VITAMIN_E_DEFINITION', `${where}: ${(error as Error).message}`, { cause: error });
    }
    const work: CommandWork<unknown[], unknown> = (args) =>
      (original as AnyFunction).apply(instance, args) as Promise<unknown>;
    target[property] = (...args: unknown[]) => policy.execute(work, args, fallback);
  }
  return instance;
}

function resolveFallback(
  instance: object,
  fallback: string | ((...args: never[]) => unknown) | undefined,
  where: string,
): Fallback<unknown[], unknown> | undefined {
  if (fallback === undefined) return undefined;
  if (typeof fallback === 'function') return fallback as Fallback<unknown[], unknown>;
  const method = (instance as Record<string, unknown>)[fallback];
  if (typeof method !== 'function') {
    throw new VitaminError('VITAMIN_E_DEFINITION', `${where}: fallback '${fallback}' is not a method of the class`);
  }
  return (method as AnyFunction).bind(instance) as Fallback<unknown[], unknown>;
}
