import { Command, Option } from 'commander';
import { EtcdConfigStore, decodeStoreValue, maskValue, type ConfigLevel, type ConfigScope } from '@vitamin/core';

/** Where the command writes; standard output and error unless a test captures them. */
export interface ConfigCommandIo {
  out?: (line: string) => void;
  err?: (line: string) => void;
}

interface LevelOptions {
  endpoints: string;
  service?: string;
  instance?: string;
  level?: ConfigLevel;
}

/** The default store endpoints: `VITAMIN_ETCD_ENDPOINTS` (comma-separated), else local etcd. */
const DEFAULT_ENDPOINTS = process.env['VITAMIN_ETCD_ENDPOINTS'] ?? 'http://127.0.0.1:2379';

/**
 * `vitamin config get|set|list|delete`: reads and changes properties in the config store (etcd)
 * at the global, service or instance level, so operators never need etcdctl. Values of keys that
 * look secret are masked in everything it prints.
 */
export function createConfigCommand(io: ConfigCommandIo = {}): Command {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => console.error(line));
  const command = new Command('config').description('read and change properties in the config store (etcd)');

  withLevel(command.command('get').argument('<key>', 'dotted property key'))
    .description('print a property set at one level')
    .action(async (key: string, options: LevelOptions) =>
      useStore(options, async (store, level, scope) => {
        const value = await store.get(level, key, scope);
        if (value === undefined) {
          err(`${key} is not set at the ${describeLevel(level, scope)} level`);
          process.exitCode = 1;
        } else out(show(key, value));
      }),
    );

  withLevel(command.command('set').argument('<key>', 'dotted property key').argument('<value>', 'value (JSON or text)'))
    .description('set a property at one level; running services apply it within a second')
    .action(async (key: string, value: string, options: LevelOptions) =>
      useStore(options, async (store, level, scope) => {
        await store.set(level, { [key]: value }, scope);
        out(`${key} = ${show(key, decodeStoreValue(value))} (${describeLevel(level, scope)})`);
      }),
    );

  withLevel(command.command('list').argument('[prefix]', 'only keys starting with this', ''))
    .description('list the properties set at one level')
    .action(async (prefix: string, options: LevelOptions) =>
      useStore(options, async (store, level, scope) => {
        for (const { key, value } of await store.list(level, scope, prefix)) out(`${key} = ${show(key, value)}`);
      }),
    );

  withLevel(command.command('delete').argument('<key>', 'dotted property key'))
    .description('remove a property from one level')
    .action(async (key: string, options: LevelOptions) =>
      useStore(options, async (store, level, scope) => {
        const deleted = await store.delete(level, key, scope);
        out(deleted ? `${key} deleted (${describeLevel(level, scope)})` : `${key} was not set`);
      }),
    );
  return command;
}

function withLevel(command: Command): Command {
  return command
    .option('--endpoints <urls>', 'etcd endpoints, comma-separated', DEFAULT_ENDPOINTS)
    .option('--service <name>', 'the service (service and instance levels)')
    .option('--instance <id>', 'the instance (instance level)')
    .addOption(
      new Option('--level <level>', 'global, service or instance (default: from --service/--instance)').choices([
        'global',
        'service',
        'instance',
      ]),
    );
}

async function useStore(
  options: LevelOptions,
  run: (store: EtcdConfigStore, level: ConfigLevel, scope: ConfigScope) => Promise<void>,
): Promise<void> {
  const level = options.level ?? (options.instance ? 'instance' : options.service ? 'service' : 'global');
  const store = new EtcdConfigStore(options.endpoints.split(',').map((url) => url.trim()));
  try {
    await run(store, level, { service: options.service, instance: options.instance });
  } finally {
    store.close();
  }
}

function show(key: string, value: unknown): string {
  const masked = maskValue(key, value);
  return typeof masked === 'string' ? masked : JSON.stringify(masked);
}

function describeLevel(level: ConfigLevel, scope: ConfigScope): string {
  if (level === 'global') return 'global';
  return level === 'service' ? `service ${scope.service}` : `instance ${scope.service}/${scope.instance}`;
}
