import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { VitaminError } from '../errors/vitamin-error.js';
import { createLogger } from '../logging/logger.js';
import { DEFAULT_ETCD_CONFIG_OPTIONS, resolveConfigOptions, type ConfigOptions } from './config-options.js';
import { environmentProperties } from './env-properties.js';
import { ETCD_LAYERS, EtcdSource } from './etcd-source.js';
import { flattenProperties } from './flatten.js';
import { LayeredConfig } from './layered-config.js';
import { segmentProblem } from './property-key.js';
import { checkKeys } from './yaml-properties.js';
import { YamlFileSource } from './yaml-file-source.js';

/** Layer of the properties given in code. */
export const CODE_LAYER = 'code';
/** Layer of the environment variables. */
export const ENV_LAYER = 'env';

/**
 * Builds the layered configuration of a service, lowest precedence first: properties given in code,
 * `config/application.yaml`, `config/application-<profile>.yaml`, `config/<service>.yaml`, the
 * store's global, service and instance levels, environment variables (declared defaults sit below
 * all of them). Local layers are read now (a malformed file throws, naming file and line); the
 * store is read in the background: await `ready()` (or use {@link loadConfig}) before relying on it.
 * @throws VitaminError `VITAMIN_E_CONFIG_PARSE`, `VITAMIN_E_CONFIG_KEY` or `VITAMIN_E_CONFIG_INVALID`
 */
export function createLayeredConfig(options: ConfigOptions): LayeredConfig {
  const resolved = resolveConfigOptions(options);
  const env = options.env ?? process.env;
  const logger = options.logger ?? createLogger({ name: options.service });
  const serviceProblem = segmentProblem(options.service);
  if (serviceProblem !== undefined) {
    throw new VitaminError('VITAMIN_E_CONFIG_KEY', `service name '${options.service}' is not valid: ${serviceProblem}`);
  }
  const profile = options.profile ?? env['VITAMIN_PROFILE'];
  const dir = resolve(resolved.configDir);
  const files = [
    join(dir, 'application.yaml'),
    ...(profile === undefined || profile === '' ? [] : [join(dir, `application-${checkedProfile(profile)}.yaml`)]),
    join(dir, `${options.service}.yaml`),
  ];
  const fileLayer = (file: string): string => `file:${join(resolved.configDir, file.slice(dir.length + 1))}`;
  const config = new LayeredConfig({
    layers: [
      CODE_LAYER,
      ...files.map(fileLayer),
      ETCD_LAYERS.global,
      ETCD_LAYERS.service,
      ETCD_LAYERS.instance,
      ENV_LAYER,
    ],
    env,
    logger,
  });

  const code = checkKeys(flattenProperties(options.properties ?? {}, 'config given in code'));
  const environment = environmentProperties(env);
  for (const [where, refused] of [
    ['config given in code', code.refused],
    ['environment', environment.refused],
  ] as const) {
    const bad = refused[0];
    if (bad !== undefined) {
      throw new VitaminError('VITAMIN_E_CONFIG_KEY', `${where}: property key '${bad.key}' is not valid: ${bad.reason}`);
    }
  }
  config.update(new Map([[CODE_LAYER, code.values]]), true);
  config.update(new Map([[ENV_LAYER, environment.values]]), true);
  for (const file of files) {
    const source = new YamlFileSource(file, fileLayer(file), config);
    source.load();
    if (resolved.watchFiles) source.watch(resolved.watchDebounceMs);
    config.attach(undefined, async () => source.close());
  }

  if (options.etcd !== undefined) {
    const etcd = { ...DEFAULT_ETCD_CONFIG_OPTIONS, ...definedOnly(options.etcd) };
    const source = new EtcdSource(
      {
        endpoints: etcd.endpoints,
        service: options.service,
        instance: etcd.instanceId ?? env['VITAMIN_INSTANCE_ID'] ?? `${hostname()}-${process.pid}`,
        snapshotFile: etcd.snapshotFile ?? resolve('.vitamin', `config-snapshot-${options.service}.json`),
        failFast: etcd.failFast,
        timeoutMs: etcd.timeoutMs,
        retryMinMs: etcd.retryMinMs,
        retryMaxMs: etcd.retryMaxMs,
      },
      config,
      logger,
    );
    config.attach(source.start(), () => source.close());
  }
  return config;
}

/**
 * {@link createLayeredConfig}, then waits for the config store.
 * @throws VitaminError `VITAMIN_E_CONFIG_STORE_UNAVAILABLE` when the store is down at boot, there
 *   is no snapshot and `failFast` is set
 */
export async function loadConfig(options: ConfigOptions): Promise<LayeredConfig> {
  const config = createLayeredConfig(options);
  try {
    await config.ready();
  } catch (error) {
    await config.close();
    throw error;
  }
  return config;
}

function checkedProfile(profile: string): string {
  const problem = segmentProblem(profile);
  if (problem !== undefined)
    throw new VitaminError('VITAMIN_E_CONFIG_KEY', `profile '${profile}' is not valid: ${problem}`);
  return profile;
}

function definedOnly<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
}
