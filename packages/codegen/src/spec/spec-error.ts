import { VitaminError } from '@vitamin/core';

/** A path inside a JSON document, as its segments. */
export type JsonPath = readonly (string | number)[];

/** The JSON pointer (RFC 6901) of `path`: `['paths', '/pets', 'get']` → `/paths/~1pets/get`. */
export function jsonPointer(path: JsonPath): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * The error `vitamin generate` raises for a spec it refuses: the message says what is wrong and, when
 * known, where (the JSON pointer), so the author can find it.
 */
export function specError(message: string, path?: JsonPath, cause?: unknown): VitaminError {
  const where = path === undefined ? '' : ` (at ${jsonPointer(path) || '/'})`;
  return new VitaminError('VITAMIN_E_SPEC', printable(`Invalid spec: ${message}${where}`), { cause });
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Spec text in a message must not drive the terminal: control characters are shown escaped. */
function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
