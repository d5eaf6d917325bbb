/** What a secret value is shown as. */
export const MASK = '******';

/** Words that make a key look secret when one of its parts is made of them. */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'key',
  'apikey',
  'credential',
  'credentials',
  'passphrase',
  'private',
]);

/**
 * True when a property key (or an environment variable name) looks like it holds a secret: one of
 * its words is password, secret, token, key, credential or a close variant. Words are split at
 * dots, dashes, underscores and camelCase humps, so `db.password`, `apiKey`, `AUTH_TOKEN` and
 * `client-secret` are secret and `keepAliveTimeoutMs` is not.
 */
export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => SECRET_WORDS.has(word));
}

/**
 * The form of a property value that is safe to show (logs, `/actuator/*`, the CLI, refusals): the
 * whole value masked when its key looks secret, and the password of any URL in it masked otherwise.
 * Every place that shows a property value uses this function.
 */
export function maskValue(key: string, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (isSecretKey(key)) return MASK;
  if (typeof value === 'string') return maskUrlCredentials(value);
  if (Array.isArray(value)) return value.map((item) => maskValue(key, item));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(`${key}.${k}`, v)]));
  }
  return value;
}

/** Masks `user:password@` in URLs inside `text` (`https://u:p@host` → `https://u:******@host`). */
export function maskUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*):[^/\s@]*@/gi, `$1:${MASK}@`);
}
