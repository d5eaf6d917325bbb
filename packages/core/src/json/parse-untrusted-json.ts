import sjson from 'secure-json-parse';

/**
 * Parses JSON from another process (a request or response body) without `__proto__` keys or
 * `constructor.prototype` paths, which would pollute prototypes when the value is later merged.
 * Only text that could spell them — the words themselves, or a `\u` escape, which is the only JSON
 * escape that can write a letter — goes through secure-json-parse's scans; the rest (nearly every
 * body) is plain `JSON.parse`, which is what a call's hot path can afford. Throws on invalid JSON.
 */
export function parseUntrustedJson(text: string): unknown {
  if (
    text.includes('__proto__') ||
    text.includes('constructor') ||
    text.includes('\\u') ||
    text.charCodeAt(0) === 0xfeff
  ) {
    return sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' });
  }
  return JSON.parse(text) as unknown;
}
