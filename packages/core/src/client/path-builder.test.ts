import { describe, expect, it } from 'vitest';
import { isVitaminError } from '../errors/vitamin-error.js';
import { compilePath } from './path-builder.js';

describe('compilePath', () => {
  const cases: [template: string, params: Record<string, unknown> | undefined, want: string][] = [
    ['/greetings', undefined, '/greetings'],
    ['greetings', undefined, '/greetings'],
    ['/greetings/{name}', { name: 'Ada' }, '/greetings/Ada'],
    ['/greetings/:name', { name: 'Ada' }, '/greetings/Ada'],
    ['/a/{x}/b/{y}.json', { x: 1, y: 'z' }, '/a/1/b/z.json'],
    ['/files/{name}', { name: '../../admin' }, '/files/..%2F..%2Fadmin'],
    ['/files/{name}', { name: '...' }, '/files/...'],
    ['/files/{name}', { name: 'a?b#c' }, '/files/a%3Fb%23c'],
    ['/files/{name}', { name: 'evil.com\r\nx: y' }, '/files/evil.com%0D%0Ax%3A%20y'],
    ['/files/{name}', { name: '//other-host' }, '/files/%2F%2Fother-host'],
    ['/files/{name}', { name: 'héllo wörld' }, '/files/h%C3%A9llo%20w%C3%B6rld'],
  ];
  it.each(cases)('%s with %j gives %s', (template, params, want) => {
    expect(compilePath(template, 'T#op')(params)).toBe(want);
  });

  it.each(['.', '..'])('refuses the dot segment %j, which URL parsers resolve even when encoded', (name) => {
    expect(() => compilePath('/files/{name}', 'T#op')({ name })).toThrow(
      `T#op: path parameter 'name' is '${name}', which would change the path`,
    );
  });

  it('refuses a missing or empty path parameter, naming it and the operation', () => {
    const build = compilePath('/greetings/{name}', 'GreetingClient#get');
    for (const params of [undefined, {}, { name: '' }, { name: null }]) {
      let caught: unknown;
      try {
        build(params);
      } catch (error) {
        caught = error;
      }
      expect(isVitaminError(caught) && caught.code).toBe('VITAMIN_E_INVALID_REQUEST');
      expect((caught as Error).message).toBe("GreetingClient#get: path parameter 'name' is missing");
    }
  });
});
