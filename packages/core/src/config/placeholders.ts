/** `${NAME}` or `${NAME:default}`; names are environment variable names. */
const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}/g;

/** Environment variables a configuration reads: `process.env` or a given record. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The outcome of resolving placeholders in one value. */
export type PlaceholderResult = { ok: true; value: unknown } | { ok: false; missing: string };

/**
 * Replaces `${VAR}` and `${VAR:default}` in a string value with environment variables. Resolution
 * is one pass of plain substitution: the result is never scanned again and nothing is evaluated,
 * so a value can never run code or pull in other variables. Non-string values pass through.
 */
export function resolvePlaceholders(value: unknown, env: Environment): PlaceholderResult {
  if (typeof value !== 'string' || !value.includes('${')) return { ok: true, value };
  let missing: string | undefined;
  const resolved = value.replace(PLACEHOLDER, (_match, name: string, fallback: string | undefined) => {
    const found = env[name];
    if (found !== undefined) return found;
    if (fallback !== undefined) return fallback;
    missing ??= name;
    return '';
  });
  return missing === undefined ? { ok: true, value: resolved } : { ok: false, missing };
}
