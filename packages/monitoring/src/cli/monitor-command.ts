import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { InMemoryConfig, registryFromConfig, StaticRegistry, VitaminError, type Registry } from '@vitamin/core/fleet';
import { startMonitor, type Monitor } from '../start-monitor.js';

/** Where the command writes, and a hook for whoever started it (tests, an embedding process). */
export interface MonitorCommandIo {
  out?: (line: string) => void;
  /** Called once the monitor listens; by default the process runs until SIGINT or SIGTERM. */
  onStarted?: (monitor: Monitor) => void;
}

interface Flags {
  cluster: string[];
  registry?: string;
  instances: string[];
  fileDir?: string;
  etcdEndpoints?: string;
  etcdPrefix?: string;
  dnsSuffix?: string;
  dnsRecord?: string;
  host: string;
  port: string;
  tokenFile?: string;
  adminTokenFile?: string;
}

const collect = (value: string, previous: string[]): string[] => [
  ...previous,
  ...value.split(',').map((s) => s.trim()),
];

/** The port `vitamin monitor` listens on unless told otherwise (`startMonitor` takes a free one). */
export const DEFAULT_MONITOR_CLI_PORT = 7979;

/**
 * `vitamin monitor` (and `npx @vitamin/monitoring`): starts the monitoring service on a registry
 * named by flags. Tokens are read from files or the environment, never from the command line,
 * where any user of the machine could read them.
 */
export function createMonitorCommand(io: MonitorCommandIo = {}): Command {
  const out = io.out ?? ((line: string) => console.log(line));
  return new Command('monitor')
    .description('start the monitoring service: aggregated streams, dashboard and admin view of every instance')
    .option('--cluster <names>', 'clusters (service names) to follow, comma-separated; repeatable', collect, [])
    .option('--registry <kind>', 'where instances are found: static, file, etcd or dns')
    .option(
      '--instances <cluster=url,url>',
      'instances of a cluster for the static registry; repeatable',
      (v, p: string[]) => [...p, v],
      [],
    )
    .option('--file-dir <dir>', 'folder of the file registry')
    .option('--etcd-endpoints <urls>', 'etcd endpoints, comma-separated', process.env['VITAMIN_ETCD_ENDPOINTS'])
    .option('--etcd-prefix <prefix>', 'key prefix of the etcd registry')
    .option('--dns-suffix <suffix>', 'DNS registry: appended to a cluster name to make its host name')
    .option('--dns-record <type>', 'DNS registry: A or SRV')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: a free one)', String(DEFAULT_MONITOR_CLI_PORT))
    .option('--token-file <file>', "file holding the instances' actuator token (else VITAMIN_MONITOR_TOKEN)")
    .option(
      '--admin-token-file <file>',
      'file holding the token admin actions require (else VITAMIN_MONITOR_ADMIN_TOKEN)',
    )
    .action(async (flags: Flags) => {
      const { registry, clusters } = registryFromFlags(flags);
      const port = Number(flags.port);
      if (!/^\d+$/.test(flags.port))
        throw new VitaminError('VITAMIN_E_CONFIG', `--port '${flags.port}' is not a port number`);
      const monitor = await startMonitor({
        registry,
        clusters: [...new Set([...flags.cluster.filter((c) => c !== ''), ...clusters])],
        host: flags.host,
        port,
        token: secret(flags.tokenFile, 'VITAMIN_MONITOR_TOKEN', '--token-file'),
        adminToken: secret(flags.adminTokenFile, 'VITAMIN_MONITOR_ADMIN_TOKEN', '--admin-token-file'),
      });
      out(`vitamin monitor: dashboard at ${monitor.url}/ (registry ${registry.kind})`);
      const close = monitor.close;
      const stopped = { monitor: { ...monitor, close: () => close().then(() => registry.close()) } };
      if (io.onStarted !== undefined) {
        io.onStarted(stopped.monitor);
        return;
      }
      await new Promise<void>((resolve) => {
        const stop = () => void stopped.monitor.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function registryFromFlags(flags: Flags): { registry: Registry; clusters: string[] } {
  const services: Record<string, string[]> = {};
  for (const entry of flags.instances) {
    const match = /^([^=]+)=(.+)$/.exec(entry);
    if (match === null)
      throw new VitaminError('VITAMIN_E_CONFIG', `--instances '${entry}': expected <cluster>=<url>[,<url>…]`);
    services[match[1]!] = [...(services[match[1]!] ?? []), ...match[2]!.split(',').map((url) => url.trim())];
  }
  const kind = flags.registry ?? 'static';
  if (kind === 'static') {
    if (Object.keys(services).length === 0) {
      throw new VitaminError(
        'VITAMIN_E_CONFIG',
        'no instances to monitor: give --instances <cluster>=<url> or --registry file|etcd|dns',
      );
    }
    return { registry: new StaticRegistry(services), clusters: Object.keys(services) };
  }
  const properties: Record<string, unknown> = { 'vitamin.discovery.registry': kind };
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) properties[`vitamin.discovery.${key}`] = value;
  };
  set('file.dir', flags.fileDir);
  set('etcd.endpoints', flags.etcdEndpoints);
  set('etcd.prefix', flags.etcdPrefix);
  set('dns.suffix', flags.dnsSuffix);
  set('dns.record', flags.dnsRecord);
  return { registry: registryFromConfig(new InMemoryConfig(properties))!, clusters: [] };
}

function secret(file: string | undefined, variable: string, flag: string): string | undefined {
  if (file !== undefined) {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new VitaminError('VITAMIN_E_CONFIG', `${flag} ${file}: ${(error as Error).message}`);
    }
  }
  const value = process.env[variable];
  return value === undefined || value === '' ? undefined : value;
}
