import { describe, expect, it } from 'vitest';
import { environmentProperties, envNameToKey, keyToEnvName } from './env-properties.js';
import { decodeStoreValue } from './store-value.js';

describe('environment variables', () => {
  it('map VITAMIN_PROPS__ names to keys exactly, dashes, capitals and single underscores kept', () => {
    const { values, refused } = environmentProperties({
      VITAMIN_PROPS__vitamin__command__default__timeoutMs: '2000',
      'VITAMIN_PROPS__vitamin__services__order-service__url': 'http://o',
      VITAMIN_PROPS__db__max_pool: 'true',
      OTHER: 'x',
      VITAMIN_PROPS__a____proto____x: '1',
    });
    expect(Object.fromEntries(values)).toEqual({
      'vitamin.command.default.timeoutMs': 2000,
      'vitamin.services.order-service.url': 'http://o',
      'db.max_pool': true,
    });
    expect(refused.map((r) => r.key)).toEqual(['VITAMIN_PROPS__a____proto____x']);
  });

  it('round-trips every valid key', () => {
    for (const key of ['a.b', 'vitamin.services.order-service.url', 'x_y.Z-1'])
      expect(envNameToKey(keyToEnvName(key))).toBe(key);
  });
});

describe('store values', () => {
  it.each([
    ['20', 20],
    ['true', true],
    ['"20"', '20'],
    ['[1,2]', [1, 2]],
    ['hello', 'hello'],
    ['2000ms', '2000ms'],
    ['{"__proto__":{"x":1}}', '{"__proto__":{"x":1}}'],
  ])('decode %s', (text, value) => {
    expect(decodeStoreValue(text)).toEqual(value);
  });
});
