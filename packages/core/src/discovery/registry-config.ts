import type { Config } from '../config/config.js';
import { VitaminError } from '../errors/vitamin-error.js';
import { DnsRegistry } from './dns-registry.js';
import { EtcdRegistry } from './etcd-registry.js';
import { FileRegistry } from './file-registry.js';
import type { Registry } from './registry.js';
import { StaticRegistry } from './static-registry.js';

/** The registries `vitamin.discovery.registry` can name. */
export const REGISTRY_KINDS = Object.freeze(['static', 'file', 'etcd', 'dns'] as const);

/**
 * The registry `vitamin.discovery.registry` names, built from its `vitamin.discovery.<kind>.*`
 * properties; `undefined` when the property is not set (the app then uses a {@link StaticRegistry}
 * over its config and registers nowhere).
 * @throws VitaminError `VITAMIN_E_CONFIG` naming the key when a value is invalid
 */
export function registryFromConfig(config: Config): Registry | undefined {
  const kind = config.get<string>('vitamin.discovery.registry');
  if (kind === undefined) return undefined;
  const read = <T>(option: string, type: 'number' | 'string' | 'list'): T | undefined => {
    const key = `vitamin.discovery.${kind}.${option}`;
    const value = config.get(key);
    if (value === undefined) return undefined;
    if (type === 'list') {
      const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
      if (Array.isArray(list) && list.every((s) => typeof s === 'string' && s !== '')) return list as T;
    } else if (type === 'number' && (typeof value === 'number' || (typeof value === 'string' && value.trim() !== ''))) {
      const n = Number(value);
      if (Number.isFinite(n) && n > 0) return n as T;
    } else if (type === 'string' && typeof value === 'string' && value !== '') {
      return value as T;
    }
    throw new VitaminError(
      'VITAMIN_E_CONFIG',
      `${key}: '${String(value)}' is not a valid ${type === 'list' ? 'list of strings' : type}`,
    );
  };
  switch (kind) {
    case 'static':
      return new StaticRegistry(config);
    case 'file':
      return new FileRegistry({
        dir: read('dir', 'string'),
        heartbeatMs: read('heartbeatMs', 'number'),
        staleAfterMs: read('staleAfterMs', 'number'),
        pollMs: read('pollMs', 'number'),
      });
    case 'etcd':
      return new EtcdRegistry({
        endpoints: read('endpoints', 'list'),
        prefix: read('prefix', 'string'),
        ttlSeconds: read('ttlSeconds', 'number'),
      });
    case 'dns': {
      const suffix = read<string>('suffix', 'string') ?? '';
      const record = read<string>('record', 'string');
      if (record !== undefined && record !== 'A' && record !== 'SRV') {
        throw new VitaminError('VITAMIN_E_CONFIG', `vitamin.discovery.dns.record: '${record}' is not A or SRV`);
      }
      return new DnsRegistry({
        hostname: (service) => `${service}${suffix}`,
        record: record as 'A' | 'SRV' | undefined,
        port: read('port', 'number'),
        intervalMs: read('intervalMs', 'number'),
        servers: read('servers', 'list'),
      });
    }
    default:
      throw new VitaminError(
        'VITAMIN_E_CONFIG',
        `vitamin.discovery.registry: unknown registry '${String(kind)}'; use one of ${REGISTRY_KINDS.join(', ')}`,
      );
  }
}
