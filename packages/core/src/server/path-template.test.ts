import { describe, expect, it } from 'vitest';
import { routerPath } from './path-template.js';

describe('routerPath', () => {
  it.each([
    ['', '', '/'],
    ['/greetings', '', '/greetings'],
    ['/greetings/', '/:name', '/greetings/:name'],
    ['greetings', '{name}', '/greetings/:name'],
    ['/a', '/b/{id}/c', '/a/b/:id/c'],
  ])('joins %j and %j into %j', (prefix, path, want) => {
    expect(routerPath(prefix, path)).toBe(want);
  });
});
