import { VitaminError } from '../errors/vitamin-error.js';

const FORBIDDEN = /[\r\n\0]/;

/**
 * Serialises query parameters: `undefined` is left out, arrays repeat the key, everything else is
 * converted with `String`. Keys and values are percent-encoded.
 */
export function encodeQuery(query: Readonly<Record<string, unknown>> | undefined): string {
  if (query === undefined) return '';
  let out = '';
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === undefined) continue;
      out += `${out === '' ? '?' : '&'}${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`;
    }
  }
  return out;
}

/**
 * Copies caller headers over the base headers, refusing names or values with CR, LF or NUL before
 * anything is sent (header injection).
 */
export function mergeHeaders(
  base: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, unknown>> | undefined,
  where: string,
): Readonly<Record<string, string>> {
  if (extra === undefined) return base;
  const headers: Record<string, string> = { ...base };
  for (const name of Object.keys(extra)) {
    const value = extra[name];
    if (value === undefined) continue;
    const text = String(value);
    if (FORBIDDEN.test(name) || FORBIDDEN.test(text)) {
      throw new VitaminError(
        'VITAMIN_E_INVALID_REQUEST',
        `${where}: header '${JSON.stringify(name).slice(1, -1)}' holds CR, LF or NUL and was not sent`,
      );
    }
    headers[name.toLowerCase()] = text;
  }
  return headers;
}
