import { describe, expect, it } from 'vitest';
import { encodeQuery, mergeHeaders } from './request-encoding.js';

describe('encodeQuery', () => {
  it('encodes keys and values, repeats arrays and leaves out undefined', () => {
    expect(encodeQuery({ q: 'a b&c', tag: ['x', 'y'], skip: undefined, n: 3, ok: false })).toBe(
      '?q=a%20b%26c&tag=x&tag=y&n=3&ok=false',
    );
  });

  it('gives an empty string for no query', () => {
    expect(encodeQuery(undefined)).toBe('');
    expect(encodeQuery({ a: undefined })).toBe('');
  });
});

describe('mergeHeaders', () => {
  const base = Object.freeze({ accept: 'application/json' });

  it('returns the base headers untouched when there are none to add', () => {
    expect(mergeHeaders(base, undefined, 'T#op')).toBe(base);
  });

  it('lower-cases names and converts values', () => {
    expect(mergeHeaders(base, { 'X-Request-Id': 42 }, 'T#op')).toEqual({
      accept: 'application/json',
      'x-request-id': '42',
    });
  });

  it.each(['a\r\nx-injected: 1', 'a\nb', 'a\0b'])('refuses the value %j', (value) => {
    expect(() => mergeHeaders(base, { 'x-name': value }, 'T#op')).toThrow(/T#op: header 'x-name' holds CR, LF or NUL/);
  });

  it('refuses a header name with CR or LF', () => {
    expect(() => mergeHeaders(base, { 'x\r\ny': 'v' }, 'T#op')).toThrow(/holds CR, LF or NUL/);
  });
});
