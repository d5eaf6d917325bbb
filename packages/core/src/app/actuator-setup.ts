import { LayeredConfig } from '../config/layered-config.js';
import { randomUUID } from 'node:crypto';
import { Actuator, type ActuatorSources } from '../actuator/actuator.js';
import {
  DEFAULT_ACTUATOR_OPTIONS,
  resolveActuatorOptions,
  type ActuatorOptions,
  type ResolvedActuatorOptions,
} from '../actuator/actuator-options.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../logging/logger.js';

/** Patterns of the properties the actuator and the shutdown sequence read (`*`: one key segment). */
export const ACTUATOR_PROPERTIES: readonly string[] = Object.freeze([
  'vitamin.actuator.*',
  'vitamin.shutdown.*',
  'vitamin.info.version',
  'vitamin.info.git.commit',
  'vitamin.instance.id',
]);

/** The actuator part of {@link AppOptions}: its options, what it reads, and what `info` shows. */
export interface AppActuatorOptions extends ActuatorOptions, ActuatorSources {
  /** The version `info` shows. @defaultValue `vitamin.info.version`, else `npm_package_version` */
  version?: string;
  /** This instance's id. @defaultValue `vitamin.instance.id`, else `<name>-<random>` */
  instanceId?: string;
  /** The commit `info` shows. @defaultValue `vitamin.info.git.commit`, else the `GIT_COMMIT` variable */
  gitCommit?: string;
}

/** Resolves the actuator options of an app: `vitamin.actuator.*` properties win over code. */
export function actuatorOptionsOf(config: Config, options: AppActuatorOptions = {}): ResolvedActuatorOptions {
  const fromConfig: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_ACTUATOR_OPTIONS)) {
    const value = config.get<unknown>(`vitamin.actuator.${key}`);
    if (value === undefined) continue;
    fromConfig[key] =
      key === 'openEndpoints' && typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
  }
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_ACTUATOR_OPTIONS)) picked[key] = (options as Record<string, unknown>)[key];
  const merged = { ...picked, ...fromConfig } as ActuatorOptions;
  const numeric = [
    'managementPort',
    'streamIntervalMs',
    'streamMaxClients',
    'streamMaxBufferedBytes',
    'healthTimeoutMs',
  ] as const;
  for (const key of numeric) {
    const value = merged[key] as unknown;
    if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
      (merged as Record<string, unknown>)[key] = Number(value);
    }
  }
  const enabled = merged.enabled as unknown;
  if (enabled === 'true' || enabled === 'false') merged.enabled = enabled === 'true';
  return resolveActuatorOptions(merged);
}

/** Creates the actuator of an app, or `undefined` when it is disabled. */
export function createActuator(
  name: string,
  config: Config,
  logger: Logger,
  options: AppActuatorOptions = {},
): Actuator | undefined {
  const resolved = actuatorOptionsOf(config, options);
  if (!resolved.enabled) return undefined;
  const text = (key: string): string | undefined => {
    const value = config.get<unknown>(key);
    return value === undefined || value === null ? undefined : String(value);
  };
  return new Actuator({
    config,
    logger,
    options: resolved,
    // A layered config knows where each value came from, what it refused and which keys are unknown.
    sources: { ...options, properties: options.properties ?? (config instanceof LayeredConfig ? config : undefined) },
    info: {
      name,
      version: options.version ?? text('vitamin.info.version') ?? process.env['npm_package_version'],
      instanceId: options.instanceId ?? text('vitamin.instance.id') ?? `${name}-${randomUUID().slice(0, 8)}`,
      gitCommit: options.gitCommit ?? text('vitamin.info.git.commit') ?? process.env['GIT_COMMIT'],
      startedAt: Date.now(),
    },
  });
}
