import { describe, expect, it } from 'vitest';
import { parseUntrustedJson } from './parse-untrusted-json.js';

describe('parseUntrustedJson', () => {
  it('parses ordinary JSON', () => {
    expect(parseUntrustedJson('{"id":"42","tags":["a"],"n":1.5}')).toEqual({ id: '42', tags: ['a'], n: 1.5 });
  });

  it('drops __proto__ keys, written plainly or with \\u escapes, and constructor.prototype', () => {
    const plain = parseUntrustedJson('{"a":1,"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const escaped = parseUntrustedJson('{"a":1,"\\u005f_proto__":{"polluted":true}}') as Record<string, unknown>;
    const ctor = parseUntrustedJson('{"a":1,"constructor":{"prototype":{"polluted":true}}}') as Record<string, unknown>;
    for (const value of [plain, escaped, ctor]) {
      expect(value['a']).toBe(1);
      expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(false);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
    expect(Object.prototype.hasOwnProperty.call(ctor, 'constructor')).toBe(false);
  });

  it('accepts a byte-order mark and keeps other escapes', () => {
    expect(parseUntrustedJson('\ufeff{"s":"caf\\u00e9 \\"x\\""}')).toEqual({ s: 'café "x"' });
  });

  it('throws on invalid JSON', () => {
    expect(() => parseUntrustedJson('{"a":')).toThrow();
  });
});
