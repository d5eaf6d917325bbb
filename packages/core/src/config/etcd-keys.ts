import { keyProblem, segmentProblem } from './property-key.js';

/** Root of every property in the config store. */
export const ETCD_CONFIG_ROOT = '/vitamin/config/';
/** The service name that holds properties for every service. */
export const GLOBAL_SCOPE = 'application';

/** Where a property in the config store applies: every service, one service, or one instance. */
export type ConfigLevel = 'global' | 'service' | 'instance';

/** Which service and instance a store key is read for. */
export interface ConfigScope {
  readonly service?: string;
  readonly instance?: string;
}

/**
 * The store key of a property: `/vitamin/config/application/<key>` (global),
 * `/vitamin/config/<service>/<key>` (service) or `/vitamin/config/<service>/<instance>/<key>`
 * (instance). The property key stays one dotted segment.
 * @throws Error naming the bad part when a name or the key is not valid
 */
export function etcdConfigKey(level: ConfigLevel, key: string, scope: ConfigScope = {}): string {
  const problem = keyProblem(key);
  if (problem !== undefined) throw new Error(`property key '${key}' is not valid: ${problem}`);
  if (level === 'global') return `${ETCD_CONFIG_ROOT}${GLOBAL_SCOPE}/${key}`;
  const service = requireName('service', scope.service);
  if (service === GLOBAL_SCOPE) throw new Error(`'${GLOBAL_SCOPE}' is reserved for global properties`);
  if (level === 'service') return `${ETCD_CONFIG_ROOT}${service}/${key}`;
  return `${ETCD_CONFIG_ROOT}${service}/${requireName('instance', scope.instance)}/${key}`;
}

/** The store prefix that holds the properties of one level. */
export function etcdConfigPrefix(level: ConfigLevel, scope: ConfigScope = {}): string {
  if (level === 'global') return `${ETCD_CONFIG_ROOT}${GLOBAL_SCOPE}/`;
  const service = requireName('service', scope.service);
  if (level === 'service') return `${ETCD_CONFIG_ROOT}${service}/`;
  return `${ETCD_CONFIG_ROOT}${service}/${requireName('instance', scope.instance)}/`;
}

/** A store key read back: its level and property key, `ignore` when it belongs to another scope. */
export type ParsedStoreKey =
  | { readonly kind: 'property'; readonly level: ConfigLevel; readonly key: string }
  | { readonly kind: 'ignore' }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Reads a store key for a service (and instance): every segment is decoded and checked before
 * anything else, so `..`, `%2F`, `%252F`, `__proto__` and `constructor` are refused, never used.
 */
export function parseEtcdConfigKey(path: string, scope: ConfigScope): ParsedStoreKey {
  if (!path.startsWith(ETCD_CONFIG_ROOT)) return { kind: 'ignore' };
  const [owner, ...rest] = path.slice(ETCD_CONFIG_ROOT.length).split('/');
  if (owner !== GLOBAL_SCOPE && owner !== scope.service) return { kind: 'ignore' };
  let level: ConfigLevel;
  if (rest.length === 1) level = owner === GLOBAL_SCOPE ? 'global' : 'service';
  else if (rest.length === 2 && owner !== GLOBAL_SCOPE) {
    const problem = segmentProblem(rest[0]!);
    if (problem !== undefined) return { kind: 'refused', reason: `instance ${problem}` };
    if (rest[0] !== scope.instance) return { kind: 'ignore' };
    level = 'instance';
  } else {
    return { kind: 'refused', reason: 'expected application/<key>, <service>/<key> or <service>/<instance>/<key>' };
  }
  const key = rest[rest.length - 1]!;
  const problem = keyProblem(key);
  return problem === undefined ? { kind: 'property', level, key } : { kind: 'refused', reason: problem };
}

function requireName(what: string, name: string | undefined): string {
  if (name === undefined) throw new Error(`a ${what} name is required for this level`);
  const problem = segmentProblem(name);
  if (problem !== undefined) throw new Error(`${what} name '${name}' is not valid: ${problem}`);
  return name;
}
