import { describe, expect, it } from 'vitest';
import { isSecretKey, MASK, maskValue } from './secrets.js';

describe('masking', () => {
  it.each([
    ['db.password', true],
    ['payments.apiKey', true],
    ['AUTH_TOKEN', true],
    ['oauth.client-secret', true],
    ['aws.credentials', true],
    ['vitamin.actuator.token', true],
    ['vitamin.server.keepAliveTimeoutMs', false],
    ['monkey.name', false],
    ['feature.tokenizer', false],
  ])('treats %s as secret: %s', (key, secret) => {
    expect(isSecretKey(key)).toBe(secret);
  });

  it('masks URL passwords in any value, and whole values under secret keys, deep inside objects', () => {
    expect(maskValue('db.url', 'postgres://app:hunter2@db:5432/x')).toBe(`postgres://app:${MASK}@db:5432/x`);
    expect(maskValue('urls', ['amqp://guest:guest@mq', 'http://plain/'])).toEqual([
      `amqp://guest:${MASK}@mq`,
      'http://plain/',
    ]);
    expect(maskValue('db', { password: 'x', host: 'h' })).toEqual({ password: MASK, host: 'h' });
    expect(maskValue('db.password', 42)).toBe(MASK);
    expect(maskValue('count', 3)).toBe(3);
  });
});
