import type { Environment } from './placeholders.js';
import { keyProblem } from './property-key.js';
import type { YamlProperties } from './yaml-properties.js';
import { decodeStoreValue } from './store-value.js';

/** Prefix of environment variables that set properties. */
export const ENV_PREFIX = 'VITAMIN_PROPS__';

/**
 * Properties set by environment variables, the highest layer. The mapping is exact and
 * unambiguous: after the prefix `VITAMIN_PROPS__`, each `__` is a dot and everything else is kept
 * as written, case, dashes and single underscores included:
 * `VITAMIN_PROPS__vitamin__command__default__timeoutMs=2000` sets `vitamin.command.default.timeoutMs`,
 * `VITAMIN_PROPS__vitamin__services__order-service__url` sets `vitamin.services.order-service.url`.
 * Values are decoded as the config store's are (`2000` is a number).
 */
export function environmentProperties(env: Environment): YamlProperties {
  const values = new Map<string, unknown>();
  const refused: { key: string; reason: string }[] = [];
  for (const [name, text] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || text === undefined) continue;
    const key = envNameToKey(name);
    const reason = keyProblem(key);
    if (reason === undefined) values.set(key, decodeStoreValue(text));
    else refused.push({ key: name, reason });
  }
  return { values, refused };
}

/** `VITAMIN_PROPS__a__b-c__d_e` → `a.b-c.d_e`. */
export function envNameToKey(name: string): string {
  return name.slice(ENV_PREFIX.length).split('__').join('.');
}

/** `a.b-c.d_e` → `VITAMIN_PROPS__a__b-c__d_e`. */
export function keyToEnvName(key: string): string {
  return ENV_PREFIX + key.split('.').join('__');
}
