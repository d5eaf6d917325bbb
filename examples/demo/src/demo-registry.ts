import { InMemoryConfig, keyToEnvName, registryFromConfig, type Registry } from '@vitamin/core';
import type { DemoArgs } from './demo-args.js';

/** The registry the demo's services share: how the demo reads it, and the properties that point the services at it. */
export interface DemoRegistry {
  readonly registry: Registry;
  /** Environment variables (`VITAMIN_PROPS__…`) that make a service register and look up there. */
  readonly env: Record<string, string>;
  /** Where it is, for people. */
  readonly description: string;
}

/**
 * A file registry in `dir` (removed with it), or etcd when `--etcd` was given. One set of
 * properties configures both the demo's own registry and, through the environment, the services'.
 */
export function demoRegistry(args: DemoArgs, dir: string): DemoRegistry {
  // Short polls so that a stopped or restarted instance is noticed within half a second.
  const discovery: Record<string, string> =
    args.etcd !== undefined
      ? { 'vitamin.discovery.registry': 'etcd', 'vitamin.discovery.etcd.endpoints': args.etcd }
      : {
          'vitamin.discovery.registry': 'file',
          'vitamin.discovery.file.dir': dir,
          'vitamin.discovery.file.pollMs': '500',
        };
  return {
    registry: registryFromConfig(new InMemoryConfig(discovery))!,
    env: properties(discovery),
    description: args.etcd !== undefined ? `etcd at ${args.etcd}` : `file registry in ${dir}`,
  };
}

/** Properties as the environment variables that set them. */
export function properties(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [keyToEnvName(key), value]));
}
