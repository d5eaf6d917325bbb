import { VitaminError } from '../errors/vitamin-error.js';

/** Names that would reach an object's prototype if used as a key. */
const UNSAFE_NAMES = new Set(['__proto__', 'prototype', 'constructor']);
/**
 * One segment of a property key, a service name or an instance id: letters, digits, `-`, and `_`
 * between them (never doubled or at an end, so the environment variable mapping stays unambiguous).
 */
const SAFE_SEGMENT = /^[A-Za-z0-9-]+(?:_[A-Za-z0-9-]+)*$/;
/** Percent-decoding rounds tried before a segment is refused as encoded too deeply. */
const MAX_DECODE_ROUNDS = 4;

/**
 * Decodes percent-encoding until the text stops changing, so `%252F` is seen as `/` (double
 * encoding hid path traversal in other config servers). Returns `undefined` when the encoding is
 * malformed or nested deeper than any legitimate name.
 */
export function decodeFully(text: string): string | undefined {
  let current = text;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return undefined;
}

/**
 * Why `segment` (a service name, instance id or one dotted part of a key, as received) is not a
 * safe name, or `undefined` when it is. The segment is decoded fully before it is checked.
 */
export function segmentProblem(segment: string): string | undefined {
  const decoded = decodeFully(segment);
  if (decoded === undefined) return `segment '${segment}' is malformed or encoded more than once`;
  if (decoded !== segment) return `segment '${segment}' is percent-encoded (decodes to '${decoded}')`;
  if (segment === '') return 'a segment is empty';
  if (UNSAFE_NAMES.has(segment)) return `segment '${segment}' is not allowed`;
  if (!SAFE_SEGMENT.test(segment))
    return `segment '${segment}' may hold only letters, digits, '-' and single inner '_'`;
  return undefined;
}

/** Why the dotted property `key` is not valid, or `undefined` when it is. */
export function keyProblem(key: string): string | undefined {
  if (key.length === 0) return 'the key is empty';
  if (key.length > 512) return 'the key is longer than 512 characters';
  for (const segment of key.split('.')) {
    const problem = segmentProblem(segment);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * Checks a dotted property key and throws a `VITAMIN_E_CONFIG_KEY` error naming it and `where` it
 * came from when it is not valid.
 */
export function assertValidKey(key: string, where: string): void {
  const problem = keyProblem(key);
  if (problem !== undefined) {
    throw new VitaminError('VITAMIN_E_CONFIG_KEY', `${where}: property key '${key}' is not valid: ${problem}`);
  }
}
