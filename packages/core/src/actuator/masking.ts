/** What a secret value is shown as. */
export const MASKED = '******';

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
 * True when a key looks like it holds a secret: one of its words (split at dots, dashes,
 * underscores and camelCase humps) is password, secret, token, key, credential or a variant.
 * `db.password`, `apiKey`, `AUTH_TOKEN` are secret; `keepAliveTimeoutMs` is not.
 */
export function isSecretKey(key: string): boolean {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => SECRET_WORDS.has(word));
}

/** Masks the password of every URL in `text` (`https://u:p@host` → `https://u:******@host`). */
export function maskUrlUserinfo(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*):[^/\s@]*@/gi, `$1:${MASKED}@`);
}

/**
 * The form of a value that is safe to show on `/actuator/*`: all of it when its key looks secret,
 * URL passwords inside it otherwise, recursively through arrays and objects.
 */
export function maskValue(key: string, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (isSecretKey(key)) return MASKED;
  if (typeof value === 'string') return maskUrlUserinfo(value);
  if (Array.isArray(value)) return value.map((item) => maskValue(key, item));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(`${key}.${k}`, v)]));
  }
  return value;
}
